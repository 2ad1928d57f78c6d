import { formatText } from "../../engine/index.ts";
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

// Each feature keeps its own texts in messages/; add yours to this list.
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
export type MessageKey = Catalogue extends infer C
  ? C extends { en: infer E }
    ? keyof E & string
    : never
  : never;

const en: Record<string, string> = Object.assign({}, ...catalogues.map((c) => c.en));
const ja: Record<string, string | undefined> = Object.assign({}, ...catalogues.map((c) => c.ja));

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
  const local = ja[key];
  if (local !== undefined) return interpolate(local, params);
  return interpolate(dev ? `⚠${english}` : english, params);
}

/** Keys that have no Japanese text yet (tested to be empty). */
export function missingTranslations(): string[] {
  return Object.keys(en).filter((key) => ja[key] === undefined);
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
