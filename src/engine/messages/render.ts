import { engineTexts } from "./english.ts";
import { type NestedMessage, renderText } from "./text.ts";

/** A message in English: what the CLI prints and what the app shows when the learner reads English. */
export function renderMessage(message: NestedMessage): string {
  return renderText(engineTexts, message);
}
