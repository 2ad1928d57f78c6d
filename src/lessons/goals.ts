import {
  type Cluster,
  type Hop,
  type HopKind,
  matchesLabels,
  type NameLookup,
  type Outcome,
  type Ref,
  readTarget,
  type ScenarioAction,
  type ServiceState,
  selectorSelects,
  senderNode,
  serviceEndpoints,
  servicePods,
  type Trace,
} from "../engine/index.ts";
import type { SessionRecord, SimulationRecord } from "./session.ts";

/**
 * A lesson step's goal: a predicate over what the engine computed and what the learner's traffic
 * did, never over keystrokes, so that any correct way passes. Goals are data (they live in the
 * lessons' registry) and are judged by `goalMet` against a session record.
 *
 * A `RefPattern` is a ref in which `*` stands for any run of characters (`svc/default/*`).
 */
export type RefPattern = string;

/** Services by ref pattern, or by what they select (whatever the learner named them). */
export type ServiceMatch = RefPattern | { selects: Record<string, string> };

/** A set of addresses, read from the cluster the request or lookup met. */
export type AddressSet =
  | { clusterIPOf: ServiceMatch }
  | { externalIPOf: ServiceMatch }
  | { loadBalancerIPOf: ServiceMatch }
  | { nodeIPOf: RefPattern }
  | { podIPOf: RefPattern }
  /** The IPs of the ready endpoints behind the matching Services. */
  | { endpointIPsOf: ServiceMatch }
  | { ip: string };

export type PortSet = number | { nodePortOf: ServiceMatch };

/** Which of the learner's requests a goal looks at. */
export interface RequestFilter {
  from?: RefPattern;
  /** The destination as the learner wrote it (`http://web/`, `db-0.db:5432`), matched as a pattern. */
  target?: string;
  /** The address the packet first left for, once any name was resolved. */
  to?: AddressSet;
  port?: PortSet;
  /** Each pattern names a node that was failed when the request was sent. */
  whileFailed?: RefPattern[];
}

/** A hop a request took: what acted, where, and the manifest field the engine names as its cause. */
export interface HopMatch {
  kind: HopKind;
  at?: RefPattern;
  /** A pattern over the cause's field path (`spec.tls[*]`); a hop with no cause does not match. */
  field?: string;
}

export interface DeliveredGoal extends RequestFilter {
  kind: "delivered";
  /** Objects the request passed, in this order (other hops may come between). */
  via?: RefPattern[];
  notVia?: RefPattern[];
  /** Each of these matches some hop of the request (an L7 route, a TLS termination by a given field...). */
  hops?: HopMatch[];
  toPod?: RefPattern;
  /** The pod that answered is selected by a matching Service. */
  toPodOf?: ServiceMatch;
  toPodLabels?: Record<string, string>;
  /** The address the request was delivered to: a pod's, or a server's outside the cluster. */
  toIP?: string;
  /** The backend runs on another node than the pod or node that sent the request. */
  crossNode?: boolean;
  /** Whether the backend saw the sender's own address or a translated one. */
  clientIP?: "preserved" | "translated";
  /** How many delivered requests must match (default 1). */
  atLeast?: number;
  distinctBackends?: number;
  /** The latest this many requests the filter selects were all delivered as described. */
  inARow?: number;
}

export interface OutcomeGoal extends RequestFilter {
  kind: "outcome";
  outcome: Outcome;
  atLeast?: number;
}

export interface DnsAnswerGoal {
  kind: "dnsAnswer";
  from?: RefPattern;
  /** The name as the learner asked for it, matched as a pattern. */
  name?: string;
  type: "A" | "CNAME" | "SRV";
  /** Some answer of that type carries this data (a name without its trailing dot, or an address). */
  data?: string;
  /** The answers of that type are exactly these addresses (and there is at least one). */
  addresses?: AddressSet;
  /** Every answer of that type is one of these addresses. */
  within?: AddressSet;
}

export interface ServiceExistsGoal {
  kind: "serviceExists";
  ref?: RefPattern;
  type?: ServiceState["type"];
  headless?: boolean;
  /** The Service has a selector, and a pod with these labels would match it. */
  selects?: Record<string, string>;
  /** The Service has no selector: its endpoints are written by hand. */
  selectorless?: boolean;
  externalName?: string;
  externalTrafficPolicy?: "Cluster" | "Local";
  /** At least this many ready endpoints in its EndpointSlices. */
  readyEndpoints?: number;
}

export interface NodeFailedGoal {
  kind: "nodeFailed";
  node: RefPattern;
}

