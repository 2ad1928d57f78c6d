import { describe, expect, it } from "vitest";
import { createInProcessEngineClient } from "../engine/client.inprocess.ts";
import { course } from "../lessons/course.ts";
import { memoryStorage } from "../persist/memoryStorage.ts";
import { createAppStore } from "./index.ts";
import { currentLesson } from "./lessonSlice.ts";

// Its own file: the course must not have been fetched yet by another test of the same module graph.
const storeWith = () =>
  createAppStore({ engine: createInProcessEngineClient(), storage: memoryStorage(), rebuildDelayMs: 60_000 });

describe("opening a lesson before its data has arrived", () => {
  it("opens it once the course is fetched, and not at all when the learner went to the sandbox meanwhile", async () => {
    expect(course.loaded()).toBeUndefined();
    const store = storeWith();
    const opening = store.getState().openLesson("03-clusterip");
    expect(store.getState().mode).toBe("sandbox");
    store.getState().openSandbox();
    await opening;
    expect(course.loaded()).toBeDefined();
    expect(store.getState().mode).toBe("sandbox");

    expect(await store.getState().openLesson("03-clusterip")).toBe(true);
    expect(currentLesson(store.getState())?.id).toBe("03-clusterip");
    expect(await store.getState().openLesson("no-such-lesson")).toBe(false);
    expect(currentLesson(store.getState())?.id).toBe("03-clusterip");
  });
});
