import type { StateCreator } from "zustand";
import type { Cluster, Diagnostic } from "../../engine/index.ts";
import type { EngineClient } from "../engine/client.ts";
import type { IngressSummary } from "../engine/ingresses.ts";
import type { AppState } from "./index.ts";

export interface ClusterSlice {
  /** The last cluster built from valid manifests; kept on screen while the manifests are invalid. */
  cluster: Cluster | null;
  diagnostics: Diagnostic[];
  /** The Ingresses of `cluster`, as the worker summarised them for the graph and inspector. */
  ingresses: IngressSummary[];
  /** True when the manifests have errors and `cluster` is the last valid one. */
  stale: boolean;
  failedNodes: string[];
  rebuild(): Promise<void>;
  failNode(name: string): Promise<void>;
  recoverNode(name: string): Promise<void>;
}

export function createClusterSlice(engine: EngineClient): StateCreator<AppState, [], [], ClusterSlice> {
  // Only the newest build may land: a slow reply to an older edit must not overwrite a newer one.
  let latest = 0;
  /** The document the worker's last cluster was built from: an edit of it keeps its running pods in place. */
  let builtFrom: Pick<AppState, "documentId" | "startingFiles"> | null = null;
  return (set, get) => ({
    cluster: null,
    diagnostics: [],
    ingresses: [],
    stale: false,
    failedNodes: [],
    async rebuild() {
      const ticket = ++latest;
      const { files, failedNodes, documentId, startingFiles } = get();
      // Opening a lesson, a sample or a backup replaces the starting files: a new cluster, not an edit.
      const fresh = builtFrom?.documentId !== documentId || builtFrom.startingFiles !== startingFiles;
      const reply = await engine.request({ type: "build", files, failedNodes, fresh });
      if (reply.cluster) builtFrom = { documentId, startingFiles };
      if (ticket !== latest) return;
      set((s) =>
        reply.cluster
          ? {
              cluster: reply.cluster,
              diagnostics: reply.diagnostics,
              ingresses: reply.ingresses,
              stale: false,
            }
          : { cluster: s.cluster, diagnostics: reply.diagnostics, stale: s.cluster !== null },
      );
    },
    async failNode(name) {
      if (get().failedNodes.includes(name)) return;
      set((s) => ({ failedNodes: [...s.failedNodes, name] }));
      await get().rebuild();
    },
    async recoverNode(name) {
      set((s) => ({ failedNodes: s.failedNodes.filter((n) => n !== name) }));
      await get().rebuild();
    },
  });
}
