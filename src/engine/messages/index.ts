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

/** A message in English: what the CLI prints and what the app shows when the learner reads English. */
export function renderMessage(message: { code: EngineCode; params: MessageParams }): string {
  return formatText(engineTexts[message.code], message.params);
}

export { formatText, placeholders } from "./text.ts";
export type { MessageParams };