/**
 * Seconds of a stream, counted from the goal's anchor: [from, to), to the end of the simulation
 * when `to` is absent. Each present condition must hold over the window's requests, and the window
 * must hold at least one request (so it lies within what was simulated).
 */
export interface StreamWindow {
  from: number;
  to?: number;
  /** Every request ended so. */
  all?: Outcome;
  /** At least one did. */
  some?: Outcome;
  /** None did. */
  none?: Outcome;
}

/**
 * What a stream of the simulated scenario saw, second by second: "the NodePort client timed out
 * from the failure on", "the load balancer's client had timeouts only in the first seconds after
 * it and delivered afterwards". Streams are chosen by sender and destination, as requests are.
 */
export interface StreamGoal {
  kind: "stream";
  from?: RefPattern;
  /** The destination as the learner wrote it, matched as a pattern. */
  target?: string;
  /** The address the stream's destination names. */
  to?: AddressSet;
  port?: PortSet;
  /** Seconds count from the first scenario event of this action on a matching target; else from 0. */
  after?: { action: ScenarioAction["action"]; target: RefPattern };
  windows: StreamWindow[];
}

export type Goal =
  | DeliveredGoal
  | StreamGoal
  | OutcomeGoal
  | DnsAnswerGoal
  | ServiceExistsGoal
  | NodeFailedGoal
  | { kind: "allOf"; goals: Goal[] }
  | { kind: "anyOf"; goals: Goal[] };

