import { useStore } from "zustand";
import { createWorkerEngineClient } from "../engine/client.ts";
import { browserStorage } from "../persist/storage.ts";
import { browserAddress } from "../share/address.ts";
import { type AppState, createAppStore } from "./index.ts";

/** The page's one store: its engine in a Web Worker, its memory in localStorage, the window's address. */
export const appStore = createAppStore({
  engine: createWorkerEngineClient(),
  storage: browserStorage(),
  browserLanguages: navigator.languages,
  address: browserAddress,
});

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
