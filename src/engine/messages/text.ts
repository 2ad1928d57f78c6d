/**
 * Texts the engine returns for people are messages: a code and its parameters (issue 14). The
 * engine keeps the English template of each code (what the CLI prints, byte for byte); the app
 * renders the same code in the learner's language from its own catalogue.
 */

/** The names of the `{placeholders}` in a template, as a union of string literals. */
export type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer R}`
  ? P | ParamNames<R>
  : never;

export type MessageParams = Record<string, string | number>;

/** One message of a catalogue: its code with exactly the parameters its English template names. */
export type MessageOf<K extends Record<string, string>> = {
  [C in keyof K & string]: { code: C; params: Record<ParamNames<K[C]>, string | number> };
}[keyof K & string];

/** Fills `{name}` placeholders; an unknown name stays as written so a missing parameter shows. */
export function formatText(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The placeholders a template uses, sorted (translations must use the same ones). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}