export function matchesPattern(pattern: RefPattern, value: string): boolean {
  const parts = pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".*")}$`).test(value);
}

function servicesMatching(cluster: Cluster, match: ServiceMatch): ServiceState[] {
  return cluster.services.filter((s) =>
    typeof match === "string" ? matchesPattern(match, s.ref) : selectorSelects(s.selector, match.selects),
  );
}

function readyEndpointIPs(cluster: Cluster, service: Ref): string[] {
  return serviceEndpoints(cluster, service).flatMap((e) => (e.conditions.ready ? e.addresses : []));
}

export function resolveAddresses(cluster: Cluster, set: AddressSet): Set<string> {
  if ("ip" in set) return new Set([set.ip]);
  if ("nodeIPOf" in set) {
    return new Set(cluster.nodes.filter((n) => matchesPattern(set.nodeIPOf, n.ref)).map((n) => n.internalIP));
  }
  if ("podIPOf" in set) {
    return new Set(
      cluster.pods.flatMap((p) => (matchesPattern(set.podIPOf, p.ref) && p.podIP ? [p.podIP] : [])),
    );
  }
  if ("clusterIPOf" in set) {
    return new Set(
      servicesMatching(cluster, set.clusterIPOf).flatMap((s) =>
        s.clusterIP && s.clusterIP !== "None" ? [s.clusterIP] : [],
      ),
    );
  }
  if ("externalIPOf" in set) {
    return new Set(servicesMatching(cluster, set.externalIPOf).flatMap((s) => s.externalIPs));
  }
  if ("loadBalancerIPOf" in set) {
    return new Set(servicesMatching(cluster, set.loadBalancerIPOf).flatMap((s) => s.loadBalancerIPs));
  }
  return new Set(
    servicesMatching(cluster, set.endpointIPsOf).flatMap((s) => readyEndpointIPs(cluster, s.ref)),
  );
}

function resolvePorts(cluster: Cluster, port: PortSet): Set<number> {
  if (typeof port === "number") return new Set([port]);
  return new Set(
    servicesMatching(cluster, port.nodePortOf).flatMap((s) =>
      s.ports.flatMap((p) => (p.nodePort ? [p.nodePort] : [])),
    ),
  );
}

const failedNodeRefs = (cluster: Cluster) => cluster.nodes.filter((n) => n.failed).map((n) => n.ref);

const requestHops = (trace: Trace) => trace.hops.filter((h) => h.phase === "request");

function requestMatches(filter: RequestFilter, trace: Trace, cluster: Cluster): boolean {
  if (filter.from && !matchesPattern(filter.from, trace.request.from)) return false;
  if (filter.target && !matchesPattern(filter.target, trace.request.to)) return false;
  if (filter.to || filter.port !== undefined) {
    const first = requestHops(trace)[0];
    if (!first) return false;
    if (filter.to && !resolveAddresses(cluster, filter.to).has(first.before.dst.ip)) return false;
    if (filter.port !== undefined && !resolvePorts(cluster, filter.port).has(first.before.dst.port))
      return false;
  }
  const failed = failedNodeRefs(cluster);
  return (filter.whileFailed ?? []).every((pattern) => failed.some((ref) => matchesPattern(pattern, ref)));
}

/** Whether the patterns occur among the request's hops in this order. */
function passesInOrder(trace: Trace, patterns: RefPattern[]): boolean {
  let next = 0;
  for (const hop of requestHops(trace)) {
    const pattern = patterns[next];
    if (pattern !== undefined && matchesPattern(pattern, hop.at)) next++;
  }
  return next === patterns.length;
}

function hopMatches(match: HopMatch, hop: Hop): boolean {
  if (hop.kind !== match.kind) return false;
  if (match.at && !matchesPattern(match.at, hop.at)) return false;
  return (
    match.field === undefined || (hop.cause !== undefined && matchesPattern(match.field, hop.cause.field))
  );
}

/** The address the request left with, as the engine resolved its source (the first hop's source). */
function senderIP(trace: Trace): string | undefined {
  return requestHops(trace)[0]?.before.src.ip;
}

/** Where a delivered request ended: the backend pod's address, or the host outside the cluster. */
function deliveredTo(trace: Trace): string | undefined {
  return trace.backend?.ip ?? requestHops(trace).at(-1)?.after.dst.ip;
}

function backendAsDescribed(goal: DeliveredGoal, trace: Trace, cluster: Cluster): boolean {
  const needsBackend =
    goal.toPod || goal.toPodOf || goal.toPodLabels || goal.crossNode !== undefined || goal.clientIP;
  if (!needsBackend) return true;
  const backend = trace.backend;
  if (!backend) return false;
  if (goal.toPod && !(backend.pod && matchesPattern(goal.toPod, backend.pod))) return false;
  if (goal.toPodOf || goal.toPodLabels) {
    const pod = cluster.pods.find((p) => p.ref === backend.pod);
    if (!pod) return false;
    if (goal.toPodLabels && !matchesLabels(goal.toPodLabels, pod.labels)) return false;
    const services = goal.toPodOf ? servicesMatching(cluster, goal.toPodOf) : null;
    // A backend of the Service: a pod its EndpointSlices list.
    const members = services ? servicePods(cluster) : null;
    if (services && !services.some((s) => members?.get(s.ref)?.includes(pod.ref))) return false;
  }
  if (goal.crossNode !== undefined) {
    const sender = senderNode(cluster, trace.request.from);
    if (!sender || (sender !== backend.node) !== goal.crossNode) return false;
  }
  if (goal.clientIP) {
    const preserved = backend.clientIP === senderIP(trace);
    if (preserved !== (goal.clientIP === "preserved")) return false;
  }
  return true;
}

function deliveredAsDescribed(goal: DeliveredGoal, trace: Trace, cluster: Cluster): boolean {
  if (trace.outcome !== "delivered") return false;
  if (goal.via && !passesInOrder(trace, goal.via)) return false;
  if (goal.notVia?.some((pattern) => requestHops(trace).some((h) => matchesPattern(pattern, h.at))))
    return false;
  if (goal.hops && !goal.hops.every((m) => requestHops(trace).some((h) => hopMatches(m, h)))) return false;
  if (goal.toIP && deliveredTo(trace) !== goal.toIP) return false;
  return backendAsDescribed(goal, trace, cluster);
}

function deliveredMet(goal: DeliveredGoal, session: SessionRecord): boolean {
  const selected = session.requests.filter((r) => requestMatches(goal, r.trace, r.cluster));
  const delivered = selected.filter((r) => deliveredAsDescribed(goal, r.trace, r.cluster));
  if (delivered.length === 0 || delivered.length < (goal.atLeast ?? 1)) return false;
  if (goal.inARow) {
    const latest = selected.slice(-goal.inARow);
    if (latest.length < goal.inARow || !latest.every((r) => deliveredAsDescribed(goal, r.trace, r.cluster))) {
      return false;
    }
  }
  const backends = new Set(delivered.map((r) => deliveredTo(r.trace)));
  return backends.size >= (goal.distinctBackends ?? 1);
}

function outcomeMet(goal: OutcomeGoal, session: SessionRecord): boolean {
  const matching = session.requests.filter(
    (r) => r.trace.outcome === goal.outcome && requestMatches(goal, r.trace, r.cluster),
  );
  return matching.length >= Math.max(1, goal.atLeast ?? 1);
}

const bare = (name: string) => name.replace(/\.$/, "").toLowerCase();

function answerMatches(goal: DnsAnswerGoal, result: NameLookup, cluster: Cluster): boolean {
  const data = result.answers.filter((a) => a.type === goal.type).map((a) => bare(a.data));
  if (data.length === 0) return false;
  if (goal.data && !data.includes(bare(goal.data))) return false;
  if (goal.addresses) {
    const expected = resolveAddresses(cluster, goal.addresses);
    if (new Set(data).size !== expected.size || !data.every((d) => expected.has(d))) return false;
  }
  if (goal.within) {
    const allowed = resolveAddresses(cluster, goal.within);
    if (!data.every((d) => allowed.has(d))) return false;
  }
  return true;
}

function dnsAnswerMet(goal: DnsAnswerGoal, session: SessionRecord): boolean {
  return session.lookups.some(
    (l) =>
      (!goal.from || matchesPattern(goal.from, l.from)) &&
      (!goal.name || matchesPattern(goal.name, l.name)) &&
      answerMatches(goal, l.result, l.cluster),
  );
}

function serviceMatches(goal: ServiceExistsGoal, service: ServiceState, cluster: Cluster): boolean {
  if (goal.ref && !matchesPattern(goal.ref, service.ref)) return false;
  if (goal.type && service.type !== goal.type) return false;
  if (goal.headless !== undefined && service.headless !== goal.headless) return false;
  if (goal.selects && !selectorSelects(service.selector, goal.selects)) return false;
  if (goal.selectorless !== undefined && (service.selector === null) !== goal.selectorless) return false;
  if (goal.externalName && bare(service.externalName ?? "") !== bare(goal.externalName)) return false;
  if (goal.externalTrafficPolicy && service.externalTrafficPolicy !== goal.externalTrafficPolicy)
    return false;
  return readyEndpointIPs(cluster, service.ref).length >= (goal.readyEndpoints ?? 0);
}

function streamMatches(
  goal: StreamGoal,
  stream: SimulationRecord["scenario"]["traffic"][number],
  cluster: Cluster,
): boolean {
  if (goal.from && !matchesPattern(goal.from, stream.from === "external" ? "client/external" : stream.from))
    return false;
  if (goal.target && !matchesPattern(goal.target, stream.to)) return false;
  if (!goal.to && goal.port === undefined) return true;
  const target = readTarget(stream.to);
  if (!target.ok) return false;
  if (goal.to && !resolveAddresses(cluster, goal.to).has(target.value.host)) return false;
  return goal.port === undefined || resolvePorts(cluster, goal.port).has(target.value.port);
}

function windowHolds(window: StreamWindow, outcomes: Partial<Record<Outcome, number>>[]): boolean {
  const count = (outcome: Outcome) => outcomes.reduce((sum, o) => sum + (o[outcome] ?? 0), 0);
  const total = outcomes.reduce(
    (sum, o) => sum + Object.values<number | undefined>(o).reduce<number>((a, n) => a + (n ?? 0), 0),
    0,
  );
  if (total === 0) return false;
  if (window.all && count(window.all) !== total) return false;
  if (window.some && count(window.some) === 0) return false;
  return !window.none || count(window.none) === 0;
}

function streamMet(goal: StreamGoal, simulation: SimulationRecord | null | undefined): boolean {
  if (!simulation) return false;
  const { scenario, buckets, cluster } = simulation;
  let start = 0;
  if (goal.after) {
    const { action, target } = goal.after;
    const anchor = [...scenario.events]
      .sort((a, b) => a.at - b.at)
      .find((e) => e.action === action && matchesPattern(target, e.target));
    if (!anchor) return false;
    start = anchor.at;
  }
  return scenario.traffic
    .filter((stream) => streamMatches(goal, stream, cluster))
    .some((stream) => {
      const seconds = buckets.filter((b) => b.stream === stream.name);
      return goal.windows.every((w) => {
        const from = start + w.from;
        const to = w.to === undefined ? Number.POSITIVE_INFINITY : start + w.to;
        // A window reaching past the end was not watched in full.
        if (to !== Number.POSITIVE_INFINITY && to > scenario.duration) return false;
        return windowHolds(
          w,
          seconds.filter((b) => b.t >= from && b.t < to).map((b) => b.outcomes),
        );
      });
    });
}

/** Whether the learner's session meets the goal. */
export function goalMet(goal: Goal, session: SessionRecord): boolean {
  const cluster = session.cluster;
  switch (goal.kind) {
    case "delivered":
      return deliveredMet(goal, session);
    case "outcome":
      return outcomeMet(goal, session);
    case "stream":
      return streamMet(goal, session.simulation);
    case "dnsAnswer":
      return dnsAnswerMet(goal, session);
    case "serviceExists":
      return cluster ? cluster.services.some((s) => serviceMatches(goal, s, cluster)) : false;
    case "nodeFailed":
      return cluster ? failedNodeRefs(cluster).some((ref) => matchesPattern(goal.node, ref)) : false;
    case "allOf":
      return goal.goals.every((g) => goalMet(g, session));
    case "anyOf":
      return goal.goals.some((g) => goalMet(g, session));
  }
}
