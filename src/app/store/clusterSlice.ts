import type { StateCreator } from "zustand";
import type { IngressSummary } from "../../engine/index.ts";
import {
  type Cluster,
  type Diagnostic,
  isLoadBalancerProvider,
  type LoadBalancerProvider,
  nodeName,
  type Ref,
  type SourceFile,
} from "../../engine/index.ts";
import type { EngineClient } from "../engine/client.ts";
import { type KeyValueStorage, readStored, writeStored } from "../persist/storage.ts";
import type { AppState } from "./index.ts";

export interface ClusterSlice {
  /** The last cluster built from valid manifests; kept on screen while the manifests are invalid. */
  cluster: Cluster | null;
  diagnostics: Diagnostic[];
  /** The Ingresses of `cluster`, as the worker summarised them for the graph and inspector. */
  ingresses: IngressSummary[];
  /** The nodes failed by the learner, as refs (`node/NAME`). */
  failedNodes: Ref[];
  /** The cluster setting of who provides LoadBalancers (saved locally; a lesson sets its own). */
  loadBalancerProvider: LoadBalancerProvider;
  setLoadBalancerProvider(provider: LoadBalancerProvider): Promise<void>;
  /**
   * The manifests `cluster` was built from, and their document. After a reload it holds the last valid
   * manifests saved with a broken draft, so that the first build can draw the cluster that was on screen.
   */
  validFiles: { documentId: string; files: SourceFile[] } | null;
  /**
   * Builds the manifests into `cluster` (or marks them stale); `evict` names pods an edit evicted
   * (kubectl drain), which are scheduled anew. Resolves to false when a newer build replaced this one,
   * which then changed nothing. Its effects on the other slices are the orchestration's `rebuild`.
   */
  build(options?: { evict?: Ref[] }): Promise<boolean>;
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
    failedNodes: [],
    loadBalancerProvider: readStored(storage, PROVIDER_KEY, isLoadBalancerProvider) ?? "gcp",
    async setLoadBalancerProvider(provider) {
      set({ loadBalancerProvider: provider });
      writeStored(storage, PROVIDER_KEY, provider);
      await get().rebuild();
    },
    validFiles: null,
    async build(options = {}) {
      const ticket = ++latest;
      const { files, failedNodes, documentId, startingFiles, loadBalancerProvider } = get();
      const settings = { loadBalancerProvider };
      // Opening a lesson, a sample or a backup replaces the starting files: a new cluster, not an edit.
      const fresh = builtFrom?.documentId !== documentId || builtFrom.startingFiles !== startingFiles;
      const reply = await engine.request({
        type: "build",
        files,
        failedNodes: failedNodes.map(nodeName),
        settings,
        fresh,
        ...(options.evict?.length ? { evict: options.evict } : {}),
      });
      if (reply.cluster) builtFrom = { documentId, startingFiles };
      if (ticket !== latest) return false;
      if (reply.cluster) {
        set({
          cluster: reply.cluster,
          diagnostics: reply.diagnostics,
          ingresses: reply.ingresses,
          validFiles: { documentId, files },
        });
        return true;
      }
      // Nothing on screen yet and the draft is broken (a reload mid-edit): draw the last valid cluster
      // saved with it, and mark the draft's errors (issue 14: reload brings back what was on screen).
      const { cluster, validFiles, origin } = get();
      if (!cluster && validFiles?.documentId === documentId && origin !== "shared") {
        const valid = await engine.request({
          type: "build",
          files: validFiles.files,
          failedNodes: failedNodes.map(nodeName),
          settings,
          fresh: true,
        });
        if (ticket !== latest) return false;
        if (valid.cluster) {
          builtFrom = { documentId, startingFiles };
          set({
            cluster: valid.cluster,
            diagnostics: reply.diagnostics,
            ingresses: valid.ingresses,
          });
          return true;
        }
      }
      // The cluster on screen stays: it is stale now (selectors.ts isStale).
      set({ diagnostics: reply.diagnostics });
      return true;
    },
  });
}
