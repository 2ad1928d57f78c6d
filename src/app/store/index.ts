import { createStore, type StoreApi } from "zustand/vanilla";
import type { EngineClient } from "../engine/client.ts";
import type { KeyValueStorage } from "../persist/storage.ts";
import type { PageAddress } from "../share/address.ts";
import { createOrchestration, type Orchestration } from "./actions.ts";
import { type ClusterSlice, createClusterSlice } from "./clusterSlice.ts";
import { createGraphSlice, type GraphSlice } from "./graphSlice.ts";
import { createLessonSlice, type LessonSlice } from "./lessonSlice.ts";
import { createManifestsSlice, type ManifestsSlice } from "./manifestsSlice.ts";
import { createSelectionSlice, type SelectionSlice } from "./selectionSlice.ts";
import { createTimeSlice, type TimeSlice } from "./timeSlice.ts";
import { createTrafficSlice, type TrafficSlice } from "./trafficSlice.ts";
import { createUiSlice, type UiSlice } from "./uiSlice.ts";

export type AppState = ManifestsSlice &
  ClusterSlice &
  UiSlice &
  TrafficSlice &
  GraphSlice &
  SelectionSlice &
  LessonSlice &
  TimeSlice &
  Orchestration;

export interface AppDeps {
  engine: EngineClient;
  storage?: KeyValueStorage;
  browserLanguages?: readonly string[];
  /** How long edits settle before the cluster is rebuilt (issue 6: about 300 ms). */
  rebuildDelayMs?: number;
  /** The page's address, which carries a share link until the learner adopts or leaves it. */
  address?: PageAddress;
}

/**
 * One store built from slices; the engine and storage are injected so tests run without a browser.
 * It has no subscribers of its own: each action calls the effects it causes (store/actions.ts).
 */
export function createAppStore(deps: AppDeps): StoreApi<AppState> {
  const store = createStore<AppState>()((...a) => ({
    ...createManifestsSlice(deps.storage)(...a),
    ...createClusterSlice(deps.engine, deps.storage)(...a),
    ...createUiSlice(deps.storage, deps.browserLanguages ?? [])(...a),
    ...createTrafficSlice(deps.engine)(...a),
    ...createGraphSlice(...a),
    ...createSelectionSlice(...a),
    ...createLessonSlice(deps.engine, deps.storage)(...a),
    ...createTimeSlice(deps.engine, deps.storage)(...a),
    ...createOrchestration(deps)(...a),
  }));
  void store.getState().resume();
  return store;
}
