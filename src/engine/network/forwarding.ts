import type { NodeState, PodState } from "../cluster/types.ts";
import type { PacketHeader } from "../trace/types.ts";
import {
  type DataPlane,
  type ExternalIPHolder,
  inServiceCIDR,
  routeFor,
  type ServiceView,
} from "./dataplane.ts";
import type { GceLoadBalancer } from "./ingress/plane.ts";
import { isLoopback, withSrc } from "./packet.ts";

/** Where a node's routing table sends a packet once kube-proxy's rules have let it pass. */
export type NextHop =
  /** A pod on the pod network, on this node or (through its podCIDR route) another. */
  | { to: "pod"; pod: PodState }
  /** This node's own address, or loopback. */
  | { to: "host" }
  /** Another node's InternalIP, over the node network. */
  | { to: "node"; node: NodeState }
  /** A Service's external IP, to the node the network delivers it to. */
  | { to: "external-ip"; holder: ExternalIPHolder }
  /** An address in a node's podCIDR that no pod has: nothing answers. */
  | { to: "unassigned"; node: NodeState }
  /** A ClusterIP or load-balancer address no rule matched: virtual, so nothing answers. */
  | { to: "virtual"; clusterIP: boolean }
  /** Out of the cluster through the node's default route. */
  | { to: "outside" };

/** Layer-3 forwarding on `node` (the node's routing table, with a route per podCIDR as a CNI installs). */
export function nextHop(dp: DataPlane, node: NodeState, ip: string): NextHop {
  const pod = dp.podByIP.get(ip);
  if (pod) return { to: "pod", pod };
  const other = dp.nodeByIP.get(ip);
  if (other === node || isLoopback(ip)) return { to: "host" };
  if (other) return { to: "node", node: other };
  const holder = dp.externalIPNodes.get(ip);
  if (holder) return { to: "external-ip", holder };
  const cidrNode = routeFor(dp, ip);
  if (cidrNode) return { to: "unassigned", node: cidrNode };
  if (inServiceCIDR(dp, ip) || dp.loadBalancerVIPs.has(ip))
    return { to: "virtual", clusterIP: dp.clusterIPs.has(ip) };
  // A load-balancer address with ipMode Proxy has no rule on the node (KEP-1860): the packet leaves
  // the cluster for the load balancer, like any outside address.
  return { to: "outside" };
}

/** The node a pod runs on, or undefined for a pod no node has (Pending). */
export function nodeOf(dp: DataPlane, pod: PodState): NodeState | undefined {
  return pod.nodeName ? dp.nodes.get(pod.nodeName) : undefined;
}

/** A packet leaving the cluster through `node`: pods reach the outside through their node, and CNIs masquerade what leaves the pod network. */
export function egress(dp: DataPlane, node: NodeState, packet: PacketHeader): PacketHeader {
  return dp.podByIP.has(packet.src.ip) ? withSrc(packet, node.internalIP) : packet;
}

/** What the outside network delivers an address to: only what the outside can reach. */
export type Entry =
  /** An Ingress's external L7 load balancer (ingress-gce). */
  | { via: "ingress-lb"; lb: GceLoadBalancer }
  /** A LoadBalancer Service's cloud load balancer. */
  | { via: "load-balancer"; service: ServiceView }
  | { via: "node"; node: NodeState }
  | { via: "external-ip"; holder: ExternalIPHolder }
  /** Nothing: `internal` when the address is a pod's or a ClusterIP, not routed from outside the cluster. */
  | { via: "none"; internal: boolean };

/** Where a packet from outside the cluster (the external client) goes. */
export function entryFor(dp: DataPlane, ip: string): Entry {
  const ingressLB = dp.ingress.gceByIP.get(ip);
  if (ingressLB) return { via: "ingress-lb", lb: ingressLB };
  const service = dp.loadBalancers.get(ip);
  if (service) return { via: "load-balancer", service };
  const node = dp.nodeByIP.get(ip);
  if (node) return { via: "node", node };
  const holder = dp.externalIPNodes.get(ip);
  if (holder) return { via: "external-ip", holder };
  return { via: "none", internal: dp.podByIP.has(ip) || !!routeFor(dp, ip) || inServiceCIDR(dp, ip) };
}
