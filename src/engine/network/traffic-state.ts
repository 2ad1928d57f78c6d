import { createRandom, type Random } from "../random.ts";

/**
 * The virtual seconds `traffic` lets pass between two requests: a simulator choice (100 requests a
 * second), so that sessionAffinity timeouts can be watched expiring by sending more requests.
 */
export const REQUEST_INTERVAL_SECONDS = 0.01;

/** Linux's default net.ipv4.ip_local_port_range, where a client's source ports come from. */
const EPHEMERAL_PORTS = { first: 32768, count: 60999 - 32768 + 1 };

/**
 * What the data plane remembers between requests: the PRNG behind iptables' random choice and the
 * load balancers' picks, IPVS round-robin positions, session-affinity memory, and a virtual clock.
 */
export interface TrafficState {
  readonly random: Random;
  /** Virtual time in seconds. */
  now: number;
  /** Requests sent so far; each takes the next ephemeral source port, as a client's kernel does. */
  requests: number;
  /** IPVS rr scheduler position per node and virtual server. */
  roundRobin: Map<string, number>;
  /** ClientIP affinity: per node, service port and client address, the endpoint and when it was last used. */
  affinity: Map<string, { endpoint: string; lastUsed: number }>;
}

export function createTrafficState(seed: number): TrafficState {
  return { random: createRandom(seed), now: 0, requests: 0, roundRobin: new Map(), affinity: new Map() };
}

/** The source port of the next connection, from the ephemeral range in order. */
export function nextSourcePort(state: TrafficState): number {
  const port = EPHEMERAL_PORTS.first + (state.requests % EPHEMERAL_PORTS.count);
  state.requests++;
  return port;
}
