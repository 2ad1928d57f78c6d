import { describe, expect, it, vi } from "vitest";
import { createInProcessEngineClient } from "../engine/client.inprocess.ts";
import { packetSteps } from "../packets/steps.ts";
import { memoryStorage } from "../persist/memoryStorage.ts";
import { readStored } from "../persist/storage.ts";
import { createAppStore } from "./index.ts";
import { SANDBOX_STARTING } from "./manifestsSlice.ts";

const storeWith = (storage = memoryStorage(), rebuildDelayMs = 60_000) =>
  createAppStore({ engine: createInProcessEngineClient(), storage, rebuildDelayMs });

describe("the store's initial state and reset", () => {
  it("starts in the sandbox on its sample with nothing built, sent, selected or failed", () => {
    const initial = storeWith().getInitialState();
    expect(initial).toMatchObject({
      mode: "sandbox",
      documentId: "sandbox",
      files: SANDBOX_STARTING,
      cluster: null,
      requests: [],
      failedNodes: [],
      selectedRef: null,
      selectedRequest: null,
      timeMode: false,
      clock: 0,
      simulation: null,
    });
  });

  it("keeps the initial state as it was whatever the actions did since", async () => {
    const store = storeWith();
    const initial = store.getInitialState();
    await store.getState().rebuild();
    await store.getState().send(3);
    await store.getState().failNode("node/node-2");
    expect(store.getState().requests).toHaveLength(3);
    expect(store.getInitialState()).toBe(initial);
    expect(initial.requests).toEqual([]);
    expect(initial.failedNodes).toEqual([]);
  });

  it("resets to the initial state and builds its cluster again", async () => {
    const store = storeWith();
    await store.getState().rebuild();
    await store.getState().openLesson("03-clusterip");
    await store.getState().rebuild();
    await store.getState().send(2);
    await store.getState().failNode("node/node-1");
    store.getState().setTimeMode(true);
    store.getState().inspectObject("node/node-1");

    await store.getState().reset();
    const state = store.getState();
    const initial = store.getInitialState();
    for (const key of [
      "mode",
      "documentId",
      "files",
      "requests",
      "failedNodes",
      "selectedRef",
      "timeMode",
    ] as const)
      expect(state[key]).toEqual(initial[key]);
    expect(state.cluster?.nodes.map((n) => n.name)).toEqual(["node-1", "node-2", "node-3"]);
    expect(state.cluster?.nodes.some((n) => n.failed)).toBe(false);
  });
});

describe("effects called by the action that causes them (no store subscribers)", () => {
  it("setLanguage saves the learner's choice", async () => {
    const storage = memoryStorage();
    await storeWith(storage).getState().setLanguage("ja");
    expect(readStored(storage, "language", (v): v is string => typeof v === "string")).toBe("ja");
    expect(storeWith(storage).getState().language).toBe("ja");
  });

  /** A store built once, and a count of the builds its engine was asked for. */
  async function countingBuilds(rebuildDelayMs: number) {
    const engine = createInProcessEngineClient();
    const request = vi.spyOn(engine, "request");
    const store = createAppStore({ engine, storage: memoryStorage(), rebuildDelayMs });
    await store.getState().rebuild();
    const builds = () => request.mock.calls.filter(([r]) => r.type === "build").length;
    return { store, builds, before: builds() };
  }

  it("an edit rebuilds the cluster once edits settle, and a rebuild asked for meanwhile takes it in", async () => {
    const { store, builds, before } = await countingBuilds(20);
    store.getState().setFileText("sandbox.yaml", `${SANDBOX_STARTING[0]?.text}\n# edited\n`);
    expect(builds()).toBe(before);
    await vi.waitFor(() => expect(builds()).toBe(before + 1));

    store.getState().setFileText("sandbox.yaml", `${SANDBOX_STARTING[0]?.text}\n# edited again\n`);
    await store.getState().rebuild();
    await new Promise((resolve) => setTimeout(resolve, 60));
    // The settled edit was already built by the rebuild asked for: no second build.
    expect(builds()).toBe(before + 2);
  });

  it("a whole edit (a paste, a drop) is built at once, not once edits settle", async () => {
    const { store, builds, before } = await countingBuilds(60_000);
    store.getState().setFileText("sandbox.yaml", `${SANDBOX_STARTING[0]?.text}\n# pasted\n`, true);
    expect(builds()).toBe(before + 1);
  });

  it("an import, a file closed, a reset and a restore are each built at once: nothing more is coming", async () => {
    const { store, builds, before } = await countingBuilds(60_000);
    const service =
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: imported\nspec:\n  ports: [{port: 80}]\n";
    store.getState().addFile("imported.yaml", service);
    expect(builds()).toBe(before + 1);
    store.getState().removeFile("imported.yaml");
    expect(builds()).toBe(before + 2);
    store.getState().resetDocument();
    expect(builds()).toBe(before + 3);
    store.getState().restoreBackup();
    expect(builds()).toBe(before + 4);
  });

  it("a rebuild while the time view is open plays the scenario again over the new cluster", async () => {
    const store = storeWith();
    await store.getState().rebuild();
    store.getState().setTimeMode(true);
    await vi.waitFor(() => expect(store.getState().simulation).not.toBeNull());
    const first = store.getState().simulation?.run;
    await store.getState().failNode("node/node-3");
    await vi.waitFor(() => expect(store.getState().simulation?.run).not.toBe(first));
  });

  it("opening another lesson saves the place and starts the scenario afresh", async () => {
    const storage = memoryStorage();
    const store = storeWith(storage);
    store.getState().addStream({ name: "web", from: "external", to: "http://198.51.100.10/", rate: 1 });
    expect(store.getState().scenario.traffic).toHaveLength(1);
    await store.getState().openLesson("03-clusterip");
    expect(store.getState().scenario.traffic).toEqual([]);
    expect(storeWith(storage).getState()).toMatchObject({ mode: "lesson", lessonId: "03-clusterip" });
  });
});

