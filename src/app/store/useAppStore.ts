import { useStore } from "zustand";
import { createWorkerEngineClient } from "../engine/client.ts";
import { type AppState, createAppStore } from "./index.ts";

/** The page's one store, its engine in a Web Worker. */
export const appStore = createAppStore({ engine: createWorkerEngineClient() });

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
