import type { LessonLanguage } from "./types.ts";

/** What the lesson list shows of a lesson before its manifests and goals are fetched (app/lessons/course.ts). */
export interface LessonOutline {
  title: string;
  /** Its steps' ids, in order: the same as its goals' (text.test.ts checks every lesson). */
  steps: readonly string[];
}

// Taken from each lesson's markdown while the app is built (scripts/lessonOutlines.ts).
const outlines = import.meta.glob<LessonOutline>("./*/*.md", {
  query: "?outline",
  import: "default",
  eager: true,
});

/** The course's lesson ids in order: a lesson is its folder, `NN-name`, numbered in the chapter's order. */
export const lessonIds: readonly string[] = Object.keys(outlines)
  .filter((file) => file.endsWith("/en.md"))
  .map((file) => file.slice(2, -"/en.md".length))
  .sort();

/** A lesson's title (its markdown's `# Title` line) in a language. */
export function lessonTitle(id: string, language: LessonLanguage): string {
  return outlines[`./${id}/${language}.md`]?.title ?? id;
}

/** A lesson's steps' ids, as the list counts them. */
export function lessonSteps(id: string): readonly string[] {
  return outlines[`./${id}/en.md`]?.steps ?? [];
}
