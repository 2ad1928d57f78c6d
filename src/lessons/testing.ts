import { expect } from "vitest";
import { lessons } from "./index.ts";
import { type HeadlessSession, runCommand, startSession } from "./replay.ts";
import { loadLessonText } from "./texts.ts";
import type { Lesson, LessonLanguage, LessonText } from "./types.ts";

/** Tests only: a lesson's solution replayed up to the end of step `id`, every command succeeding. */
export function playedTo(lesson: Lesson, id: string): HeadlessSession {
  const session = startSession(lesson);
  for (const s of lesson.steps) {
    for (const command of s.solution) expect(runCommand(session, command)).toBeNull();
    if (s.id === id) return session;
  }
  throw new Error(`no step ${id}`);
}

/** Tests only: every lesson's text in both languages, fetched as the app fetches one (texts.ts). */
export async function courseTexts(): Promise<Map<string, Record<LessonLanguage, LessonText>>> {
  const entries = await Promise.all(
    lessons.map(async (l) => {
      const [en, ja] = await Promise.all([loadLessonText(l.id, "en"), loadLessonText(l.id, "ja")]);
      return [l.id, { en, ja }] as const;
    }),
  );
  return new Map(entries);
}