describe("a share link's address (share/address.ts), dropped by the action that adopts or leaves it", () => {
  const shared = { lesson: null, files: [{ name: "s.yaml", text: "# s\n" }], failedNodes: [] };
  const storeWithAddress = () => {
    const address = { dropShareLink: vi.fn() };
    const store = createAppStore({
      engine: createInProcessEngineClient(),
      storage: memoryStorage(),
      rebuildDelayMs: 60_000,
      address,
    });
    return { store, drops: address.dropShareLink };
  };

  it("stays while the shared manifests are only shown, and goes at the learner's first edit", () => {
    const { store, drops } = storeWithAddress();
    void store.getState().openShared(shared);
    expect(drops).not.toHaveBeenCalled();
    store.getState().setFileText("s.yaml", "# mine now\n");
    expect(drops).toHaveBeenCalledTimes(1);
    store.getState().setFileText("s.yaml", "# mine still\n");
    expect(drops).toHaveBeenCalledTimes(1);
  });

  it("goes when the learner opens a lesson instead", async () => {
    const { store, drops } = storeWithAddress();
    await store.getState().openShared(shared);
    await store.getState().openLesson("03-clusterip");
    expect(drops).toHaveBeenCalledTimes(1);
  });

  it("goes back to the learner's own saved work, rebuilt", async () => {
    const { store, drops } = storeWithAddress();
    await store.getState().rebuild();
    await store.getState().openShared(shared);
    store.getState().openOwnWork();
    expect(drops).toHaveBeenCalledTimes(1);
    expect(store.getState()).toMatchObject({ origin: "starting", files: SANDBOX_STARTING });
    await store.getState().rebuild();
    expect(store.getState().cluster?.services.some((s) => s.name === "web")).toBe(true);
  });

  it("is never touched when no link was opened", async () => {
    const { store, drops } = storeWithAddress();
    await store.getState().rebuild();
    store.getState().setFileText("sandbox.yaml", `${SANDBOX_STARTING[0]?.text}\n# edited\n`);
    await store.getState().openLesson("03-clusterip");
    await store.getState().reset();
    expect(drops).not.toHaveBeenCalled();
  });
});

describe("stepping the packets (packets/steps.ts): an action, not a counter watched", () => {
  it("pauses and steps the attached packet layer once per press, forwards or back", () => {
    const store = storeWith();
    const stepper = { step: vi.fn(), stepBack: vi.fn() };
    const detach = packetSteps.attach(stepper);
    store.getState().stepOnce();
    expect(store.getState().playing).toBe(false);
    store.getState().stepOnce();
    store.getState().stepBack();
    expect(stepper.step).toHaveBeenCalledTimes(2);
    expect(stepper.stepBack).toHaveBeenCalledTimes(1);
    detach();
    store.getState().stepOnce();
    expect(stepper.step).toHaveBeenCalledTimes(2);
  });
});
