import type { StateCreator } from "zustand";
import {
  type Cluster,
  type Diagnostic,
  isLoadBalancerProvider,
  type LoadBalancerProvider,
  type Ref,
  type SourceFile,
} from "../../engine/index.ts";
import type { EngineClient } from "../engine/client.ts";
import type { IngressSummary } from "../engine/ingresses.ts";
import { packetClock } from "../packets/clock.ts";
import { type KeyValueStorage, readStored, writeStored } from "../persist/storage.ts";
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
  /** The cluster setting of who provides LoadBalancers (saved locally; a lesson sets its own). */
  loadBalancerProvider: LoadBalancerProvider;
  setLoadBalancerProvider(provider: LoadBalancerProvider): Promise<void>;
  /**
   * The manifests `cluster` was built from, and their document. After a reload it holds the last valid
   * manifests saved with a broken draft, so that the first build can draw the cluster that was on screen.
   */
  validFiles: { documentId: string; files: SourceFile[] } | null;
  /** Builds the manifests; `evict` names pods an edit evicted (kubectl drain), which are scheduled anew. */
  rebuild(options?: { evict?: Ref[] }): Promise<void>;
  failNode(name: string): Promise<void>;
  recoverNode(name: string): Promise<void>;
}

const PROVIDER_KEY = "cluster.loadBalancerProvider";

export function createClusterSlice(
  engine: EngineClient,
  storage?: KeyValueStorage,
): StateCreator<AppState, [], [], ClusterSlice> {
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
    loadBalancerProvider: readStored(storage, PROVIDER_KEY, isLoadBalancerProvider) ?? "gcp",
    async setLoadBalancerProvider(provider) {
      set({ loadBalancerProvider: provider });
      writeStored(storage, PROVIDER_KEY, provider);
      await get().rebuild();
    },
    validFiles: null,
    async rebuild(options = {}) {
      const ticket = ++latest;
      const { files, failedNodes, documentId, startingFiles, loadBalancerProvider } = get();
      const settings = { loadBalancerProvider };
      // Opening a lesson, a sample or a backup replaces the starting files: a new cluster, not an edit.
      const fresh = builtFrom?.documentId !== documentId || builtFrom.startingFiles !== startingFiles;
      const reply = await engine.request({
        type: "build",
        files,
        failedNodes,
        settings,
        fresh,
        ...(options.evict?.length ? { evict: options.evict } : {}),
      });
      if (reply.cluster) builtFrom = { documentId, startingFiles };
      if (ticket !== latest) return;
      if (reply.cluster) {
        set({
          cluster: reply.cluster,
          diagnostics: reply.diagnostics,
          ingresses: reply.ingresses,
          stale: false,
          validFiles: { documentId, files },
        });
        return;
      }
      // Nothing on screen yet and the draft is broken (a reload mid-edit): draw the last valid cluster
      // saved with it, and mark the draft's errors (issue 14: reload brings back what was on screen).
      const { cluster, validFiles, origin } = get();
      if (!cluster && validFiles?.documentId === documentId && origin !== "shared") {
        const valid = await engine.request({
          type: "build",
          files: validFiles.files,
          failedNodes,
          settings,
          fresh: true,
        });
        if (ticket !== latest) return;
        if (valid.cluster) {
          builtFrom = { documentId, startingFiles };
          set({
            cluster: valid.cluster,
            diagnostics: reply.diagnostics,
            ingresses: valid.ingresses,
            stale: true,
          });
          return;
        }
      }
      set((s) => ({ cluster: s.cluster, diagnostics: reply.diagnostics, stale: s.cluster !== null }));
    },
    async failNode(name) {
      if (get().failedNodes.includes(name)) return;
      set((s) => ({ failedNodes: [...s.failedNodes, name] }));
      // The engine decides what the failure does to the packets in flight, at this instant of the clock.
      const reply = await engine.request({ type: "failNode", node: `node/${name}`, at: packetClock.now });
      get().replaceTraces(reply.lost);
      await get().rebuild();
    },
    async recoverNode(name) {
      set((s) => ({ failedNodes: s.failedNodes.filter((n) => n !== name) }));
      await get().rebuild();
    },
  });
}
