import firstBuild from "virtual:svclab/first-build";
import { useStore } from "zustand";
import { createWorkerEngineClient } from "../engine/client.ts";
import { withKnownFirstBuild } from "../engine/firstBuild.ts";
import { afterFirstScreen } from "../firstScreen.ts";
import { browserStorage } from "../persist/storage.ts";
import { browserAddress } from "../share/address.ts";
import { type AppState, createAppStore } from "./index.ts";

/**
 * The page's one store: its engine in a Web Worker, started once the first cluster is drawn from the
 * build's snapshot of it (firstBuild.ts); its memory in localStorage; the window's address.
 */
export const appStore = createAppStore({
  engine: withKnownFirstBuild(firstBuild, () => createWorkerEngineClient(), afterFirstScreen),
  storage: browserStorage(),
  browserLanguages: navigator.languages,
  address: browserAddress,
});

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
