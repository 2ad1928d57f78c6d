import type { Cluster, Ref } from "../cluster/types.ts";
import type { Diagnostic, Result, SourcedObject } from "../manifests/types.ts";
import type { DataPlane } from "../network/dataplane.ts";
import { createTrafficState } from "../network/traffic-state.ts";
import { type ParsedRequest, parseRequest, trace } from "../trace/trace.ts";
import type { Outcome } from "../trace/types.ts";
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
}

/**
 * A scenario played out: per second and stream, what the requests came to, and the event log. It
 * keeps its inputs, so that clusterAt can recompute the state at any moment.
 */
export interface Simulation {
  objects: readonly SourcedObject[];
  scenario: Scenario;
  seed: number;
  /** Ordered by second, then by the stream's place in spec.traffic. */
  buckets: Bucket[];
  events: SimEvent[];
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
  const world = new World(objects, scenario);
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
      state.now = cursor.next / 1000;
      const outcome = trace(dp, cursor.parsed, state, { hops: false }).outcome;
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
    value: { objects, scenario, seed, buckets, events: world.events.filter((e) => e.t * 1000 < end) },
    diagnostics: [],
  };
}

/**
 * The state `t` seconds into a simulation, recomputed by replaying the control plane up to that
 * moment (everything due at `t` included): a timeline can be scrubbed to any second.
 */
export function clusterAt(simulation: Pick<Simulation, "objects" | "scenario">, t: number): SimulationState {
  const world = new World(simulation.objects, simulation.scenario);
  world.advanceTo(Math.round(t * 1000));
  return {
    t,
    cluster: world.cluster,
    dataPlane: world.dataPlane(),
    lbHealth: world.lbHealth,
    terminatingPods: [...world.terminating],
  };
}
