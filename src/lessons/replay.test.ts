import { describe, expect, it } from "vitest";
import { goalMet } from "./goals.ts";
import { lessons } from "./index.ts";
import { runCommand, startSession } from "./replay.ts";

describe.each(lessons.map((l) => [l.id, l] as const))("lesson %s", (_id, lesson) => {
  it("starts from valid manifests, with no goal already met", () => {
    const session = startSession(lesson);
    expect(session.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(session.record.cluster).not.toBeNull();
    for (const step of lesson.steps) expect(goalMet(step.goal, session.record), step.id).toBe(false);
  });

  it("its solution, replayed step by step, meets each step's goal at the end of its part", () => {
    const session = startSession(lesson);
    for (const step of lesson.steps) {
      for (const command of step.solution)
        expect(runCommand(session, command), `${step.id}: ${command.id}`).toBeNull();
      expect(goalMet(step.goal, session.record), step.id).toBe(true);
    }
  });
});
