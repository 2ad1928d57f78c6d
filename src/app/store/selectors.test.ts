import { describe, expect, it } from "vitest";
import { createInProcessEngineClient } from "../engine/client.inprocess.ts";
import { memoryStorage } from "../persist/memoryStorage.ts";
import { createAppStore } from "./index.ts";
import { SANDBOX_STARTING } from "./manifestsSlice.ts";
import { isStale, lastBatch } from "./selectors.ts";

const storeWith = () =>
  createAppStore({ engine: createInProcessEngineClient(), storage: memoryStorage(), rebuildDelayMs: 60_000 });

const sample = SANDBOX_STARTING[0]?.text ?? "";

describe("isStale", () => {
  it("is false before any cluster, and while the manifests build", async () => {
    const store = storeWith();
    expect(isStale(store.getState())).toBe(false);
    await store.getState().rebuild();
    expect(isStale(store.getState())).toBe(false);
  });

  it("is true while the draft has errors and the last valid cluster stays on screen, false once it builds", async () => {
    const store = storeWith();
    await store.getState().rebuild();
    const shown = store.getState().cluster;
    store.getState().setFileText("sandbox.yaml", `${sample}  broken: [\n`);
    await store.getState().rebuild();
    expect(store.getState().cluster).toBe(shown);
    expect(isStale(store.getState())).toBe(true);
    store.getState().setFileText("sandbox.yaml", sample);
    await store.getState().rebuild();
    expect(isStale(store.getState())).toBe(false);
  });
});

describe("lastBatch", () => {
  it("is null until a batch is sent, single sends are no batch", async () => {
    const store = storeWith();
    await store.getState().rebuild();
    expect(lastBatch(store.getState())).toBeNull();
    await store.getState().send(1);
    expect(lastBatch(store.getState())).toBeNull();
  });

  it("sums the last batch's outcomes and backends, and is the same object until the log changes", async () => {
    const store = storeWith();
    await store.getState().rebuild();
    await store.getState().send(4);
    await store.getState().send(20);
    await store.getState().send(1);
    const batch = lastBatch(store.getState());
    expect(batch?.total).toBe(20);
    expect(batch?.from).toBe("client/external");
    const sum = (counts: Record<string, number | undefined>) =>
      Object.values(counts).reduce((total: number, n) => total + (n ?? 0), 0);
    expect(sum(batch?.outcomes ?? {})).toBe(20);
    expect(sum(batch?.backends ?? {})).toBe(batch?.outcomes.delivered);
    expect(lastBatch(store.getState())).toBe(batch);
    store.getState().clearRequests();
    expect(lastBatch(store.getState())).toBeNull();
  });
});
