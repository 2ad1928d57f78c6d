import type { DataPlane } from "../network/dataplane.ts";
import { REQUEST_INTERVAL_SECONDS, type TrafficState } from "../network/traffic-state.ts";
import { type ParsedRequest, trace } from "./trace.ts";
import { backendKey, type Outcome, type Trace } from "./types.ts";

/** What `count` requests came to: outcomes, and deliveries per backend keyed "NS/POD" (or "IP:PORT" for a non-pod address). */
export interface TrafficSummary {
  total: number;
  outcomes: Partial<Record<Outcome, number>>;
  backends: Record<string, number>;
}

export interface SendEachOptions {
  /** Seconds between the requests (default REQUEST_INTERVAL_SECONDS). */
  spacing?: number;
  /** Spell the hops (default true); a count of outcomes does without them. */
  hops?: boolean;
}

/**
 * Sends the same request `count` times through one traffic state, as one client would, advancing its
 * virtual clock `spacing` seconds after each, so iptables' random picks, IPVS round-robin and session
 * affinity (with its timeout) play out as on a real cluster. The one send loop: the session and the
 * counts below go through it.
 */
export function sendEach(
  dp: DataPlane,
  request: ParsedRequest,
  count: number,
  state: TrafficState,
  visit: (result: Trace, sentAt: number) => void,
  options: SendEachOptions = {},
): void {
  for (let i = 0; i < count; i++) {
    const sentAt = state.now;
    visit(trace(dp, request, state, { hops: options.hops ?? true }), sentAt);
    state.now = sentAt + (options.spacing ?? REQUEST_INTERVAL_SECONDS);
  }
}

/** Sends the request `count` times (sendEach) and counts the outcomes and the backends. */
export function traffic(
  dp: DataPlane,
  request: ParsedRequest,
  count: number,
  state: TrafficState,
): TrafficSummary {
  const outcomes: Partial<Record<Outcome, number>> = {};
  const backends: Record<string, number> = {};
  sendEach(
    dp,
    request,
    count,
    state,
    (result) => {
      outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
      if (result.backend) {
        const key = backendKey(result.backend);
        backends[key] = (backends[key] ?? 0) + 1;
      }
    },
    { hops: false },
  );
  return { total: count, outcomes, backends };
}
