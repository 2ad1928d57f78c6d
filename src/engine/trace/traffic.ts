import type { DataPlane } from "../network/dataplane.ts";
import { REQUEST_INTERVAL_SECONDS, type TrafficState } from "../network/traffic-state.ts";
import { type ParsedRequest, trace } from "./trace.ts";
import { backendKey, type Outcome } from "./types.ts";

/** What `count` requests came to: outcomes, and deliveries per backend keyed "NS/POD" (or "IP:PORT" for a non-pod address). */
export interface TrafficSummary {
  total: number;
  outcomes: Partial<Record<Outcome, number>>;
  backends: Record<string, number>;
}

/**
 * Sends the same request `count` times through one traffic state, advancing its virtual clock by
 * REQUEST_INTERVAL_SECONDS after each, so iptables' random picks, IPVS round-robin and session
 * affinity (with its timeout) play out as on a real cluster.
 */
export function traffic(
  dp: DataPlane,
  request: ParsedRequest,
  count: number,
  state: TrafficState,
): TrafficSummary {
  const outcomes: Partial<Record<Outcome, number>> = {};
  const backends: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const result = trace(dp, request, state, { hops: false });
    outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    if (result.backend) {
      const key = backendKey(result.backend);
      backends[key] = (backends[key] ?? 0) + 1;
    }
    state.now += REQUEST_INTERVAL_SECONDS;
  }
  return { total: count, outcomes, backends };
}
