/**
 * Texts the engine returns for people are messages: a code and its parameters (issue 14). The
 * engine keeps the English template of each code (what the CLI prints, byte for byte); the app
 * renders the same code in the learner's language from its own catalogue.
 */

/** The names of the `{placeholders}` in a template, as a union of string literals. */
export type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer R}`
  ? P | ParamNames<R>
  : never;

/**
 * A parameter: a value spelt the same in every language (a name, an address, a number), or a message
 * of its own, rendered in the same language (a phrase that varies, such as why a route was chosen).
 */
export type MessageParam = string | number | NestedMessage;
export interface NestedMessage {
  code: string;
  params: MessageParams;
}
export type MessageParams = { [name: string]: MessageParam };

/** One message of a catalogue: its code with exactly the parameters its English template names. */
export type MessageOf<K extends Record<string, string>> = {
  [C in keyof K & string]: { code: C; params: Record<ParamNames<K[C]>, MessageParam> };
}[keyof K & string];

/**
 * Fills `{name}` placeholders; an unknown name stays as written so a missing parameter shows. A
 * parameter that is a message is rendered by `nested` (in the same language as the template).
 */
export function formatText(
  template: string,
  params: MessageParams = {},
  nested: (message: NestedMessage) => string = () => "",
): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in params)) return m;
    const value = params[name] as MessageParam;
    return typeof value === "object" ? nested(value) : String(value);
  });
}

/** A message from one language's templates, the messages among its parameters from the same ones. */
export function renderText(templates: Readonly<Record<string, string>>, message: NestedMessage): string {
  return formatText(templates[message.code] as string, message.params, (nested) =>
    renderText(templates, nested),
  );
}

/** The placeholders a template uses, sorted (translations must use the same ones). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}
