import {
  buildCluster,
  createDataPlane,
  createTrafficState,
  type DataPlane,
  iptablesRules,
  loadManifests,
  lookupName,
  parseRequest,
  REQUEST_INTERVAL_SECONDS,
  type TrafficState,
  trace,
} from "../../engine/index.ts";
import { summarizeIngresses } from "./ingresses.ts";
import type {
  BuildReply,
  BuildRequest,
  DnsReply,
  DnsRequest,
  EngineReply,
  EngineRequest,
  RulesReply,
  RulesRequest,
  TraceReply,
  TraceRequestMessage,
} from "./protocol.ts";

export type EngineSession = (request: EngineRequest) => EngineReply;

/**
 * The engine as the page uses it, behind one message handler: run in a Web Worker in the browser so a
 * large manifest never freezes the page, and called directly in unit tests. It remembers the last
 * cluster built, so a request is traced through what the learner sees, and one traffic state for the
 * whole session, so that successive sends draw the next random choices (as one client would).
 */
export function createEngineSession(): EngineSession {
  let dataPlane: DataPlane | null = null;
  let traffic: TrafficState | null = null;

  function build(request: BuildRequest): BuildReply {
    const loaded = loadManifests(request.files, request.settings);
    if (!loaded.ok) {
      return { id: request.id, type: "build", cluster: null, diagnostics: loaded.diagnostics, ingresses: [] };
    }
    const cluster = buildCluster(loaded.value, {
      ...(request.settings ? { settings: request.settings } : {}),
      failedNodes: request.failedNodes,
    });
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

  return (request) => {
    switch (request.type) {
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
