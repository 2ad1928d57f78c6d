import { nodeOfPod } from "../cluster/pods.ts";
import type { Cluster, ClusterSettings, Ref } from "../cluster/types.ts";
import type { Diagnostic, Result, SourcedObject } from "../manifests/types.ts";
import type { DataPlane } from "../network/dataplane.ts";
import type { PoolMember } from "../network/loadBalancerPools.ts";
import { createTrafficState } from "../network/traffic-state.ts";
import { lostAtFailure } from "../trace/timing.ts";
import { type ParsedRequest, parseRequest, trace } from "../trace/trace.ts";
import type { Outcome, Trace } from "../trace/types.ts";
import type { SimEvent } from "./events.ts";
import type { LoadBalancerHealth } from "./healthChecks.ts";
import { checkScenario, type Scenario } from "./scenario.ts";
import { World } from "./world.ts";

/** One stream's outcomes in one second of virtual time: requests sent in [t, t + 1). */
export interface Bucket {
  t: number;
  stream: string;
  outcomes: Partial<Record<Outcome, number>>;
}

export interface SimulateOptions {
  /** Seed of the traffic's random choices (iptables' picks, the load balancers'); default the cluster's. */
  seed?: number;
  /**
   * Keep the whole trace of at most this many requests per stream and second (evenly spread), for a
   * picture of the traffic; the others are only counted. Default 0: counts only.
   */
  sample?: number;
  /** The cluster's settings (the load balancers' provider); the defaults when left out. */
  settings?: Partial<ClusterSettings>;
}

/** One request of a simulation kept whole: when it left, from which stream, and its trace. */
export interface SimPacket {
  stream: string;
  /** Seconds from the start. */
  sentAt: number;
  trace: Trace;
}

/**
 * How long before a node failure a request may have left and still be in flight: longer than any
 * trace lasts on the simulator's clock (timing.ts), so these requests are traced whole and cut there.
 */
const IN_FLIGHT_MS = 1000;

/**
 * A scenario played out: per second and stream, what the requests came to, and the event log. It
 * keeps its inputs, so that clusterAt can recompute the state at any moment.
 */
export interface Simulation {
  objects: readonly SourcedObject[];
  scenario: Scenario;
  seed: number;
  /** The cluster settings it ran with (SimulateOptions.settings). */
  settings: Partial<ClusterSettings>;
  /** Ordered by second, then by the stream's place in spec.traffic. */
  buckets: Bucket[];
  events: SimEvent[];
  /** The sampled requests (SimulateOptions.sample), in the order they left. */
  packets: SimPacket[];
}

/** The state at one moment of a simulation, as a request sent then would meet it. */
export interface SimulationState {
  /** Seconds from the start. */
  t: number;
  /** The API server's objects: nodes, pods, Services, EndpointSlices. */
  cluster: Cluster;
  /** The data plane: the nodes and pods as they are, kube-proxy's rules as last synced, each load balancer's pool. */
  dataPlane: DataPlane;
  lbHealth: LoadBalancerHealth[];
  /** Each load balancer's nodes (network/loadBalancerPools.ts), by `lb/NS/NAME`. */
  lbPools: [Ref, PoolMember[]][];
  /** Pods deleted on an unreachable node, which the API server keeps as Terminating. */
  terminatingPods: Ref[];
}

/** The next request of each stream: request i leaves at i / rate seconds. */
interface StreamCursor {
  index: number;
  name: string;
  rate: number;
  sent: number;
  /** Milliseconds. */
  next: number;
  parsed: ParsedRequest | null;
  buckets: Bucket[];
}

/**
 * Plays a scenario over the objects: the control plane moves at the scenario's events and its
 * controllers' timers (node lifecycle, taint eviction, EndpointSlices, kube-proxy sync, load
 * balancer health checks), and every request is traced through the data plane of its moment. The
 * data plane is rebuilt only when the state changes, never per request.
 */
