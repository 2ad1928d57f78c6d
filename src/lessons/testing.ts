import { expect } from "vitest";
import { type HeadlessSession, runCommand, startSession } from "./replay.ts";
import type { Lesson } from "./types.ts";

/** Tests only: a lesson's solution replayed up to the end of step `id`, every command succeeding. */
export function playedTo(lesson: Lesson, id: string): HeadlessSession {
  const session = startSession(lesson);
  for (const s of lesson.steps) {
    for (const command of s.solution) expect(runCommand(session, command)).toBeNull();
    if (s.id === id) return session;
  }
  throw new Error(`no step ${id}`);
}
