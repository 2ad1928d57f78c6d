import type { Ref } from "../cluster/types.ts";
import type { SourcePosition } from "../manifests/types.ts";
import type { HopMessage } from "../messages/index.ts";
import { refLabel } from "../refs.ts";

/** `http-NNN`: a proxy answered with that status itself (404 no rule, 503 no endpoints, 301/308 redirects). */
export type Outcome = "delivered" | "refused" | "timeout" | "nxdomain" | `http-${number}`;

export interface Endpoint {
  ip: string;
  port: number;
}

export interface PacketHeader {
  protocol: "TCP" | "UDP";
  src: Endpoint;
  dst: Endpoint;
}

export type HopKind =
  | "send"
  | "dns-query"
  | "dns-answer"
  | "route"
  | "dnat"
  | "snat"
  | "lb-choice"
  | "l7-route"
  | "tls-terminate"
  | "redirect"
  | "egress"
  | "deliver"
  | "reject"
  | "drop";

/** The manifest field that made a hop happen, so a learner can jump from a packet to the YAML line. */
export interface HopCause {
  object: Ref;
  field: string;
  position?: SourcePosition;
}

export interface Hop {
  /** The object the packet is at, as a ref (`node/node-1`, `svc/default/web`, `pod/default/web-0`). */
  at: Ref;
  kind: HopKind;
  /** One line for people: what acted and why (renderMessage gives it in English). */
  message: HopMessage;
  /** Whether this hop is part of the DNS lookup that precedes the request, or of the request itself. */
  phase: "dns" | "request";
  before: PacketHeader;
  after: PacketHeader;
  cause?: HopCause;
  /**
   * Seconds after the request left when this hop acts (the first hop at 0), on the simulator's clock
   * (HOP_SECONDS, WIRE_SECONDS in timing.ts): what lets the engine say whether a packet had passed a
   * node when the node failed.
   */
  t: number;
  /**
   * The node whose kube-proxy acted, for a hop `at` a Service: kube-proxy's rules run on the node the
   * packet is on, so the packet is there, and the Service's rules are only what was consulted.
   */
  node?: Ref;
  /**
   * For kube-proxy's hops: the names in the node's rules that were consulted, in its mode (chains,
   * sets and verdict maps, a virtual server's address), for the rules viewer to mark.
   */
  rules?: readonly string[];
}

/**
 * Whatever answered the request (DESIGN.md's contract): `pod` is null when the answer came from an
 * address that is not a pod's (a selector-less Service's endpoint outside the cluster, a host
 * process); `node` is null unless the answer came from a node's pod or its host network.
 */
export interface Backend {
  pod: Ref | null;
  node: Ref | null;
  ip: string;
  port: number;
  /** The source address the backend sees: SNATed, or the client's preserved. */
  clientIP: string;
}

/** How a backend is counted and named: `NS/POD` for a pod, `IP:PORT` for any other address. */
export function backendKey(backend: Backend): string {
  return backend.pod ? refLabel(backend.pod) : `${backend.ip}:${backend.port}`;
}

export interface TraceRequest {
  /** `client/external` (or `external`), `pod/NS/NAME` or `node/NAME`. */
  from: Ref;
  /** A URL (http[s]://host[:port]/path) or host:port. */
  to: string;
  /** Request headers, as curl's `-H 'Name: value'` sends them; a Host header overrides the URL's host for L7 routing. */
  headers?: readonly { name: string; value: string }[];
  /** The HTTP method (curl's -X), GET by default. */
  method?: string;
}

/** How much of a trace the caller reads. */
export interface TraceOptions {
  /**
   * false: only the outcome and backend are wanted (a simulation's or a traffic run's counts), so the
   * trace comes back with no hops and none is built. Default true.
   */
  hops?: boolean;
}

export interface Trace {
  request: TraceRequest;
  outcome: Outcome;
  backend: Backend | null;
  hops: Hop[];
}
