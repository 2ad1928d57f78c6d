import { parseLessonText } from "./text.ts";
import type { LessonLanguage, LessonText } from "./types.ts";

// Each lesson's words in each language are a file of their own in the build, fetched when that lesson is
// opened in that language (issue 15: a first screen fetches no lesson body it does not show). The lesson
// list's titles and step ids come from the same files, read while the app is built (scripts/lessonOutlines.ts).
const markdown = import.meta.glob<string>("./*/*.md", { query: "?raw", import: "default" });

const loaded = new Map<string, LessonText>();
const loading = new Map<string, Promise<LessonText>>();
const fileOf = (id: string, language: LessonLanguage) => `${id}/${language}.md`;

/** A lesson's text in a language if it has been loaded, for what must answer at once (a keyboard shortcut). */
export function loadedLessonText(id: string, language: LessonLanguage): LessonText | undefined {
  return loaded.get(fileOf(id, language));
}

/** A lesson's text in a language: its markdown fetched once, then read (text.ts). */
export function loadLessonText(id: string, language: LessonLanguage): Promise<LessonText> {
  const file = fileOf(id, language);
  const started = loading.get(file);
  if (started) return started;
  const load = markdown[`./${file}`];
  if (!load) return Promise.reject(new Error(`${file}: no such lesson text`));
  const text = load().then((source) => {
    const parsed = parseLessonText(file, source);
    loaded.set(file, parsed);
    return parsed;
  });
  // A failed fetch (the network went away) may be tried again.
  text.catch(() => loading.delete(file));
  loading.set(file, text);
  return text;
}
