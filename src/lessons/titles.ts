import type { LessonLanguage } from "./types.ts";

// Only the titles, taken from each lesson's markdown while the app is built (scripts/lessonTitle.ts): the
// lesson list shows them without fetching any lesson's text (texts.ts).
const titles = import.meta.glob<string>("./*/*.md", { query: "?title", import: "default", eager: true });

/** A lesson's title (its markdown's `# Title` line) in a language. */
export function lessonTitle(id: string, language: LessonLanguage): string {
  return titles[`./${id}/${language}.md`] ?? id;
}
