import { dump } from "js-yaml/browser";
import { describe, expect, it } from "vitest";
import type { KubeProxyMode } from "../cluster/types.ts";
import type { Hop, Trace } from "../trace/types.ts";
import { dataPlaneFromYaml, detailOf, traceOf } from "./testing.ts";
import { createTrafficState } from "./traffic-state.ts";

/** Three `web` pods pinned one per node, a client pod on node-2, and the Service `spec` given. */
function cluster(spec: Record<string, unknown>, pods: string[] = ["node-1", "node-2", "node-3"]) {
  return [
    ...pods.map((node, i) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `web-${i}`, namespace: "default", labels: { app: "web" } },
      spec: { nodeName: node, containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 80 }] }] },
    })),
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "client", namespace: "default" },
      spec: { nodeName: "node-2", containers: [{ name: "c", image: "busybox" }] },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "default" },
      spec: { selector: { app: "web" }, ports: [{ port: 80 }], ...spec },
    },
  ]
    .map((o) => dump(o))
    .join("---\n");
}

function setup(mode: KubeProxyMode, spec: Record<string, unknown> = {}, pods?: string[]) {
  const dp = dataPlaneFromYaml(cluster(spec, pods), { settings: { kubeProxyMode: mode } });
  const svc = dp.services.get("default/web");
  if (!svc) throw new Error("no Service");
  const clusterIP = svc.state.clusterIP ?? "";
  const nodePort = svc.state.ports[0]?.nodePort ?? 0;
  const nodeIP = (name: string) => dp.nodes.get(name)?.internalIP ?? "";
  return { dp, clusterIP, nodePort, nodeIP };
}

const hop = (t: Trace, kind: Hop["kind"]) => t.hops.find((h) => h.phase === "request" && h.kind === kind);

describe("traces in nftables mode say what the kube-proxy table does (pkg/proxy/nftables/proxier.go)", () => {
  it("a ClusterIP: @service-ips → service- chain → numgen random mod N vmap → endpoint- chain, no iptables names", () => {
    const { dp, clusterIP } = setup("nftables");
    const t = traceOf(dp, "pod/default/client", `${clusterIP}:80`);
    expect(t.outcome).toBe("delivered");
    const dnat = hop(t, "dnat");
    const text = detailOf(dnat);
    expect(text).toMatch(
      /^kube-proxy \(nftables\) on node-2: @service-ips → service-[A-Z2-7]{8}-default\/web\/tcp\/ → numgen random mod 3 = [0-2] → endpoint-[A-Z2-7]{8}-default\/web\/tcp\/__10\.244\.\d+\.\d+\/80, of 3 ready endpoint\(s\)/,
    );
    expect(text).not.toContain("KUBE-");
    expect(dnat?.rules).toContain("service-ips");
  });

  it("a NodePort from outside: @service-nodeports → external- → service- chains, and the masquerade by mark-for-masquerade", () => {
    const { dp, nodePort, nodeIP } = setup("nftables", { type: "NodePort" });
    const t = traceOf(dp, "external", `${nodeIP("node-1")}:${nodePort}`);
    expect(detailOf(hop(t, "route"))).toContain(
      `finds ${nodeIP("node-1")}:${nodePort} in its verdict map @service-nodeports`,
    );
    expect(detailOf(hop(t, "dnat"))).toMatch(/@service-nodeports → external-\S+ → service-\S+ → numgen/);
    expect(detailOf(hop(t, "snat"))).toContain("jumps to mark-for-masquerade");
  });

  it("numgen picks each endpoint with chance 1/N (vmap of N elements)", () => {
    const { dp, clusterIP } = setup("nftables");
    const state = createTrafficState(7);
    const counts = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const pod = traceOf(dp, "pod/default/client", `${clusterIP}:80`, state).backend?.pod ?? "";
      counts.set(pod, (counts.get(pod) ?? 0) + 1);
    }
    expect(counts.size).toBe(3);
    for (const n of counts.values()) expect(n).toBeGreaterThan(70);
  });

  it("no endpoints: @no-endpoint-services sends the ClusterIP to reject-chain", () => {
    const { dp, clusterIP } = setup("nftables", {}, []);
    const t = traceOf(dp, "pod/default/client", `${clusterIP}:80`);
    expect(t.outcome).toBe("refused");
    expect(detailOf(hop(t, "reject"))).toContain("@no-endpoint-services maps");
    expect(detailOf(hop(t, "reject"))).toContain("goto reject-chain");
  });
});

describe("traces in ipvs mode say what IPVS does (pkg/proxy/ipvs/proxier.go)", () => {
  it("a ClusterIP: ipset KUBE-CLUSTER-IP, the virtual server, its real servers in turn (rr)", () => {
    const { dp, clusterIP } = setup("ipvs");
    const state = createTrafficState(1);
    const texts = [0, 1, 2].map((): string =>
      detailOf(hop(traceOf(dp, "pod/default/client", `${clusterIP}:80`, state), "dnat")),
    );
    expect(texts[0]).toContain(
      `kube-proxy (ipvs) on node-2: ipset KUBE-CLUSTER-IP → TCP ${clusterIP}:80 rr → IPVS rr: real server 1 of 3`,
    );
    expect(texts[1]).toContain("real server 2 of 3");
    expect(texts[2]).toContain("real server 3 of 3");
  });

  it("externalTrafficPolicy Local, no local endpoint: a pod still reaches the Service, its real servers being the cluster's (PR #97081)", () => {
    const { dp, nodePort, nodeIP } = setup("ipvs", { type: "NodePort", externalTrafficPolicy: "Local" }, [
      "node-1",
    ]);
    const t = traceOf(dp, "pod/default/client", `${nodeIP("node-2")}:${nodePort}`);
    expect(t.outcome).toBe("delivered");
    expect(detailOf(hop(t, "dnat"))).toContain(
      "no ready endpoint on node-2, so the virtual server's real servers are the cluster's 1 ready endpoint(s) (kubernetes PR #97081)",
    );
    // iptables mode short-circuits pod traffic too, but to KUBE-SVC; an outside client is dropped there.
    const iptables = setup("iptables", { type: "NodePort", externalTrafficPolicy: "Local" }, ["node-1"]);
    expect(
      traceOf(iptables.dp, "external", `${iptables.nodeIP("node-2")}:${iptables.nodePort}`).outcome,
    ).toBe("timeout");
  });

  it("externalTrafficPolicy Local, no local endpoint: an outside client's connection reaches the pod but its reply is discarded", () => {
    const { dp, nodePort, nodeIP } = setup("ipvs", { type: "NodePort", externalTrafficPolicy: "Local" }, [
      "node-1",
    ]);
    const t = traceOf(dp, "external", `${nodeIP("node-2")}:${nodePort}`);
    expect(t.outcome).toBe("timeout");
    expect(t.backend).toBeNull();
    const lost = t.hops.at(-1);
    expect(lost?.at).toBe("pod/default/web-0");
    expect(detailOf(lost)).toContain("the reply goes straight to 203.0.113.10, which discards it");
  });

  it("internalTrafficPolicy Local, no local endpoint: the virtual server has no real server and IPVS answers port unreachable", () => {
    const { dp, clusterIP } = setup("ipvs", { internalTrafficPolicy: "Local" }, ["node-1"]);
    const t = traceOf(dp, "pod/default/client", `${clusterIP}:80`);
    expect(t.outcome).toBe("refused");
    expect(detailOf(hop(t, "reject"))).toContain(`virtual server TCP ${clusterIP}:80 has no real server`);
  });
});
