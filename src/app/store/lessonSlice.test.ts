import { describe, expect, it } from "vitest";
import type { StoreApi } from "zustand/vanilla";
import { lessonById, lessons } from "../../lessons/index.ts";
import { playLessonCommand } from "../commands/lessons.ts";
import "../commands/traffic.ts";
import { createInProcessEngineClient } from "../engine/client.inprocess.ts";
import { memoryStorage } from "../persist/memoryStorage.ts";
import type { KeyValueStorage } from "../persist/storage.ts";
import { type AppState, createAppStore } from "./index.ts";

const storeWith = (storage: KeyValueStorage) =>
  createAppStore({ engine: createInProcessEngineClient(), storage, rebuildDelayMs: 60_000 });

async function open(store: StoreApi<AppState>, id: string) {
  await store.getState().openLesson(id);
  await store.getState().rebuild();
}

describe("the lesson slice", () => {
  it("opens a lesson on its starting manifests, with nothing sent and no failed node", async () => {
    const store = storeWith(memoryStorage());
    await store.getState().failNode("node/node-1");
    await open(store, "03-clusterip");
    const state = store.getState();
    expect(state.mode).toBe("lesson");
    expect(state.files.map((f) => f.name)).toEqual(lessonById("03-clusterip")?.manifests.map((f) => f.name));
    expect(state.failedNodes).toEqual([]);
    expect(state.requests).toEqual([]);
    expect(state.completed["03-clusterip"]).toBeUndefined();
  });

  it("judges a newly opened lesson only once its own manifests are built", async () => {
    const store = storeWith(memoryStorage());
    await store.getState().rebuild();
    // The sandbox already has a Service selecting app: web, which lesson 2's first step asks for.
    expect(store.getState().cluster?.services.some((s) => s.selector?.app === "web")).toBe(true);
    await open(store, "02-services");
    expect(store.getState().lessonAwaitingBuild).toBe(false);
    expect(store.getState().completed["02-services"]).toBeUndefined();
  });

  it("ticks a step when the learner's own request meets its goal, and keeps it across a reload", async () => {
    const storage = memoryStorage();
    const store = storeWith(storage);
    await open(store, "03-clusterip");
    const ip = store.getState().cluster?.services.find((s) => s.ref === "svc/default/web")?.clusterIP;
    store.getState().setRequestFrom("pod/default/client");
    store.getState().setRequestTo(`http://${ip}/`);
    await store.getState().send(1);
    expect(store.getState().completed["03-clusterip"]).toEqual(["send-clusterip"]);
    store.getState().goToStep(1);

    const reloaded = storeWith(storage);
    expect(reloaded.getState().completed["03-clusterip"]).toEqual(["send-clusterip"]);
    expect(reloaded.getState()).toMatchObject({ mode: "lesson", lessonId: "03-clusterip", stepIndex: 1 });
    expect(reloaded.getState().files.map((f) => f.name)).toEqual(["web.yaml"]);
  });

  // Every lesson's simulations through the store (with the graph's sampled packets): seconds of work on a loaded machine.
  it("plays every lesson's solution through the app's commands and meets every goal", async () => {
    const store = storeWith(memoryStorage());
    for (const data of lessons) {
      const lesson = data.id;
      await open(store, lesson);
      for (const step of data.steps) {
        for (const command of step.solution)
          expect(await playLessonCommand(command, store), step.id).toBe(true);
      }
      expect(store.getState().completed[lesson]).toEqual(data.steps.map((s) => s.id));
    }
  }, 30_000);

  it("a DNS lookup outside a lesson is shown but not recorded", async () => {
    const store = storeWith(memoryStorage());
    await store.getState().rebuild();
    store.getState().setLookupFrom("pod/default/db-0");
    store.getState().setLookupName("web");
    await store.getState().lookup();
    expect(store.getState().lastLookup?.lookup?.answers[0]?.type).toBe("A");
    expect(store.getState().lessonLog.lookups).toEqual([]);
  });

  it("starts each lesson clean: its own request bar, an empty inspector, requests numbered from 1, the request view", async () => {
    const store = storeWith(memoryStorage());
    await open(store, "12-failover");
    store.getState().inspectObject("node/node-2");
    store.getState().setTimeMode(true);
    await open(store, "03-clusterip");
    store.getState().setRequestTo("http://web/");
    await store.getState().send(3);
    expect(store.getState().requests.map((r) => r.id)).toEqual([1, 2, 3]);
    await open(store, "11-ingress");
    const state = store.getState();
    expect(state.selectedRef).toBeNull();
    expect(state.selectedRequest).toBeNull();
    expect(state.timeMode).toBe(false);
    // Lesson 11 sends from the external client to the ingress controller's address, which the learner finds.
    expect([state.requestFrom, state.requestTo]).toEqual(["client/external", ""]);
    await open(store, "02-services");
    expect([store.getState().requestFrom, store.getState().requestTo]).toEqual([
      "pod/default/client",
      "http://web/",
    ]);
    await store.getState().send(1);
    expect(store.getState().requests.map((r) => r.id)).toEqual([1]);
  });
});
