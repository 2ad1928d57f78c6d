import { buildCluster } from "./cluster/build.ts";
import { nodeOfPod } from "./cluster/pods.ts";
import type { Cluster, ClusterSettings, KubeProxyMode, Ref } from "./cluster/types.ts";
import { loadManifests } from "./manifests/load.ts";
import type { Diagnostic, Result, SourceFile } from "./manifests/types.ts";
import { message } from "./messages/index.ts";
import { createDataPlane, type DataPlane } from "./network/dataplane.ts";
import type { RecordType } from "./network/dns.ts";
import { type Refusal, refuse } from "./network/refusal.ts";
import { type NodeRules, nodeRules, serviceRules } from "./network/rules.ts";
import { createTrafficState, type TrafficState } from "./network/traffic-state.ts";
import { parseScenario } from "./sim/scenario.ts";
import { clusterAt, type Simulation, type SimulationState, simulate } from "./sim/simulate.ts";
import { type DnsQueryResult, dnsQuery, lookupName, type NameLookupResult } from "./trace/lookup.ts";
import { lostAtFailure, traceDuration } from "./trace/timing.ts";
import { type ParsedRequest, parseRequest } from "./trace/trace.ts";
import { traffic as countTraffic, sendEach, type TrafficSummary } from "./trace/traffic.ts";
import type { Trace, TraceRequest } from "./trace/types.ts";

/** The scenario file's name in diagnostics: the Scenario as the learner would export it. */
export const SCENARIO_FILE = "scenario.yaml";

/**
 * How many moments of a simulation a session remembers: stateAt replays the control plane from the
 * start (tens of milliseconds on a large cluster), and a learner scrubs back and forth over the same seconds.
 */
const MOMENTS_KEPT = 64;

/** One request sent through a session: its number, the instant it left on the session's clock, its trace. */
export interface SentTrace {
  id: number;
  /** Seconds on the session's clock. */
  sentAt: number;
  trace: Trace;
}

export interface SessionBuildOptions {
  settings?: Partial<ClusterSettings>;
  /** Node names, as buildCluster takes them. */
  failedNodes: readonly string[];
  /**
   * Another document: every pod is scheduled anew, and the requests start over (numbered from 1, on a
   * clock at 0, with the random choices drawn afresh from the seed). Otherwise running pods keep their
   * node and IP, and the requests go on.
   */
  fresh?: boolean;
  /**
   * Pods evicted since the last build (kubectl drain): they do not keep their place, so their
   * controllers' pods are scheduled anew, as a ReplicaSet's replacements would be.
   */
  evict?: readonly Ref[];
}

export interface SessionBuild {
  cluster: Cluster | null;
  dataPlane: DataPlane | null;
  diagnostics: Diagnostic[];
}

export interface SendOptions {
  /** How many requests, one after another as one client sends them (default 1). */
  count?: number;
  /**
   * The instant on the session's clock the first one leaves (seconds); the next ones follow
   * REQUEST_INTERVAL_SECONDS apart. Never earlier than the last request sent: the clock only moves on.
   */
  at?: number;
  /** Seconds between the requests of a batch (default REQUEST_INTERVAL_SECONDS). */
  spacing?: number;
}

export interface SessionOptions {
  /** The seed of the random choices (iptables, load balancers); default the cluster's. */
  seed?: number;
}

export interface EngineSession {
  build(files: readonly SourceFile[], options: SessionBuildOptions): SessionBuild;
  /** The data plane of the last good build, or null before one. */
  dataPlane(): DataPlane | null;
  send(request: TraceRequest, options?: SendOptions): { ok: true; value: SentTrace[] } | Refusal;
  /**
   * Sends `count` requests as `send` does, on the same clock and random choices, and counts how they
   * ended instead of keeping each trace (a million requests fit in memory).
   */
  count(request: TraceRequest, count: number): { ok: true; value: TrafficSummary } | Refusal;
  /** The instant every request sent so far has ended (the session's clock when none flies). */
  idleAt(): number;
  /**
   * `node` fails at instant `at`: the requests still in flight that had not got through it are lost
   * there (timing.ts lostAtFailure). Returns them as they now end; the others fly on unchanged.
   */
  failNode(node: Ref, at: number): SentTrace[];
  lookup(from: Ref, name: string): NameLookupResult | Refusal;
  /** A query of `name` for `type` records by the resolver of `from`, drawing the session's next random choices. */
  dns(from: Ref, name: string, type: RecordType): DnsQueryResult | Refusal;
  /**
   * kube-proxy's rules on a node of the last cluster built, in `mode` or else the cluster's (only
   * `service`'s lines when given); null for no such node.
   */
  rules(node: Ref, service?: Ref, mode?: KubeProxyMode): NodeRules | null;
  /**
   * Plays a Scenario file over the manifests. Its diagnostics are the manifests', then the scenario's
   * (both read even when one is invalid), then why the scenario could not be played.
   */
  simulate(
    files: readonly SourceFile[],
    scenario: SourceFile,
    options?: { seed?: number; sample?: number; settings?: Partial<ClusterSettings> },
  ): Result<Simulation>;
  /** The last simulation at `t` seconds, or null before one. */
  stateAt(t: number): SimulationState | null;
}

const NO_CLUSTER = refuse(message("request.noCluster"));

