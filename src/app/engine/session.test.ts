import { describe, expect, it } from "vitest";
import sandbox from "../../samples/sandbox.yaml?raw";
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
