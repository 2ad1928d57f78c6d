import { describe, expect, it, vi } from "vitest";
import { createInProcessEngineClient } from "../engine/client.inprocess.ts";
import { createAppStore } from "../store/index.ts";
import { SANDBOX_STARTING } from "../store/manifestsSlice.ts";
import { isStale } from "../store/selectors.ts";
import { memoryStorage } from "./memoryStorage.ts";
import { loadScreen, MAX_VALID_COPY_CHARS } from "./screen.ts";
import type { KeyValueStorage } from "./storage.ts";

const storeWith = (storage: KeyValueStorage) =>
  createAppStore({ engine: createInProcessEngineClient(), storage, rebuildDelayMs: 60_000 });

const sample = SANDBOX_STARTING[0]?.text ?? "";
const extra =
  "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: extra\nspec:\n  ports:\n    - port: 80\n";

describe("the screen kept across a reload (issue 14)", () => {
  it("brings back the last valid cluster, the failed node and the broken draft with its errors", async () => {
    const storage = memoryStorage();
    const before = storeWith(storage);
    before.getState().setFileText("sandbox.yaml", sample + extra);
    await before.getState().rebuild();
    await before.getState().failNode("node/node-2");
    before.getState().setFileText("sandbox.yaml", `${sample + extra}  broken: [\n`);
    await before.getState().rebuild();
    expect(isStale(before.getState())).toBe(true);
    before.getState().flushSave();
    expect(loadScreen(storage)?.valid?.[0]?.text).toBe(sample + extra);

    const after = storeWith(storage);
    await after.getState().rebuild();
    const state = after.getState();
    expect(state.files[0]?.text).toContain("broken: [");
    expect(isStale(state)).toBe(true);
    expect(state.diagnostics.some((d) => d.severity === "error")).toBe(true);
    expect(state.cluster?.services.some((s) => s.name === "extra")).toBe(true);
    expect(state.failedNodes).toEqual(["node/node-2"]);
    expect(state.cluster?.nodes.find((n) => n.name === "node-2")?.failed).toBe(true);
  });

  it("brings back the Time view open with its scenario played, until the learner leaves it or the lesson", async () => {
    const storage = memoryStorage();
    const before = storeWith(storage);
    await before.getState().rebuild();
    before.getState().showTimeView(true);
    expect(loadScreen(storage)?.timeMode).toBe(true);

    const after = storeWith(storage);
    await after.getState().resume();
    expect(after.getState().timeMode).toBe(true);
    await vi.waitFor(() => expect(after.getState().simulation).not.toBeNull());

    after.getState().showTimeView(false);
    expect(loadScreen(storage)?.timeMode).toBe(false);
    after.getState().showTimeView(true);
    await after.getState().openLesson("01-pods");
    expect(loadScreen(storage)?.timeMode).toBe(false);
  });

  it("keeps no valid copy once the draft is valid again, and none of a shared link", async () => {
    const storage = memoryStorage();
    const store = storeWith(storage);
    store.getState().setFileText("sandbox.yaml", `${sample}  broken: [\n`);
    await store.getState().rebuild();
    store.getState().setFileText("sandbox.yaml", sample + extra);
    await store.getState().rebuild();
    expect(loadScreen(storage)?.valid).toBeNull();
    store
      .getState()
      .openShared({ lesson: null, files: [{ name: "s.yaml", text: "a: [" }], failedNodes: ["node-1"] });
    await store.getState().rebuild();
    expect(loadScreen(storage)?.failedNodes).toEqual([]);
  });

  it("keeps no second copy of manifests too large to hold twice in the browser's storage", async () => {
    const storage = memoryStorage();
    const store = storeWith(storage);
    const padding = `# ${"x".repeat(MAX_VALID_COPY_CHARS)}\n`;
    store.getState().setFileText("sandbox.yaml", padding + sample);
    await store.getState().rebuild();
    store.getState().setFileText("sandbox.yaml", `${padding + sample}  broken: [\n`);
    await store.getState().rebuild();
    expect(isStale(store.getState())).toBe(true);
    expect(loadScreen(storage)?.valid).toBeNull();
  });
});
