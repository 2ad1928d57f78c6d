import {
  buildCluster,
  type Cluster,
  clusterAt,
  createDataPlane,
  createTrafficState,
  type DataPlane,
  iptablesRules,
  loadManifests,
  lookupName,
  parseRequest,
  parseScenario,
  REQUEST_INTERVAL_SECONDS,
  type Simulation,
  simulate,
  type TrafficState,
  trace,
} from "../../engine/index.ts";
import { summarizeIngresses } from "./ingresses.ts";
import type {
  BuildReply,
  BuildRequest,
  ClusterAtReply,
  ClusterAtRequest,
  DnsReply,
  DnsRequest,
  EngineReply,
  EngineRequest,
  RulesReply,
  RulesRequest,
  SimulateReply,
  SimulateRequest,
  TimeState,
  TraceReply,
  TraceRequestMessage,
} from "./protocol.ts";

/**
 * How many moments of a simulation the worker remembers: clusterAt replays the control plane from
 * the start (tens of milliseconds on a large cluster), and a learner scrubs back and forth over the
 * same seconds.
 */
const MOMENTS_KEPT = 64;

/** The scenario file's name in diagnostics: the app's Scenario as the learner would export it. */
export const SCENARIO_FILE = "scenario.yaml";

export type EngineSession = (request: EngineRequest) => EngineReply;

/**
 * The engine as the page uses it, behind one message handler: run in a Web Worker in the browser so a
 * large manifest never freezes the page, and called directly in unit tests. It remembers the last
 * cluster built, so a request is traced through what the learner sees, and one traffic state for the
 * whole session, so that successive sends draw the next random choices (as one client would).
 */
export function createEngineSession(): EngineSession {
  let dataPlane: DataPlane | null = null;
  /** The last cluster built: the next edit's pods are placed around its running ones. */
  let built: Cluster | null = null;
  let traffic: TrafficState | null = null;
  let simulation: { run: number; value: Simulation } | null = null;
  let runs = 0;
  const moments = new Map<number, TimeState>();

  function build(request: BuildRequest): BuildReply {
    const loaded = loadManifests(request.files, request.settings);
    if (!loaded.ok) {
      return { id: request.id, type: "build", cluster: null, diagnostics: loaded.diagnostics, ingresses: [] };
    }
    const previous = request.fresh ? null : built;
    const cluster = buildCluster(loaded.value, {
      ...(request.settings ? { settings: request.settings } : {}),
      ...(previous ? { previous } : {}),
      failedNodes: request.failedNodes,
    });
    built = cluster;
    dataPlane = createDataPlane(cluster);
    traffic ??= createTrafficState(cluster.settings.seed);
    return {
      id: request.id,
      type: "build",
      cluster,
      diagnostics: loaded.diagnostics,
      ingresses: summarizeIngresses(dataPlane),
    };
  }

  function traceMany(request: TraceRequestMessage): TraceReply {
    const reply = (traces: TraceReply["traces"], error: string | null): TraceReply => ({
      id: request.id,
      type: "trace",
      traces,
      error,
    });
    if (!dataPlane || !traffic) return reply([], "There is no cluster yet: fix the manifests first.");
    const parsed = parseRequest(dataPlane, { from: request.from, to: request.to });
    if (!parsed.ok) return reply([], parsed.message);
    const dp = dataPlane;
    const state = traffic;
    // As the engine's `traffic` does: the virtual clock moves on between requests, so session
    // affinity timeouts play out; the page needs each trace, not only the counts.
    const traces = Array.from({ length: Math.max(1, request.count) }, () => {
      const result = trace(dp, parsed.value, state);
      state.now += REQUEST_INTERVAL_SECONDS;
      return result;
    });
    return reply(traces, null);
  }

  function rules(request: RulesRequest): RulesReply {
    const node = dataPlane?.cluster.nodes.find((n) => n.ref === request.node);
    const tables = dataPlane && node ? iptablesRules(dataPlane, node) : [];
    return { id: request.id, type: "rules", node: request.node, tables };
  }

  function dns(request: DnsRequest): DnsReply {
    const reply = (lookup: DnsReply["lookup"], error: string | null): DnsReply => ({
      id: request.id,
      type: "dns",
      lookup,
      error,
    });
    if (!dataPlane || !traffic) return reply(null, "There is no cluster yet: fix the manifests first.");
    const looked = lookupName(dataPlane, request.from, request.name, traffic);
    return looked.ok ? reply(looked.value, null) : reply(null, looked.message);
  }

  function simulateScenario(request: SimulateRequest): SimulateReply {
    const reply = (value: SimulateReply["simulation"], diagnostics: SimulateReply["diagnostics"]) => ({
      id: request.id,
      type: "simulate" as const,
      simulation: value,
      diagnostics,
    });
    simulation = null;
    moments.clear();
    const loaded = loadManifests(request.files);
    if (!loaded.ok) return reply(null, loaded.diagnostics);
    const scenario = parseScenario({ name: SCENARIO_FILE, text: request.scenario });
    if (!scenario.ok) return reply(null, scenario.diagnostics);
    const played = simulate(
      loaded.value,
      scenario.value,
      request.seed === undefined ? {} : { seed: request.seed },
    );
    if (!played.ok) return reply(null, played.diagnostics);
    simulation = { run: ++runs, value: played.value };
    const { buckets, events } = played.value;
    return reply(
      {
        run: simulation.run,
        duration: scenario.value.duration,
        streams: scenario.value.traffic.map((s) => s.name),
        buckets,
        events,
      },
      loaded.diagnostics,
    );
  }

  function stateAt(request: ClusterAtRequest): ClusterAtReply {
    if (!simulation) return { id: request.id, type: "clusterAt", state: null };
    let state = moments.get(request.t);
    if (!state) {
      const at = clusterAt(simulation.value, request.t);
      state = {
        run: simulation.run,
        t: request.t,
        cluster: at.cluster,
        lbHealth: at.lbHealth,
        terminatingPods: at.terminatingPods,
      };
      const oldest = moments.keys().next();
      if (moments.size >= MOMENTS_KEPT && !oldest.done) moments.delete(oldest.value);
      moments.set(request.t, state);
    }
    return { id: request.id, type: "clusterAt", state };
  }

  return (request) => {
    switch (request.type) {
      case "simulate":
        return simulateScenario(request);
      case "clusterAt":
        return stateAt(request);
      case "dns":
        return dns(request);
      case "build":
        return build(request);
      case "trace":
        return traceMany(request);
      case "rules":
        return rules(request);
    }
  };
}
