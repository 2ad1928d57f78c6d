import { dump } from "js-yaml/browser";
import { describe, expect, it } from "vitest";
import { deployment } from "../cluster/testutil.ts";
import type { LoadBalancerProvider } from "../cluster/types.ts";
import type { LoadBalancerHealth } from "../sim/healthChecks.ts";
import { loadBalancerPools } from "./loadBalancerPools.ts";
import { dataPlaneFromYaml } from "./testing.ts";

// Two web pods on a three-node cluster: one node has no endpoint of the Service.
const yaml = (policy = "Cluster") => `${dump(deployment("web", 2, { app: "web" }))}---
apiVersion: v1
kind: Service
metadata: {name: web-lb}
spec:
  type: LoadBalancer
  externalTrafficPolicy: ${policy}
  selector: {app: web}
  ports: [{port: 80}]
`;

function poolOf(provider: LoadBalancerProvider, policy = "Cluster", failedNodes: string[] = []) {
  const { cluster } = dataPlaneFromYaml(yaml(policy), {
    settings: { loadBalancerProvider: provider },
    failedNodes,
  });
  return { cluster, pool: loadBalancerPools(cluster, null).get("lb/default/web-lb") };
}

const inPool = (pool: ReturnType<typeof poolOf>["pool"]) => pool?.filter((m) => m.inPool).map((m) => m.node);

describe("loadBalancerPools: the nodes each provider's load balancer sends to", () => {
  // cloud-provider-gcp: every node is a backend, kept while kube-proxy's health port answers.
  it("a cloud's checks every node and, once they have reacted, leaves a failed node out", () => {
    const { pool } = poolOf("gcp", "Cluster", ["node-2"]);
    expect(pool?.map((m) => `${m.node} ${m.how} ${m.inPool}`)).toEqual([
      "node-1 checked true",
      "node-2 checked false",
      "node-3 checked true",
    ]);
  });

  // cloud-provider-gcp GetServiceHealthCheckPathPort: Local checks healthCheckNodePort, 200 only with a ready local endpoint.
  it("with externalTrafficPolicy Local, only nodes with a ready endpoint pass a cloud's or kind's Envoy's checks", () => {
    for (const provider of ["gcp", "aws", "kind"] as const) {
      const { cluster, pool } = poolOf(provider, "Local");
      const withPods = cluster.nodes
        .filter((n) =>
          cluster.pods.some((p) => p.owner === "deployment/default/web" && p.nodeName === n.name),
        )
        .map((n) => n.name);
      expect(inPool(pool)).toEqual(withPods);
      expect(pool).toHaveLength(3);
    }
  });

  // metallb.universe.tf/concepts/layer2: one elected node answers for the address; BGP: every node announces it.
  it("MetalLB's are the nodes announcing the address: one in layer 2, every live one with BGP", () => {
    const l2 = poolOf("metallb-l2").pool;
    expect(l2).toHaveLength(1);
    expect(l2?.[0]).toMatchObject({ how: "announces", inPool: true });
    expect(poolOf("metallb-bgp", "Cluster", ["node-3"]).pool?.map((m) => m.node)).toEqual([
      "node-1",
      "node-2",
    ]);
  });

  it("Docker Desktop, minikube tunnel and no provider have no pool", () => {
    for (const provider of ["docker-desktop", "minikube", "none"] as const)
      expect(poolOf(provider).pool).toBeUndefined();
  });

  it("at a moment of the clock, a cloud's pool is its health checks' verdict, and MetalLB's counts a node until its speaker is lost", () => {
    const { cluster } = dataPlaneFromYaml(yaml(), { failedNodes: ["node-2"] });
    const health: LoadBalancerHealth[] = [
      {
        lb: "lb/default/web-lb",
        service: "svc/default/web-lb",
        check: { port: 10256, path: "/healthz", what: "kube-proxy" },
        backends: ["node-1", "node-2", "node-3"].map((node) => ({
          node,
          healthy: true,
          failures: 0,
          successes: 1,
        })),
      },
    ];
    const checked = loadBalancerPools(cluster, { health, speakersLost: new Set() }).get("lb/default/web-lb");
    // node-2 has failed but the checks have not ejected it yet: the load balancer still sends there.
    expect(inPool(checked)).toEqual(["node-1", "node-2", "node-3"]);
    const bgp = {
      ...cluster,
      settings: { ...cluster.settings, loadBalancerProvider: "metallb-bgp" as const },
    };
    const announcing = (lost: string[]) =>
      loadBalancerPools(bgp, { health: [], speakersLost: new Set(lost) })
        .get("lb/default/web-lb")
        ?.map((m) => m.node);
    expect(announcing([])).toEqual(["node-1", "node-2", "node-3"]);
    expect(announcing(["node-2"])).toEqual(["node-1", "node-3"]);
  });
});
