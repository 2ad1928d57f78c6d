import { type EngineMessage, type NestedMessage, renderText } from "../../../engine/index.ts";
import { japaneseTexts } from "../index.ts";
import type { Language } from "../types.ts";
import { englishEngineText, englishEngineTextsLoaded } from "./english.ts";

/** What shows in place of an engine text for the moment its English templates take to arrive. */
export const PENDING_TEXT = "…";

/** Whether `formatEngineMessage` gives `language`'s texts now (the Japanese come with the app's own). */
export function engineTextsLoaded(language: Language): boolean {
  return language === "ja" && japaneseTexts() !== undefined ? true : englishEngineTextsLoaded();
}

/**
 * An engine message (hop, event, diagnostic) in the learner's language; PENDING_TEXT while the English
 * templates are on their way (useEngineText re-renders when they arrive).
 */
export function formatEngineMessage(message: EngineMessage | NestedMessage, language: Language): string {
  const ja = japaneseTexts()?.engine;
  if (language === "ja" && ja) return renderText(ja, message);
  return englishEngineText(message) ?? PENDING_TEXT;
}
