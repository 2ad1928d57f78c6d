import type { Ref } from "../cluster/types.ts";
import { positionOf } from "../manifests/positions.ts";
import type { SourcedObject } from "../manifests/types.ts";
import type { HopMessage } from "../messages/index.ts";
import type { DataPlane } from "../network/dataplane.ts";
import type { TrafficState } from "../network/traffic-state.ts";
import { hopTime } from "./timing.ts";
import type { Hop, HopCause, HopKind, PacketHeader } from "./types.ts";

/** The HTTP request a trace carries, as an Ingress proxy reads it: scheme, Host header (and SNI), path. */
export interface HttpRequest {
  scheme: "http" | "https";
  host: string;
  path: string;
  /** GET unless the request says otherwise. */
  method?: string;
  /** The query string, without its `?`. */
  query?: string;
  /** Request headers as sent (`-H 'Name: value'`), in order; Host is already in `host`. */
  headers?: readonly { name: string; value: string }[];
}

/**
 * Records one hop. Call it as `ctx.hop?.(...)`: it is undefined when the caller reads only the
 * outcome and backend (simulate, traffic), and an optional call that short-circuits evaluates none
 * of its arguments (ECMAScript OptionalChain), so no hop text, cause or packet is built for nothing.
 */
export type HopRecorder = (
  this: TraceContext,
  at: Ref,
  kind: HopKind,
  message: HopMessage,
  before: PacketHeader,
  after?: PacketHeader,
  cause?: HopCause,
  node?: Ref,
  rules?: readonly string[],
) => void;

/** One trace being built: where its hops go and whether they belong to the DNS lookup or the request. */
export interface TraceContext {
  dp: DataPlane;
  state: TrafficState;
  /** The hops recorded so far; stays empty when `hop` is undefined. */
  hops: Hop[];
  /** The hop recorder: undefined when no hop is wanted (see HopRecorder). */
  hop: HopRecorder | undefined;
  phase: Hop["phase"];
  /** The address DNS gave the request and the name it belongs to, to name an external host `external/NAME`. */
  resolved?: { ip: string; name: string };
  /** The request, for L7 proxies; absent for a DNS lookup on its own. */
  http?: HttpRequest;
}

/** A trace's context, with a hop recorder when `recordHops`. */
export function traceContext(
  dp: DataPlane,
  state: TrafficState,
  recordHops: boolean,
  phase: Hop["phase"],
  http?: HttpRequest,
): TraceContext {
  return { dp, state, hops: [], hop: recordHops ? recordHop : undefined, phase, http };
}

/** The recorder: called as `ctx.hop?.(...)`, so `this` is the trace's context. Each hop is timed after the one before it. */
function recordHop(
  this: TraceContext,
  at: Ref,
  kind: HopKind,
  message: HopMessage,
  before: PacketHeader,
  after: PacketHeader = before,
  cause?: HopCause,
  node?: Ref,
  rules?: readonly string[],
): void {
  const hop: Hop = { at, kind, message, phase: this.phase, before, after, t: 0 };
  if (cause) hop.cause = cause;
  if (node) hop.node = node;
  if (rules) hop.rules = rules;
  hop.t = hopTime(this.hops.at(-1), hop);
  this.hops.push(hop);
}

export function causeOf(object: Ref, source: SourcedObject | undefined, field: string): HopCause {
  // Objects no file wrote (kubeadm's, generated ones) have no positions to point at.
  if (!source || source.positions.size === 0) return { object, field };
  return { object, field, position: positionOf(source, field) };
}
