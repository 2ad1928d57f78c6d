import type { StoreApi } from "zustand/vanilla";
import type { AppState } from "../store/index.ts";

declare global {
  interface Window {
    /** Present only with `?testhook` in the URL: the page's store, for benchmarks that load large clusters. */
    svclabStore?: StoreApi<AppState>;
  }
}

/**
 * Exposes the store to scripts when the page is opened with `?testhook` (bench/ui.bench.ts replaces
 * the manifests with a 10-node / 100-pod cluster and sends 300 requests through it). Learners never
 * see it; without the parameter nothing is exposed.
 */
export function installTestHook(store: StoreApi<AppState>): void {
  if (typeof window === "undefined" || !new URLSearchParams(window.location.search).has("testhook")) return;
  window.svclabStore = store;
}