/**
 * The engine as one caller keeps using it: the last cluster built (an edit keeps its running pods),
 * one clock and one traffic state across sends (so successive sends draw the next random choices,
 * as one client would), the requests still in flight (so a node failing can catch them), and the
 * last simulation with its recent moments.
 */
export function createSession(options: SessionOptions = {}): EngineSession {
  let built: Cluster | null = null;
  let plane: DataPlane | null = null;
  let traffic: TrafficState | null = null;
  let nextId = 1;
  /** Instant the next request may leave at the earliest. */
  let clock = 0;
  let flying: SentTrace[] = [];
  let simulation: Simulation | null = null;
  const moments = new Map<number, SimulationState>();

  /** The request parsed against the last build, with the data plane and traffic state to send it through. */
  const ready = (
    request: TraceRequest,
  ): { ok: true; dp: DataPlane; state: TrafficState; parsed: ParsedRequest } | Refusal => {
    if (!plane || !traffic) return NO_CLUSTER;
    const parsed = parseRequest(plane, request);
    return parsed.ok ? { ok: true, dp: plane, state: traffic, parsed: parsed.value } : parsed;
  };

  return {
    build(files, buildOptions) {
      const loaded = loadManifests(files, buildOptions.settings);
      if (!loaded.ok) return { cluster: null, dataPlane: null, diagnostics: loaded.diagnostics };
      const evicted = new Set(buildOptions.evict);
      const previous =
        buildOptions.fresh || !built
          ? null
          : evicted.size
            ? { ...built, pods: built.pods.filter((p) => !evicted.has(p.ref)) }
            : built;
      built = buildCluster(loaded.value, {
        ...(buildOptions.settings ? { settings: buildOptions.settings } : {}),
        ...(previous ? { previous } : {}),
        failedNodes: buildOptions.failedNodes,
      });
      plane = createDataPlane(built);
      // Another document (a lesson opened) starts its requests over, so that what it shows does not
      // depend on what was sent before it.
      if (buildOptions.fresh || !traffic) {
        traffic = createTrafficState(options.seed ?? built.settings.seed);
        nextId = 1;
        clock = 0;
        flying = [];
      }
      return { cluster: built, dataPlane: plane, diagnostics: loaded.diagnostics };
    },
    dataPlane: () => plane,
    send(request, sendOptions = {}) {
      const r = ready(request);
      if (!r.ok) return r;
      clock = Math.max(clock, sendOptions.at ?? clock);
      const start = clock;
      // The traffic state's clock is the session's: session affinity timeouts play out on it.
      r.state.now = clock;
      const sent: SentTrace[] = [];
      const count = Math.max(1, sendOptions.count ?? 1);
      const spacing = sendOptions.spacing === undefined ? {} : { spacing: sendOptions.spacing };
      sendEach(
        r.dp,
        r.parsed,
        count,
        r.state,
        (trace, sentAt) => sent.push({ id: nextId++, sentAt, trace }),
        spacing,
      );
      clock = r.state.now;
      flying = [...flying.filter((f) => f.sentAt + traceDuration(f.trace) > start), ...sent];
      return { ok: true, value: sent };
    },
    count(request, count) {
      const r = ready(request);
      if (!r.ok) return r;
      r.state.now = clock;
      const summary = countTraffic(r.dp, r.parsed, count, r.state);
      clock = r.state.now;
      return { ok: true, value: summary };
    },
    idleAt: () => Math.max(clock, ...flying.map((f) => f.sentAt + traceDuration(f.trace))),
    failNode(node, at) {
      const pods = plane?.podByRef ?? new Map();
      const nodeOf = (pod: Ref) => nodeOfPod(pods, pod);
      const lost: SentTrace[] = [];
      flying = flying.flatMap((f) => {
        if (f.sentAt + traceDuration(f.trace) <= at) return [];
        const cut = lostAtFailure(f.trace, f.sentAt, node, at, nodeOf);
        if (!cut) return [f];
        const ended = { ...f, trace: cut };
        lost.push(ended);
        return [ended];
      });
      return lost;
    },
    lookup(from, name) {
      if (!plane || !traffic) return NO_CLUSTER;
      return lookupName(plane, from, name, traffic);
    },
    dns(from, name, type) {
      if (!plane || !traffic) return NO_CLUSTER;
      return dnsQuery(plane, from, name, type, traffic);
    },
    rules(node, service, mode) {
      const state = plane?.cluster.nodes.find((n) => n.ref === node);
      if (!plane || !state) return null;
      return service ? serviceRules(plane, state, service, mode) : nodeRules(plane, state, mode);
    },
    simulate(files, file, options = {}) {
      simulation = null;
      moments.clear();
      const loaded = loadManifests(files);
      const scenario = parseScenario(file);
      const diagnostics = [...loaded.diagnostics, ...scenario.diagnostics];
      if (!loaded.ok || !scenario.ok) return { ok: false, diagnostics };
      const played = simulate(loaded.value, scenario.value, options);
      if (!played.ok) return { ok: false, diagnostics: [...diagnostics, ...played.diagnostics] };
      simulation = played.value;
      return { ok: true, value: played.value, diagnostics };
    },
    stateAt(t) {
      if (!simulation) return null;
      const known = moments.get(t);
      if (known) return known;
      const state = clusterAt(simulation, t);
      const oldest = moments.keys().next();
      if (moments.size >= MOMENTS_KEPT && !oldest.done) moments.delete(oldest.value);
      moments.set(t, state);
      return state;
    },
  };
}
