import { announcingNodes, LOAD_BALANCER_PROVIDERS } from "../cluster/loadBalancerProviders.ts";
import type {
  EndpointSliceState,
  LoadBalancerProvider,
  NodeState,
  Ref,
  ServiceState,
} from "../cluster/types.ts";
import { lbRef } from "../refs.ts";

/**
 * How long after a node fails the rest of the network stops sending it a MetalLB address's traffic
 * (seconds), for the providers that announce addresses:
 * - layer 2: the speakers' memberlist (hashicorp/memberlist DefaultLANConfig, which MetalLB's
 *   speaker uses: ProbeInterval 1 s, then suspicion for SuspicionMult 4 × ProbeInterval under ten
 *   nodes) declares the node dead about 5 s after it stopped; a new leader then announces the address
 *   with gratuitous ARP;
 * - BGP: the router keeps the failed node's route until the BGP session's hold timer expires
 *   (MetalLB BGPPeer holdTime, default 90 s), spreading a share of the flows to a dead node.
 */
export const ANNOUNCEMENT_DETECTION = {
  "l2-leader": { seconds: 5, source: "memberlist: probe every 1s, suspect for 4s" },
  "bgp-ecmp": { seconds: 90, source: "BGP hold time 90s" },
} as const;

/** The detection delay of a provider that announces addresses, or null for the others. */
export function announcementDetection(provider: LoadBalancerProvider): number | null {
  const { entry } = LOAD_BALANCER_PROVIDERS[provider];
  return entry === "l2-leader" || entry === "bgp-ecmp" ? ANNOUNCEMENT_DETECTION[entry].seconds : null;
}

/**
 * The announcing nodes of every LoadBalancer Service (by `lb/NS/NAME`), as the speakers and the
 * router see them: a node counts until `lost` says its failure has been noticed.
 */
export function announcements(
  provider: LoadBalancerProvider,
  services: readonly ServiceState[],
  nodes: readonly NodeState[],
  slices: readonly EndpointSliceState[],
  lost: ReadonlySet<string>,
): Map<Ref, string[]> {
  const out = new Map<Ref, string[]>();
  for (const service of services) {
    if (service.type !== "LoadBalancer" || service.loadBalancerIPs.length === 0) continue;
    const nodesOf = announcingNodes(provider, service, nodes, slices, (n) => !lost.has(n.name));
    if (nodesOf) out.set(lbRef(service.namespace, service.name), nodesOf);
  }
  return out;
}
