export const LANGUAGES = ["en", "ja"] as const;
export type Language = (typeof LANGUAGES)[number];

/** One feature's texts in English, by key: complete by definition, and always loaded. */
export type Dictionary = Record<string, string>;

/**
 * The same feature's texts in Japanese, in a file of their own that only a learner reading Japanese
 * fetches (japanese.ts). Japanese may lag: a missing key falls back to English (marked in development
 * so it is seen and fixed, and a unit test fails on it).
 */
export type Japanese<E extends Dictionary> = Partial<Record<keyof E, string>>;
