import { createStore, type StoreApi } from "zustand/vanilla";
import type { EngineClient } from "../engine/client.ts";
import { type ClusterSlice, createClusterSlice } from "./clusterSlice.ts";
import { createManifestsSlice, type ManifestsSlice } from "./manifestsSlice.ts";

export type AppState = ManifestsSlice & ClusterSlice;

export interface AppDeps {
  engine: EngineClient;
  /** How long edits settle before the cluster is rebuilt (issue 6: about 300 ms). */
  rebuildDelayMs?: number;
}

/** One store built from slices; the engine is injected so tests can run it on the calling thread. */
export function createAppStore(deps: AppDeps): StoreApi<AppState> {
  const store = createStore<AppState>()((...a) => ({
    ...createManifestsSlice(...a),
    ...createClusterSlice(deps.engine)(...a),
  }));
  const delay = deps.rebuildDelayMs ?? 300;
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.subscribe((state, previous) => {
    if (state.files === previous.files) return;
    clearTimeout(timer);
    timer = setTimeout(() => void store.getState().rebuild(), delay);
  });
  void store.getState().rebuild();
  return store;
}
