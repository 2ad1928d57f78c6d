import type { Ref } from "../cluster/types.ts";
import { hopMessage } from "../messages/index.ts";
import { isPodRef, nodeName } from "../refs.ts";
import type { Hop, Trace } from "./types.ts";

/**
 * A simulator choice, not a measurement: each hop (a rule acting, a route looked up) takes this many
 * seconds where the packet is. Real hops take microseconds; these keep a packet's life a few tenths
 * of a second long, so that a node failing while a batch flies catches some packets and not others,
 * and the app can replay that in slow motion.
 */
export const HOP_SECONDS = 0.02;
/** A simulator choice, as HOP_SECONDS: the time a packet takes on the wire from one object to another. */
export const WIRE_SECONDS = 0.03;

/** Where a hop puts the packet: the node whose kube-proxy acted for a Service's rules, else the object. */
export function placeOf(hop: Pick<Hop, "at" | "node">): Ref {
  return hop.node ?? hop.at;
}

/** When `hop` acts, given the hop before it: after that hop's work, and the wire when the packet moved. */
export function hopTime(previous: Hop | undefined, hop: Pick<Hop, "at" | "node">): number {
  if (!previous) return 0;
  const moved = placeOf(previous) !== placeOf(hop);
  // Rounded to microseconds, so sums of the constants compare exactly.
  return Math.round((previous.t + HOP_SECONDS + (moved ? WIRE_SECONDS : 0)) * 1e6) / 1e6;
}

/** Seconds from the request leaving to its last hop done: how long it is in flight. */
export function traceDuration(trace: Pick<Trace, "hops">): number {
  const last = trace.hops.at(-1);
  return last ? last.t + HOP_SECONDS : 0;
}

/**
 * A node failing while a packet flies: the packet dies at the node if it had not yet got there (or
 * was still on it, or on one of its pods) when the node failed, and the client times out; a packet
 * whose remaining hops are all elsewhere has passed it and goes on. A failed node answers nothing
 * and forwards nothing, as a powered-off machine (kubernetes.io/docs/concepts/architecture/nodes/#node-status:
 * "the node is unreachable"; the traffic to it is lost until the control plane reacts).
 * `nodeOf` gives the node a pod runs on. Returns null when the packet is not affected.
 */
export function lostAtFailure(
  trace: Trace,
  sentAt: number,
  node: Ref,
  failedAt: number,
  nodeOf: (pod: Ref) => Ref | undefined,
): Trace | null {
  const on = (hop: Hop) => {
    const place = placeOf(hop);
    return place === node || (isPodRef(place) && nodeOf(place) === node);
  };
  const index = trace.hops.findIndex((hop) => sentAt + hop.t >= failedAt - 1e-9 && on(hop));
  const reached = trace.hops[index];
  // Not reached, or already lost at it.
  if (!reached || (reached.kind === "drop" && index === trace.hops.length - 1)) return null;
  const lost: Hop = {
    at: node,
    kind: "drop",
    message: hopMessage("hop.node-failed-in-flight", {
      node: nodeName(node),
      t: Math.round(failedAt * 1000) / 1000,
    }),
    phase: reached.phase,
    before: reached.before,
    after: reached.before,
    t: reached.t,
  };
  return { ...trace, outcome: "timeout", backend: null, hops: [...trace.hops.slice(0, index), lost] };
}
