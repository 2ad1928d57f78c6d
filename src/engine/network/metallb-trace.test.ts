import { dump } from "js-yaml/browser";
import { describe, expect, it } from "vitest";
import { deployment, service } from "../cluster/testutil.ts";
import { renderMessage } from "../messages/index.ts";
import { dataPlaneFromYaml, traceOf } from "./testing.ts";

const YAML = [
  deployment("web", 2, { app: "web" }),
  service("web-lb", { type: "LoadBalancer", selector: { app: "web" }, ports: [{ port: 80 }] }),
]
  .map((o) => dump(o))
  .join("---\n");

const text = (hop: { message: Parameters<typeof renderMessage>[0] } | undefined) =>
  hop ? renderMessage(hop.message) : "";

function lbHop(provider: "metallb-l2" | "metallb-bgp", failedNodes: string[] = []) {
  const dp = dataPlaneFromYaml(YAML, { settings: { loadBalancerProvider: provider }, failedNodes });
  const trace = traceOf(dp, "external", "http://198.51.100.10/");
  const index = trace.hops.findIndex((h) => h.at === "lb/default/web-lb");
  return { trace, hop: trace.hops[index], next: trace.hops[index + 1] };
}

describe("MetalLB in a trace (metallb.universe.tf/concepts: no proxy, the address is announced)", () => {
  it("layer 2: the elected node takes the packet still addressed to the Service's IP, and kube-proxy's rule for that IP catches it", () => {
    const { trace, hop, next } = lbHop("metallb-l2");
    expect(trace.outcome).toBe("delivered");
    expect(text(hop)).toContain("node-3 answers ARP for the address");
    expect(hop?.after.dst.ip).toBe("198.51.100.10");
    expect(hop?.after.dst.port).toBe(80);
    expect(next?.at).toBe("node/node-3");
  });

  it("BGP: the router's ECMP routes name every announcing node", () => {
    const { hop } = lbHop("metallb-bgp");
    expect(text(hop)).toContain("ECMP routes go to node-1, node-2, node-3");
  });

  it("layer 2 once the leader's failure is noticed: another node announces", () => {
    const { trace, hop } = lbHop("metallb-l2", ["node-3"]);
    expect(trace.outcome).toBe("delivered");
    expect(text(hop)).not.toContain("node-3");
  });
});
