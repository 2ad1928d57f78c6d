import { describe, expect, it, vi } from "vitest";

/** A store whose modules are fresh: the course not yet fetched, as on a page that has just loaded. */
async function freshStore() {
  vi.resetModules();
  const [
    { createInProcessEngineClient },
    { course },
    { memoryStorage },
    { createAppStore },
    { currentLesson },
  ] = await Promise.all([
    import("../engine/client.inprocess.ts"),
    import("../lessons/course.ts"),
    import("../persist/memoryStorage.ts"),
    import("./index.ts"),
    import("./lessonSlice.ts"),
  ]);
  expect(course.loaded()).toBeUndefined();
  const store = createAppStore({
    engine: createInProcessEngineClient(),
    storage: memoryStorage(),
    rebuildDelayMs: 60_000,
  });
  return { store, course, currentLesson };
}

describe("opening a lesson before its data has arrived", () => {
  it("opens it once the course is fetched, and not at all when the learner went to the sandbox meanwhile", async () => {
    const { store, course, currentLesson } = await freshStore();
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

  it("keeps what the learner did meanwhile: the Time view opened after the click stays open", async () => {
    const { store, currentLesson } = await freshStore();
    store.getState().showTimeView(true);
    const opening = store.getState().openLesson("12-failover");
    expect(store.getState().timeMode).toBe(false);
    store.getState().showTimeView(true);
    expect(await opening).toBe(true);
    expect(currentLesson(store.getState())?.id).toBe("12-failover");
    expect(store.getState().timeMode).toBe(true);
  });
});
