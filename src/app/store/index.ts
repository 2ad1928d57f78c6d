import { createStore, type StoreApi } from "zustand/vanilla";
import type { EngineClient } from "../engine/client.ts";
import { LANGUAGES, type Language, preferredLanguage } from "../i18n/index.ts";
import { keepScreen } from "../persist/screen.ts";
import { type KeyValueStorage, readStored, writeStored } from "../persist/storage.ts";
import { createOrchestration, type Orchestration } from "./actions.ts";
import { type ClusterSlice, createClusterSlice } from "./clusterSlice.ts";
import { createGraphSlice, type GraphSlice } from "./graphSlice.ts";
import { createLessonSlice, type LessonSlice, resumeLesson, watchLessons } from "./lessonSlice.ts";
import { createManifestsSlice, type ManifestsSlice } from "./manifestsSlice.ts";
import { createSelectionSlice, type SelectionSlice } from "./selectionSlice.ts";
import { createTimeSlice, type TimeSlice, watchTime } from "./timeSlice.ts";
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
}

const isLanguage = (v: unknown): v is Language => LANGUAGES.some((l) => l === v);

/** One store built from slices; the engine and storage are injected so tests run without a browser. */
export function createAppStore(deps: AppDeps): StoreApi<AppState> {
  const language =
    readStored(deps.storage, "language", isLanguage) ?? preferredLanguage(deps.browserLanguages ?? []);
  const store = createStore<AppState>()((...a) => ({
    ...createManifestsSlice(deps.storage)(...a),
    ...createClusterSlice(deps.engine, deps.storage)(...a),
    ...createUiSlice(language)(...a),
    ...createTrafficSlice(deps.engine)(...a),
    ...createGraphSlice(...a),
    ...createSelectionSlice(...a),
    ...createLessonSlice(deps.engine, deps.storage)(...a),
    ...createTimeSlice(deps.engine, deps.storage)(...a),
    ...createOrchestration(deps.engine)(...a),
  }));
  resumeLesson(store);
  keepScreen(store, deps.storage);
  const delay = deps.rebuildDelayMs ?? 300;
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.subscribe((state, previous) => {
    if (state.language !== previous.language) writeStored(deps.storage, "language", state.language);
    if (state.files === previous.files) return;
    clearTimeout(timer);
    timer = setTimeout(() => void store.getState().rebuild(), delay);
  });
  watchLessons(store, deps.storage);
  watchTime(store, deps.engine, deps.storage);
  void store.getState().rebuild();
  return store;
}
