import { announcingNodes, hasEndpointOn, LOAD_BALANCER_PROVIDERS } from "../cluster/loadBalancerProviders.ts";
import type { Cluster, EndpointSliceState, Ref } from "../cluster/types.ts";
import { lbRef } from "../refs.ts";
import type { LoadBalancerHealth } from "../sim/healthChecks.ts";

/**
 * A node behind a load balancer: `checked`, a cloud's load balancer (or kind's Envoy) health-checks it
 * and sends there while `inPool`; `announces`, a MetalLB speaker on it announces the address.
 */
export interface PoolMember {
  node: string;
  how: "checked" | "announces";
  inPool: boolean;
}

/**
 * How far the load balancers have reacted to failed nodes: at a moment of the clock, the health checks'
 * verdicts and the nodes whose speaker MetalLB (or the BGP router) has noticed gone; null once every
 * reaction is over, as `--fail-node` shows a cluster.
 */
export type PoolsAt = { health: readonly LoadBalancerHealth[]; speakersLost: ReadonlySet<string> } | null;

/**
 * Each LoadBalancer Service's nodes, by `lb/NS/NAME`, as its provider (loadBalancerProviders.ts) sends
 * to them: a cloud's load balancer and kind's Envoy check every node and keep those that pass
 * (cloud-provider-gcp GetServiceHealthCheckPathPort: with externalTrafficPolicy Local only nodes with a
 * ready endpoint pass); MetalLB's nodes are those announcing the address. Docker Desktop and minikube
 * tunnel forward from the learner's machine and a Service without an address has none: no pool.
 */
export function loadBalancerPools(
  cluster: Pick<Cluster, "settings" | "services" | "nodes"> & {
    endpointSlices: readonly EndpointSliceState[];
  },
  at: PoolsAt,
): Map<Ref, PoolMember[]> {
  const provider = cluster.settings.loadBalancerProvider;
  const { entry } = LOAD_BALANCER_PROVIDERS[provider];
  const pools = new Map<Ref, PoolMember[]>();
  const lost = at?.speakersLost ?? new Set(cluster.nodes.filter((n) => n.failed).map((n) => n.name));
  for (const service of cluster.services) {
    if (service.type !== "LoadBalancer" || service.loadBalancerIngress.length === 0) continue;
    const lb = lbRef(service.namespace, service.name);
    const announcing = announcingNodes(
      provider,
      service,
      cluster.nodes,
      cluster.endpointSlices,
      (n) => !lost.has(n.name),
    );
    if (announcing) {
      pools.set(
        lb,
        announcing.map((node) => ({ node, how: "announces", inPool: true })),
      );
      continue;
    }
    if (entry !== "health-checked" && entry !== "proxy") continue;
    const health = at?.health.find((h) => h.lb === lb);
    const local = service.externalTrafficPolicy === "Local";
    pools.set(
      lb,
      cluster.nodes.map((node) => ({
        node: node.name,
        how: "checked",
        inPool: health
          ? (health.backends.find((b) => b.node === node.name)?.healthy ?? false)
          : !node.failed && (!local || hasEndpointOn(service, node.name, cluster.endpointSlices, true)),
      })),
    );
  }
  return pools;
}
