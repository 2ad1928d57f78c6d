import type { diagnosticTexts } from "./diagnostics.ts";
import type { EngineCode } from "./english.ts";
import type { eventTexts } from "./events.ts";
import type { hopTexts } from "./hops.ts";
import type { MessageOf } from "./text.ts";

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

// Rendering English is a module of its own, away from what builds messages, so that a page that builds
// them does not carry the templates (issue 15).
export { type EngineCode, engineTexts } from "./english.ts";
export { renderMessage } from "./render.ts";
export type { MessageParam, MessageParams, NestedMessage } from "./text.ts";
export { formatText, placeholders, renderText } from "./text.ts";
