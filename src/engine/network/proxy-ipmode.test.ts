import { dump } from "js-yaml/browser";
import { describe, expect, it } from "vitest";
import { deployment, service } from "../cluster/testutil.ts";
import { nodeRules } from "./rules.ts";
import { dataPlaneFromYaml, detailOf, traceOf } from "./testing.ts";

const YAML = [
  deployment("web", 2, { app: "web" }),
  service("web-lb", { type: "LoadBalancer", selector: { app: "web" }, ports: [{ port: 80 }] }),
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "client", namespace: "default" },
    spec: { nodeName: "node-1", containers: [{ name: "c", image: "busybox" }] },
  },
]
  .map((o) => dump(o))
  .join("---\n");

const lbIP = (dp: ReturnType<typeof dataPlaneFromYaml>) =>
  dp.services.get("default/web-lb")?.state.loadBalancerIPs[0] ?? "";

// pkg/proxy/serviceport.go newBaseServiceInfo (KEP-1860, LoadBalancerIPMode GA in 1.32): an ingress
// IP with ipMode Proxy is not a load-balancer VIP, so kube-proxy writes no rule for it.
describe("status.loadBalancer.ingress[].ipMode Proxy (KEP-1860)", () => {
  it("a pod's connection to a Proxy address leaves the node for the load balancer and comes back through it", () => {
    const dp = dataPlaneFromYaml(YAML, { settings: { loadBalancerProvider: "kind" } });
    const ip = lbIP(dp);
    const trace = traceOf(dp, "pod/default/client", `http://${ip}/`);
    expect(trace.outcome).toBe("delivered");
    const request = trace.hops.filter((h) => h.phase === "request");
    const egress = request.find((h) => h.kind === "egress");
    expect(egress?.at).toBe("node/node-1");
    expect(detailOf(egress)).toContain("ipMode Proxy");
    // The pod's address is masqueraded as it leaves the pod network.
    expect(egress?.after.src.ip).toBe(dp.nodes.get("node-1")?.internalIP);
    const lb = request.findIndex((h) => h.at === "lb/default/web-lb");
    expect(lb).toBeGreaterThan(request.indexOf(egress as (typeof request)[number]));
    // No kube-proxy DNAT before the load balancer: the short-circuit is only for VIP addresses.
    expect(request.slice(0, lb).some((h) => h.kind === "dnat")).toBe(false);
  });

  it("a VIP address is still short-circuited: kube-proxy on the pod's node DNATs it, no load balancer hop", () => {
    const dp = dataPlaneFromYaml(YAML, { settings: { loadBalancerProvider: "gcp" } });
    const trace = traceOf(dp, "pod/default/client", `http://${lbIP(dp)}/`);
    expect(trace.outcome).toBe("delivered");
    expect(trace.hops.some((h) => h.at === "lb/default/web-lb")).toBe(false);
    expect(trace.hops.find((h) => h.kind === "dnat")?.node).toBe("node/node-1");
  });

  it("no mode writes a rule for a Proxy address (iptables, ipvs, nftables)", () => {
    for (const mode of ["iptables", "ipvs", "nftables"] as const) {
      const dp = dataPlaneFromYaml(YAML, { settings: { loadBalancerProvider: "kind", kubeProxyMode: mode } });
      const node = dp.nodes.get("node-1");
      if (!node) throw new Error("node-1");
      const text = nodeRules(dp, node)
        .sections.map((s) => s.text)
        .join("\n");
      expect(text, mode).not.toContain(lbIP(dp));
    }
  });
});
