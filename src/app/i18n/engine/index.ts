import {
  type EngineCode,
  type EngineMessage,
  formatText,
  type MessageParams,
  type NestedMessage,
  renderMessage,
} from "../../../engine/index.ts";
import { japaneseTexts } from "../index.ts";
import type { Language } from "../types.ts";

/** An engine message (hop, event, diagnostic) in the learner's language. */
export function formatEngineMessage(message: EngineMessage | NestedMessage, language: Language): string {
  const { code, params } = message as { code: EngineCode; params: MessageParams };
  const ja = japaneseTexts()?.engine;
  if (language === "en" || !ja) return renderMessage({ code, params });
  return formatText(ja[code], params, (nested) => formatEngineMessage(nested, language));
}
