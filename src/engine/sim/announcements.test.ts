import { dump } from "js-yaml/browser";
import { describe, expect, it } from "vitest";
import { deployment, service } from "../cluster/testutil.ts";
import type { LoadBalancerProvider } from "../cluster/types.ts";
import { eventLines, range, run, secondsWith } from "./testing.ts";

// Three replicas, one a node; only nodes with a ready local endpoint take the load balancer's traffic.
const MANIFESTS = [
  deployment("web", 3, { app: "web" }),
  service("web-lb", {
    type: "LoadBalancer",
    externalTrafficPolicy: "Local",
    selector: { app: "web" },
    ports: [{ port: 80 }],
  }),
]
  .map((o) => dump(o))
  .join("---\n");

/** node-3 fails at `at` (10 s); 10 requests a second to the load balancer. */
function failure(provider: LoadBalancerProvider, at = "10s") {
  return run(
    MANIFESTS,
    {
      duration: "60s",
      // cloud-provider-kind's Envoy takes its address from the kind network (loadBalancerProviders.ts).
      traffic: [
        {
          name: "lb",
          from: "external",
          to: provider === "kind" ? "http://172.18.0.10/" : "http://198.51.100.10/",
          rate: 10,
        },
      ],
      events: [{ at, action: "fail-node", target: "node/node-3" }],
    },
    undefined,
    { loadBalancerProvider: provider },
  );
}

describe("the same node failure under each load balancer", () => {
  it("MetalLB layer 2: every request is lost until memberlist declares the leader dead (~5 s), then none (concepts/layer2)", () => {
    const sim = failure("metallb-l2");
    // node-3 is the elected speaker of 198.51.100.10: all traffic enters there.
    expect(secondsWith(sim, "lb", "delivered").filter((t) => t >= 10 && t < 15)).toEqual([]);
    expect(secondsWith(sim, "lb", "timeout").filter((t) => t >= 15)).toEqual([]);
    expect(eventLines(sim, ["nodeAssigned"])).toEqual([
      "0 nodeAssigned lb/default/web-lb",
      "15 nodeAssigned lb/default/web-lb",
    ]);
    expect(sim.events.filter((e) => e.reason === "nodeAssigned").map((e) => e.message)).toEqual([
      'announcing from node "node-3" with protocol "layer2"',
      'announcing from node "node-2" with protocol "layer2"',
    ]);
  });

  it("a cloud (GCP): a share of the requests is lost until 3 health checks 8 s apart have failed, none after", () => {
    const sim = failure("gcp");
    const lost = secondsWith(sim, "lb", "timeout").filter((t) => t >= 10);
    expect(lost.length).toBeGreaterThan(10);
    expect(Math.max(...lost)).toBeLessThan(34);
    // The other nodes kept answering all along: the load balancer spreads over every healthy node.
    expect(secondsWith(sim, "lb", "delivered")).toEqual(range(0, 59));
  });

  it("kind: cloud-provider-kind's Envoy checks each node 3 s after its last check ended, a silent one failing after 5 s (proxy.go)", () => {
    // node-3 fails at 13 s. Envoy: checks at 3, 6, 9, 12 s pass; the one at 15 s times out at 20 s,
    // the next starts at 23 s (fails at 28 s), then 31 s (fails at 36 s): the third failure ejects it.
    const kind = failure("kind", "13s");
    expect(eventLines(kind, ["LoadBalancerBackendRemoved"])).toEqual([
      "36 LoadBalancerBackendRemoved lb/default/web-lb",
    ]);
    expect(eventLines(kind, ["HealthCheckFailed"])).toEqual([
      "20 HealthCheckFailed lb/default/web-lb",
      "28 HealthCheckFailed lb/default/web-lb",
      "36 HealthCheckFailed lb/default/web-lb",
    ]);
    // A share of the requests is lost from the failure until the ejection, none after.
    const lost = secondsWith(kind, "lb", "timeout");
    expect([Math.min(...lost), Math.max(...lost)]).toEqual([13, 35]);
    // GCP's fixed beat (every 8 s, 1 s timeout) ejects it at 33 s under the same failure.
    expect(eventLines(failure("gcp", "13s"), ["LoadBalancerBackendRemoved"])).toEqual([
      "33 LoadBalancerBackendRemoved lb/default/web-lb",
    ]);
  });

  it("MetalLB BGP: the router keeps sending the dead node its share of the flows until the BGP hold time (90 s) expires", () => {
    const sim = failure("metallb-bgp");
    const lost = secondsWith(sim, "lb", "timeout").filter((t) => t >= 10);
    expect(Math.max(...lost)).toBeGreaterThan(50);
    expect(secondsWith(sim, "lb", "delivered")).toEqual(range(0, 59));
    expect(sim.events.some((e) => e.reason === "LoadBalancerBackendRemoved")).toBe(false);
  });
});
