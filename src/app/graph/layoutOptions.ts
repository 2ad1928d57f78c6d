import { type IngressSummary, isExternalRef, type Ref, refLabel } from "../../engine/index.ts";
import type { AppState } from "../store/index.ts";

/** What the drawing asks the layout for besides its cluster: the learner's choices and what the traces reached. */
export interface LayoutOptions {
  foldDns: boolean;
  externalHosts: readonly string[];
  ingresses: readonly IngressSummary[];
  openNodes: readonly Ref[];
}

/** The hosts outside the cluster that the requests' traces reached, each once, in order. */
export function externalHostsOf(requests: AppState["requests"]): string[] {
  const refs = requests.flatMap((r) => r.trace.hops.map((h) => h.at));
  return [...new Set(refs.filter(isExternalRef).map(refLabel))].sort();
}

/**
 * The options the graph (ClusterGraph.tsx) lays the store's cluster out with. recordFirstBuild.ts reads
 * a first visit's from its store, so that the layout recorded with the first build is the one the page asks for.
 */
export function layoutOptionsOf(state: AppState): LayoutOptions {
  const { foldDns, ingresses, openNodes, requests } = state;
  return { foldDns, externalHosts: externalHostsOf(requests), ingresses, openNodes };
}
