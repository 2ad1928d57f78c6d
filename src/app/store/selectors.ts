import { loadBalancerPools, type PoolMember, type Ref } from "../../engine/index.ts";
import type { AppState } from "./index.ts";
import { type BatchSummary, type SentRequest, summarize } from "./trafficSlice.ts";

/**
 * Values derived from the store's state, never stored: each has one source of truth it is read from.
 * Selectors that build objects keep the last answer per input, so React sees the same object until
 * the input changes (useSyncExternalStore needs a stable snapshot).
 */

/** True when the manifests have errors and the cluster on screen is the last valid one. */
export function isStale(s: Pick<AppState, "cluster" | "diagnostics">): boolean {
  return s.cluster !== null && s.diagnostics.some((d) => d.severity === "error");
}

const batches = new WeakMap<readonly SentRequest[], BatchSummary | null>();

/** The spread of the last batch ("Send 20") among the requests logged, or null before one. */
export function lastBatch(s: Pick<AppState, "requests">): BatchSummary | null {
  const known = batches.get(s.requests);
  if (known !== undefined) return known;
  const id = s.requests.findLast((r) => r.batch !== null)?.batch ?? null;
  const members = id === null ? [] : s.requests.filter((r) => r.batch === id);
  const first = members[0]?.trace.request;
  const summary =
    id !== null && first
      ? summarize(
          id,
          first.from,
          first.to,
          members.map((r) => r.trace),
        )
      : null;
  batches.set(s.requests, summary);
  return summary;
}

const staticPools = new WeakMap<object, ReadonlyMap<Ref, readonly PoolMember[]>>();
const NO_POOLS: ReadonlyMap<Ref, readonly PoolMember[]> = new Map();

/**
 * Each load balancer's nodes as the graph shows them: the engine's verdict at the clock in the Time
 * view, in the Requests view once the checks and speakers have reacted to the failed nodes.
 */
export function shownPools(
  s: Pick<AppState, "cluster" | "timeMode" | "timeState">,
): ReadonlyMap<Ref, readonly PoolMember[]> {
  const timed = s.timeMode ? s.timeState?.lbPools : undefined;
  const key = timed ?? s.cluster;
  if (!key) return NO_POOLS;
  let pools = staticPools.get(key);
  if (!pools) {
    pools = timed ? new Map(timed) : s.cluster ? loadBalancerPools(s.cluster, null) : NO_POOLS;
    staticPools.set(key, pools);
  }
  return pools;
}
