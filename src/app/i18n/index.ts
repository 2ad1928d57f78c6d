import { formatText } from "../../engine/index.ts";
import { onDemand } from "../onDemand.ts";
import { loadEnglishEngineTexts } from "./engine/english.ts";
import { consoleMessages } from "./messages/console.ts";
import { editor } from "./messages/editor.ts";
import { gateway } from "./messages/gateway.ts";
import { graph } from "./messages/graph.ts";
import { ingress } from "./messages/ingress.ts";
import { layout } from "./messages/layout.ts";
import { lessons } from "./messages/lessons.ts";
import { live } from "./messages/live.ts";
import { scale } from "./messages/scale.ts";
import { shell } from "./messages/shell.ts";
import { time } from "./messages/time.ts";
import { LANGUAGES, type Language } from "./types.ts";

// Each feature keeps its own texts in messages/ (English X.ts, Japanese X.ja.ts); add yours to this list
// and its Japanese to japanese.ts.
export const catalogues = [
  shell,
  graph,
  lessons,
  editor,
  ingress,
  gateway,
  time,
  scale,
  live,
  consoleMessages,
  layout,
] as const;

type Catalogue = (typeof catalogues)[number];
export type MessageKey = Catalogue extends infer C ? (C extends unknown ? keyof C & string : never) : never;

const en: Record<string, string> = Object.assign({}, ...catalogues);

/** The Japanese texts: a chunk of their own, with the engine's Japanese (issue 15). */
const japanese = onDemand(() =>
  import("./japanese.ts").then((module) => ({
    messages: Object.assign({}, ...module.cataloguesJa) as Record<string, string | undefined>,
    engine: module.engineTextsJa,
  })),
);

/**
 * Fetches the app's own texts of a language, once (English's are always here). The page first shows a
 * language once this has resolved.
 */
export async function loadAppTexts(language: Language): Promise<void> {
  if (language !== "en") await japanese.load();
}

/**
 * Fetches every text of a language, the app's and the engine's (English templates are a chunk of their
 * own: engine/english.ts). The language switch waits for this, so that no text is ever missing on screen.
 */
export async function loadLanguage(language: Language): Promise<void> {
  await (language === "en" ? loadEnglishEngineTexts() : loadAppTexts(language));
}

/** The Japanese texts, once fetched (loadAppTexts). */
export function japaneseTexts() {
  return japanese.loaded();
}

export type Params = Record<string, string | number>;

function interpolate(text: string, params?: Params): string {
  return params ? formatText(text, params) : text;
}

/** Looks a text up in the learner's language; falls back to English, visibly so in development. */
export function translate(
  language: Language,
  key: MessageKey,
  params?: Params,
  dev = import.meta.env.DEV,
): string {
  const english = en[key] ?? key;
  if (language === "en") return interpolate(english, params);
  const local = japanese.loaded()?.messages[key];
  if (local !== undefined) return interpolate(local, params);
  return interpolate(dev ? `⚠${english}` : english, params);
}

/** Keys that have no Japanese text (tested to be none), once the Japanese texts are fetched. */
export function missingTranslations(): string[] {
  return Object.keys(en).filter((key) => japanese.loaded()?.messages[key] === undefined);
}

/** The browser's preferred language when it is one we have, else English. */
export function preferredLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split("-")[0];
    const match = LANGUAGES.find((l) => l === base);
    if (match) return match;
  }
  return "en";
}

export { LANGUAGES, type Language };