export function simulate(
  objects: readonly SourcedObject[],
  scenario: Scenario,
  options: SimulateOptions = {},
): Result<Simulation> {
  const world = new World(objects, scenario, options.settings);
  const diagnostics: Diagnostic[] = checkScenario(scenario, world.dataPlane());
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const seed = options.seed ?? world.cluster.settings.seed;
  const state = createTrafficState(seed);
  const end = Math.round(scenario.duration * 1000);
  const seconds = Math.ceil(end / 1000);
  const cursors: StreamCursor[] = scenario.traffic.map((s, index) => ({
    index,
    name: s.name,
    rate: s.rate,
    sent: 0,
    next: 0,
    parsed: null,
    buckets: Array.from({ length: seconds }, (_, t) => ({ t, stream: s.name, outcomes: {} })),
  }));
  const sample = options.sample ?? 0;
  const packets: SimPacket[] = [];
  const failures = scenario.events.filter((e) => e.action === "fail-node");
  let plane: DataPlane | null = null;
  for (;;) {
    let cursor: StreamCursor | undefined;
    for (const c of cursors) if (c.next < end && (!cursor || c.next < cursor.next)) cursor = c;
    if (!cursor) break;
    world.advanceTo(cursor.next);
    const dp = world.dataPlane();
    if (dp !== plane) {
      plane = dp;
      for (const c of cursors) {
        const stream = scenario.traffic[c.index];
        const parsed = stream ? parseRequest(dp, { from: stream.from, to: stream.to }) : null;
        // A source pod deleted during the scenario sends nothing more.
        c.parsed = parsed?.ok ? parsed.value : null;
      }
    }
    if (cursor.parsed) {
      const sentAt = cursor.next / 1000;
      state.now = sentAt;
      const failure = failures.find(
        (e) => e.at * 1000 > cursor.next && e.at * 1000 - cursor.next < IN_FLIGHT_MS,
      );
      const kept = sampled(cursor, sample);
      // Hops cost time: spelt only for a kept request or one a failure may catch in flight.
      let result = trace(dp, cursor.parsed, state, { hops: kept || failure !== undefined });
      if (failure) {
        const nodeOf = (pod: Ref) => nodeOfPod(dp.podByRef, pod);
        result = lostAtFailure(result, sentAt, failure.target, failure.at, nodeOf) ?? result;
      }
      if (kept) packets.push({ stream: cursor.name, sentAt, trace: result });
      const outcome = result.outcome;
      const bucket = cursor.buckets[Math.floor(cursor.next / 1000)];
      if (bucket) bucket.outcomes[outcome] = (bucket.outcomes[outcome] ?? 0) + 1;
    }
    cursor.sent++;
    cursor.next = (cursor.sent * 1000) / cursor.rate;
  }
  world.advanceTo(end - 1);
  const buckets: Bucket[] = [];
  for (let t = 0; t < seconds; t++)
    for (const c of cursors) if (c.buckets[t]) buckets.push(c.buckets[t] as Bucket);
  return {
    ok: true,
    value: {
      objects,
      scenario,
      seed,
      settings: options.settings ?? {},
      buckets,
      events: world.events.filter((e) => e.t * 1000 < end),
      packets,
    },
    diagnostics: [],
  };
}

/** Whether the cursor's request is one of the `perSecond` a second kept whole, spread evenly over the second. */
function sampled(cursor: StreamCursor, perSecond: number): boolean {
  if (perSecond <= 0) return false;
  const every = Math.max(1, Math.ceil(cursor.rate / perSecond));
  const inSecond = cursor.sent - Math.ceil(Math.floor(cursor.next / 1000) * cursor.rate);
  return inSecond % every === 0;
}

/**
 * The state `t` seconds into a simulation, recomputed by replaying the control plane up to that
 * moment (everything due at `t` included): a timeline can be scrubbed to any second.
 */
export function clusterAt(
  simulation: Pick<Simulation, "objects" | "scenario"> & { settings?: Partial<ClusterSettings> },
  t: number,
): SimulationState {
  const world = new World(simulation.objects, simulation.scenario, simulation.settings);
  world.advanceTo(Math.round(t * 1000));
  return {
    t,
    cluster: world.cluster,
    dataPlane: world.dataPlane(),
    lbHealth: world.lbHealth,
    lbPools: [...world.pools()],
    terminatingPods: [...world.terminating],
  };
}
