import { describe, expect, it } from "vitest";
import sandbox from "../samples/sandbox.yaml?raw";
import { createSession } from "./session.ts";
import { HOP_SECONDS, traceDuration, WIRE_SECONDS } from "./trace/timing.ts";

const files = [{ name: "sandbox.yaml", text: sandbox }];
const VIA_LB = { from: "client/external", to: "http://198.51.100.10/" };

function built() {
  const session = createSession();
  session.build(files, { failedNodes: [] });
  return session;
}

describe("engine session: sends on one clock", () => {
  it("sends at the instant asked, a batch REQUEST_INTERVAL_SECONDS apart, never back in time", () => {
    const session = built();
    const first = session.send(VIA_LB, { count: 3, at: 5 });
    if (!first.ok) throw new Error(first.message);
    expect(first.value.map((s) => s.sentAt)).toEqual([5, 5.01, 5.02]);
    const late = session.send(VIA_LB, { at: 1 });
    expect(late.ok && late.value[0]?.sentAt).toBeCloseTo(5.03);
  });

  it("numbers requests from 1 again for another document, and keeps counting over edits of the same one", () => {
    const session = built();
    session.send(VIA_LB, { count: 2 });
    session.build(files, { failedNodes: [] });
    const edited = session.send(VIA_LB);
    expect(edited.ok && edited.value[0]?.id).toBe(3);
    session.build(files, { failedNodes: [], fresh: true });
    const fresh = session.send(VIA_LB);
    expect(fresh.ok && fresh.value[0]?.id).toBe(1);
  });

  it("starts another document's requests over: the same random choices, from the clock's start", () => {
    const session = built();
    const first = session.send(VIA_LB, { count: 10 });
    session.build(files, { failedNodes: [], fresh: true });
    const again = session.send(VIA_LB, { count: 10 });
    if (!first.ok || !again.ok) throw new Error("not sent");
    expect(again.value.map((s) => [s.sentAt, s.trace])).toEqual(first.value.map((s) => [s.sentAt, s.trace]));
  });

  it("counts requests on the same clock and random choices as it sends them", () => {
    const sent = built().send(VIA_LB, { count: 50 });
    const counted = built().count(VIA_LB, 50);
    if (!sent.ok || !counted.ok) throw new Error("not sent");
    const delivered = sent.value.filter((s) => s.trace.outcome === "delivered").length;
    expect(counted.value.outcomes.delivered).toBe(delivered);
    const backends = new Set(sent.value.map((s) => s.trace.backend?.pod?.replace("pod/", "")));
    expect(new Set(Object.keys(counted.value.backends))).toEqual(backends);
  });

  it("is idle once every request sent has ended", () => {
    const session = built();
    expect(session.idleAt()).toBe(0);
    const sent = session.send(VIA_LB, { count: 3, at: 2 });
    if (!sent.ok) throw new Error(sent.message);
    const last = sent.value.at(-1);
    if (!last) throw new Error("not sent");
    expect(session.idleAt()).toBeCloseTo(last.sentAt + traceDuration(last.trace));
  });

  it("gives each hop its instant: the work of a hop, and the wire when the packet moves", () => {
    const session = built();
    const sent = session.send(VIA_LB);
    if (!sent.ok) throw new Error(sent.message);
    const hops = sent.value[0]?.trace.hops ?? [];
    expect(hops[0]?.t).toBe(0);
    // client → load balancer: a hop's work and the wire.
    expect(hops[1]?.t).toBeCloseTo(HOP_SECONDS + WIRE_SECONDS);
    for (let i = 1; i < hops.length; i++) expect(hops[i]?.t).toBeGreaterThan(hops[i - 1]?.t ?? 0);
  });

  it("puts a Service's DNAT on the node whose kube-proxy does it (kube-proxy's rules run on every node, in the client's netns path)", () => {
    // kubernetes.io/docs/reference/networking/virtual-ips/: kube-proxy on each node writes the rules that DNAT a ClusterIP.
    const session = built();
    const sent = session.send({ from: "pod/default/db-0", to: "http://web/" });
    if (!sent.ok) throw new Error(sent.message);
    const dnat = sent.value[0]?.trace.hops.find((h) => h.kind === "dnat" && h.phase === "request");
    const db0 = session.dataPlane()?.podByRef.get("pod/default/db-0");
    expect(dnat?.at).toBe("svc/default/web");
    expect(dnat?.node).toBe(`node/${db0?.nodeName}`);
  });
});

describe("engine session: a node failing while packets fly (a failed node forwards and answers nothing)", () => {
  it("loses at the node the packets that had not got through it, and lets the others fly on", () => {
    // kubernetes.io/docs/concepts/architecture/nodes/#node-status: an unreachable node's traffic is lost
    // until the control plane reacts; packets already past it are elsewhere.
    const session = built();
    const sent = session.send(VIA_LB, { count: 20, at: 0 });
    if (!sent.ok) throw new Error(sent.message);
    const viaNode2 = sent.value.filter((s) => s.trace.hops.some((h) => h.at === "node/node-2"));
    expect(viaNode2.length).toBeGreaterThan(2);
    const first = viaNode2[0];
    const last = viaNode2.at(-1);
    if (!first || !last) throw new Error("no request through node-2");
    // Fail node-2 when the first one through it has finished there but the last has not left yet.
    const leftNode2 = Math.max(
      ...first.trace.hops.filter((h) => h.at === "node/node-2" || h.node === "node/node-2").map((h) => h.t),
    );
    const at = first.sentAt + leftNode2 + HOP_SECONDS;
    const lost = session.failNode("node/node-2", at);
    const lostIds = lost.map((l) => l.id);
    expect(lostIds).not.toContain(first.id);
    expect(lostIds).toContain(last.id);
    for (const l of lost) {
      expect(l.trace.outcome).toBe("timeout");
      expect(l.trace.backend).toBeNull();
      expect(l.trace.hops.at(-1)).toMatchObject({ at: "node/node-2", kind: "drop" });
      expect(l.sentAt + (l.trace.hops.at(-1)?.t ?? 0)).toBeGreaterThanOrEqual(at - 1e-9);
    }
    // A request that had finished before the failure is untouched, and a second failure finds nothing new.
    const done = sent.value.filter((s) => s.sentAt + traceDuration(s.trace) <= at).map((s) => s.id);
    for (const id of done) expect(lostIds).not.toContain(id);
    expect(session.failNode("node/node-2", at)).toEqual([]);
  });
});

describe("engine session: the CLI's dns and simulate", () => {
  it("answers a query for any record type from the resolver of its source, and refuses an unknown source", () => {
    const session = built();
    const pod = session.dataPlane()?.cluster.pods.find((p) => p.namespace === "default")?.ref ?? "";
    const srv = session.dns(pod, "_http._tcp.web", "SRV");
    expect(srv.ok && "response" in srv.result && srv.result.response.answers[0]?.type).toBe("SRV");
    expect(srv.ok && srv.source.dns.cluster).toBe(true);
    expect(session.dns("pod/default/nobody", "web", "A").ok).toBe(false);
  });

  it("reports the manifests' and the scenario's problems together, each under its own file", () => {
    const session = createSession();
    const scenario = { name: "s.yaml", text: "apiVersion: svclab.dev/v1\nkind: Scenario\nspec: {}\n" };
    const played = session.simulate([{ name: "m.yaml", text: "kind: [" }], scenario);
    expect(played.ok).toBe(false);
    expect(new Set(played.diagnostics.map((d) => d.file))).toEqual(new Set(["m.yaml", "s.yaml"]));
  });
});
