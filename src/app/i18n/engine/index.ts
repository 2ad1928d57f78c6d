import {
  type EngineCode,
  type EngineMessage,
  formatText,
  type MessageParams,
  type NestedMessage,
  renderMessage,
} from "../../../engine/index.ts";
import type { Language } from "../types.ts";
import { diagnosticTextsJa } from "./diagnostics.ts";
import { eventTextsJa } from "./events.ts";
import { hopTextsJa } from "./hops.ts";

/** Japanese for every engine code; the types make a missing code a compile error. */
export const engineTextsJa: Record<EngineCode, string> = {
  ...hopTextsJa,
  ...eventTextsJa,
  ...diagnosticTextsJa,
};

/** An engine message (hop, event, diagnostic) in the learner's language. */
export function formatEngineMessage(message: EngineMessage | NestedMessage, language: Language): string {
  const { code, params } = message as { code: EngineCode; params: MessageParams };
  if (language === "en") return renderMessage({ code, params });
  return formatText(engineTextsJa[code], params, (nested) => formatEngineMessage(nested, language));
}
