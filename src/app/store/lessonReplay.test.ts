import { describe, expect, it } from "vitest";
import { traceDuration } from "../../engine/trace/timing.ts";
import { lessons } from "../../lessons/index.ts";
import { runCommand, startSession } from "../../lessons/replay.ts";
import { playLessonCommand } from "../commands/lessons.ts";
import "../commands/traffic.ts";
import { createInProcessEngineClient } from "../engine/client.inprocess.ts";
import { packetClock } from "../packets/clock.ts";
import { memoryStorage } from "../persist/memoryStorage.ts";
import { createAppStore } from "./index.ts";

// Issue 12: the replayer runs the path a learner's clicks run. Every lesson's solution goes through
// the store, its engine client and the worker's message handler (the worker path), and through the
// headless replayer (src/lessons/replay.ts); both send over createSession and must trace alike.
describe("a lesson's solution, through the worker path and the replay path", () => {
  it("gives identical traces in every lesson", async () => {
    // One store for every lesson, as a learner going through them: each lesson starts over.
    const store = createAppStore({
      engine: createInProcessEngineClient(),
      storage: memoryStorage(),
      rebuildDelayMs: 60_000,
    });
    for (const lesson of lessons) {
      await store.getState().openLesson(lesson.id);
      await store.getState().rebuild();
      const replay = startSession(lesson);
      packetClock.now = 0;
      for (const step of lesson.steps) {
        for (const command of step.solution) {
          // The learner acts once the packets sent have landed, as the replayer does.
          const landed = store.getState().requests.map((r) => r.sentAt + traceDuration(r.trace));
          packetClock.now = Math.max(packetClock.now, ...landed);
          expect(await playLessonCommand(command, store), `${lesson.id} ${step.id}`).toBe(true);
          expect(runCommand(replay, command), `${lesson.id} ${step.id}`).toBeNull();
        }
      }
      const app = store.getState().requests.map((r) => r.trace);
      expect(app.length, lesson.id).toBe(replay.record.requests.length);
      expect(app, lesson.id).toEqual(replay.record.requests.map((r) => r.trace));
      expect(
        store.getState().lessonLog.lookups.map((l) => l.result),
        lesson.id,
      ).toEqual(replay.record.lookups.map((l) => l.result));
    }
    packetClock.now = 0;
  }, 60_000);
});
