import { diagnosticTexts } from "./diagnostics.ts";
import { eventTexts } from "./events.ts";
import { hopTexts } from "./hops.ts";
import { formatText, type MessageOf, type MessageParams } from "./text.ts";

/** Every English template the engine has, by code (codes are unique across the three kinds). */
export const engineTexts = { ...hopTexts, ...eventTexts, ...diagnosticTexts } as const;
export type EngineCode = keyof typeof engineTexts;

export type HopMessage = MessageOf<typeof hopTexts>;
export type EventMessage = MessageOf<typeof eventTexts>;
export type DiagnosticMessage = MessageOf<typeof diagnosticTexts>;
export type EngineMessage = HopMessage | EventMessage | DiagnosticMessage;

/** A hop message (or a phrase of one), typed by its code: the parameters are exactly its template's. */
export function hopMessage<C extends HopMessage["code"]>(
  code: C,
  params: Extract<HopMessage, { code: C }>["params"],
): HopMessage {
  return { code, params } as HopMessage;
}

type ParamsOf<C extends EngineCode> = Extract<EngineMessage, { code: C }>["params"];

/** A message of one code, its parameters checked against the template (none to pass when it has none). */
export function message<C extends EngineCode>(
  code: C,
  ...params: keyof ParamsOf<C> extends never ? [] : [ParamsOf<C>]
): Extract<EngineMessage, { code: C }> {
  return { code, params: params[0] ?? {} } as Extract<EngineMessage, { code: C }>;
}

type ListCode = "list.more" | "list.or" | "list.comma";

/** Several messages as one, separated as the language separates list items ("a, b, c"). */
export function messageList<M extends EngineMessage>(
  items: readonly M[],
  separator: ListCode = "list.more",
): M | EventMessage {
  const [first, ...rest] = items;
  if (!first) return message("list.none");
  return rest.length === 0 ? first : message(separator, { first, rest: messageList(rest, separator) });
}

/** A message in English: what the CLI prints and what the app shows when the learner reads English. */
export function renderMessage(message: { code: string; params: MessageParams }): string {
  return formatText(engineTexts[message.code as EngineCode], message.params, renderMessage);
}

export type { MessageParam, MessageParams, NestedMessage } from "./text.ts";
export { formatText, placeholders } from "./text.ts";
