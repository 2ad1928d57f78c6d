import { describe, expect, it } from "vitest";
import sandbox from "../../samples/sandbox.yaml?raw";
import { emptyScenario } from "../time/scenario.ts";
import { createEngineSession } from "./session.ts";

const files = [{ name: "sandbox.yaml", text: sandbox }];

describe("engine session", () => {
  it("refuses to trace before a cluster is built", () => {
    const reply = createEngineSession()({
      id: 1,
      type: "trace",
      from: "client/external",
      to: "http://web/",
      count: 1,
    });
    expect(reply).toMatchObject({ type: "trace", sent: [] });
    expect(reply.type === "trace" && reply.error).toBeTruthy();
  });

  it("traces through the last cluster built, one trace per request of a batch", () => {
    const session = createEngineSession();
    session({ id: 1, type: "build", files, failedNodes: [] });
    const reply = session({ id: 2, type: "trace", from: "pod/default/db-0", to: "http://web/", count: 5 });
    if (reply.type !== "trace") throw new Error("wrong reply");
    expect(reply.sent.map((s) => s.trace.outcome)).toEqual(Array(5).fill("delivered"));
    const orphan = session({
      id: 3,
      type: "trace",
      from: "pod/default/db-0",
      to: "http://orphan/",
      count: 1,
    });
    expect(orphan.type === "trace" && orphan.sent[0]?.trace.outcome).toBe("refused");
  });

  it("follows a failed node: a NodePort aimed at it times out", () => {
    const session = createEngineSession();
    const built = session({ id: 1, type: "build", files, failedNodes: ["node-2"] });
    const node = built.type === "build" ? built.cluster?.nodes.find((n) => n.name === "node-2") : undefined;
    const reply = session({
      id: 2,
      type: "trace",
      from: "client/external",
      to: `${node?.internalIP}:30080`,
      count: 1,
    });
    expect(reply.type === "trace" && reply.sent[0]?.trace.outcome).toBe("timeout");
  });

  it("answers with the node's kube-proxy rules", () => {
    const session = createEngineSession();
    session({ id: 1, type: "build", files, failedNodes: [] });
    const reply = session({ id: 2, type: "rules", node: "node/node-1" });
    if (reply.type !== "rules") throw new Error("wrong reply");
    expect(reply.rules?.mode).toBe("iptables");
    const nat = reply.rules?.iptables.find((t) => t.name === "nat");
    expect(nat?.rules.some((r) => r.chain === "KUBE-SERVICES")).toBe(true);
    expect(reply.rules?.sections.map((s) => s.command)).toEqual(["iptables-save"]);
  });

  it("keeps the running pods where they are when the manifests are edited, and starts over when asked", () => {
    const session = createEngineSession();
    const db0 = (reply: ReturnType<typeof session>) =>
      reply.type === "build" ? reply.cluster?.pods.find((p) => p.name === "db-0") : undefined;
    const scaled = [{ name: "sandbox.yaml", text: sandbox.replace("replicas: 3", "replicas: 5") }];
    const before = db0(session({ id: 1, type: "build", files, failedNodes: [] }));
    const edited = db0(session({ id: 2, type: "build", files: scaled, failedNodes: [] }));
    expect(edited).toMatchObject({ nodeName: before?.nodeName, podIP: before?.podIP });
    const fresh = db0(session({ id: 3, type: "build", files: scaled, failedNodes: [], fresh: true }));
    expect(fresh?.podIP).not.toBe(before?.podIP);
  });
});

describe("engine session: moments of a simulation", () => {
  it("does not send a moment's cluster again when it equals the one the page holds", () => {
    const session = createEngineSession();
    session({ id: 1, type: "build", files, failedNodes: [] });
    const scenario = {
      ...emptyScenario(),
      events: [{ at: 10, action: "fail-node" as const, target: "node/node-2" }],
    };
    session({ id: 2, type: "simulate", files, scenario });
    const at = (id: number, t: number, held?: { run: number; t: number }) => {
      const reply = session({ id, type: "clusterAt", t, ...(held ? { held } : {}) });
      if (reply.type !== "clusterAt" || !reply.state) throw new Error("no state");
      return reply.state;
    };
    const three = at(3, 3);
    expect(three.cluster).not.toBeNull();
    // Nothing happens between 3 s and 5 s: the page keeps the cluster it has.
    expect(at(4, 5, { run: three.run, t: 3 }).cluster).toBeNull();
    // node-2 failed at 10 s: a different cluster, sent whole.
    expect(at(5, 12, { run: three.run, t: 5 }).cluster?.nodes.find((n) => n.name === "node-2")?.failed).toBe(
      true,
    );
    // A moment of another run is no help.
    expect(at(6, 5, { run: three.run + 1, t: 3 }).cluster).not.toBeNull();
  });

  it("sends the Time view's packets as sketches, each with its path, and the whole trace of one asked for", () => {
    const session = createEngineSession();
    session({ id: 1, type: "build", files, failedNodes: [] });
    const scenario = {
      ...emptyScenario(),
      traffic: [{ name: "web", from: "pod/default/db-0", to: "http://web/", rate: 2 }],
    };
    const simulated = session({ id: 2, type: "simulate", files, scenario, sample: 2 });
    const run = simulated.type === "simulate" ? simulated.simulation?.run : undefined;
    const reply = session({ id: 3, type: "packets", from: 5, to: 6 });
    if (reply.type !== "packets" || run === undefined) throw new Error("no packets");
    expect(reply.packets.map((p) => p.sentAt)).toEqual([5, 5.5]);
    const [first] = reply.packets;
    if (!first) throw new Error("no packet");
    const whole = session({ id: 4, type: "packet", run, n: first.n });
    if (whole.type !== "packet" || !whole.trace) throw new Error("no trace");
    // The sketch draws as the trace does: the same places, instants, phases and addresses.
    expect(first).toMatchObject({ stream: "web", to: "http://web/", outcome: whole.trace.outcome });
    expect(first.hops).toEqual(
      whole.trace.hops.map((h) => ({
        at: h.at,
        ...(h.node ? { node: h.node } : {}),
        t: h.t,
        phase: h.phase,
        after: { dst: h.after.dst },
      })),
    );
    // About a tenth of the bytes the worker would otherwise copy per packet.
    expect(JSON.stringify(first).length * 4).toBeLessThan(JSON.stringify(whole.trace).length);
    // A replaced simulation's packet is not another's.
    expect(session({ id: 5, type: "packet", run: run + 1, n: first.n })).toMatchObject({ trace: null });
  });
});
