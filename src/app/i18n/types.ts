export const LANGUAGES = ["en", "ja"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * One feature's texts. English is complete by definition; Japanese may lag, and a missing key falls
 * back to English (marked in development so it is seen and fixed).
 */
export type Messages = { en: Record<string, string>; ja: Partial<Record<string, string>> };
