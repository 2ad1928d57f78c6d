import {
  type Cluster,
  createSession,
  renderScenario,
  SCENARIO_FILE,
  type SimPacket,
  summarizeIngresses,
} from "../../engine/index.ts";
import type { EngineReply, EngineRequest, PacketSketch, ReplyFor } from "./protocol.ts";

export type EngineSession = (request: EngineRequest) => EngineReply;

/**
 * The engine session (src/engine/session.ts) behind one message handler: run in a Web Worker in the
 * browser so a large manifest never freezes the page, and called directly in unit tests. It only
 * turns messages into session calls and results into replies.
 */
export function createEngineSession(): EngineSession {
  const session = createSession();
  let runs = 0;
  let packets: SimPacket[] = [];
  /**
   * Each moment's cluster as text, to tell whether two moments' clusters are equal: most seconds change
   * nothing in the cluster, and an unchanged one is neither copied to the page nor laid out again.
   */
  const printed = new WeakMap<Cluster, string>();
  const fingerprint = (cluster: Cluster) => {
    const known = printed.get(cluster);
    if (known !== undefined) return known;
    const text = JSON.stringify(cluster);
    printed.set(cluster, text);
    return text;
  };

  const handlers: {
    [T in EngineRequest["type"]]: (r: Extract<EngineRequest, { type: T }>) => ReplyFor<{ type: T }>;
  } = {
    build(request) {
      const built = session.build(request.files, {
        failedNodes: request.failedNodes,
        ...(request.settings ? { settings: request.settings } : {}),
        ...(request.fresh ? { fresh: true } : {}),
        ...(request.evict ? { evict: request.evict } : {}),
      });
      return {
        id: request.id,
        type: "build",
        cluster: built.cluster,
        diagnostics: built.diagnostics,
        ingresses: built.dataPlane ? summarizeIngresses(built.dataPlane) : [],
      };
    },
    trace(request) {
      const sent = session.send(
        {
          from: request.from,
          to: request.to,
          ...(request.headers ? { headers: request.headers } : {}),
          ...(request.method ? { method: request.method } : {}),
        },
        {
          count: request.count,
          ...(request.at === undefined ? {} : { at: request.at }),
          ...(request.spacing === undefined ? {} : { spacing: request.spacing }),
        },
      );
      return sent.ok
        ? { id: request.id, type: "trace", sent: sent.value, error: null }
        : { id: request.id, type: "trace", sent: [], error: sent.text };
    },
    failNode: (request) => ({
      id: request.id,
      type: "failNode",
      lost: session.failNode(request.node, request.at),
    }),
    rules: (request) => ({
      id: request.id,
      type: "rules",
      node: request.node,
      ...(request.service ? { service: request.service } : {}),
      rules: session.rules(request.node, request.service),
    }),
    dns(request) {
      const looked = session.lookup(request.from, request.name);
      return looked.ok
        ? { id: request.id, type: "dns", lookup: looked.value, error: null }
        : { id: request.id, type: "dns", lookup: null, error: looked.text };
    },
    simulate(request) {
      const played = session.simulate(
        request.files,
        // Written here rather than on the page: the YAML writer stays out of the page's first load (issue 15).
        { name: SCENARIO_FILE, text: renderScenario(request.scenario) },
        {
          ...(request.seed === undefined ? {} : { seed: request.seed }),
          ...(request.sample === undefined ? {} : { sample: request.sample }),
          ...(request.settings ? { settings: request.settings } : {}),
        },
      );
      if (!played.ok) {
        packets = [];
        // Why the scenario could not be played: its errors (the manifests' warnings are the editor's to show).
        const errors = played.diagnostics.filter((d) => d.severity === "error");
        return { id: request.id, type: "simulate", simulation: null, diagnostics: errors };
      }
      const { scenario, buckets, events } = played.value;
      packets = played.value.packets;
      return {
        id: request.id,
        type: "simulate",
        simulation: {
          run: ++runs,
          duration: scenario.duration,
          streams: scenario.traffic.map((s) => s.name),
          rates: scenario.traffic.map((s) => s.rate),
          buckets,
          events,
        },
        diagnostics: played.diagnostics,
      };
    },
    clusterAt(request) {
      const at = session.stateAt(request.t);
      const held = request.held?.run === runs ? session.stateAt(request.held.t) : null;
      const state = at && {
        run: runs,
        t: request.t,
        cluster: held && fingerprint(held.cluster) === fingerprint(at.cluster) ? null : at.cluster,
        lbHealth: at.lbHealth,
        lbPools: at.lbPools,
        terminatingPods: at.terminatingPods,
      };
      return { id: request.id, type: "clusterAt", state };
    },
    packets(request) {
      const within: PacketSketch[] = [];
      packets.forEach((p, n) => {
        if (p.sentAt >= request.from && p.sentAt < request.to) within.push(sketchPacket(p, n));
      });
      return { id: request.id, type: "packets", run: runs, packets: within };
    },
    packet(request) {
      const trace = request.run === runs ? (packets[request.n]?.trace ?? null) : null;
      return { id: request.id, type: "packet", trace };
    },
  };

  return (request) => (handlers[request.type] as (r: EngineRequest) => EngineReply)(request);
}

/** A sampled request as the graph draws it (PacketSketch): the trace's path, times and fate. */
export function sketchPacket(packet: SimPacket, n: number): PacketSketch {
  const { trace } = packet;
  return {
    n,
    stream: packet.stream,
    sentAt: packet.sentAt,
    to: trace.request.to,
    outcome: trace.outcome,
    hops: trace.hops.map((hop) => ({
      at: hop.at,
      ...(hop.node === undefined ? {} : { node: hop.node }),
      t: hop.t,
      phase: hop.phase,
      after: { dst: hop.after.dst },
    })),
  };
}
