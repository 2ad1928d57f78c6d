import { LOAD_BALANCER_PROVIDERS, type LoadBalancerEntry } from "../cluster/loadBalancerProviders.ts";
import type { NodeState } from "../cluster/types.ts";
import type { Random } from "../random.ts";
import { lbRef } from "../refs.ts";
import type { PacketHeader } from "../trace/types.ts";
import { type DataPlane, memo, packetKey, type ServicePortView, type ServiceView } from "./dataplane.ts";
import { admittedBySourceRanges } from "./kubeproxy.ts";
import { withDst, withSrc } from "./packet.ts";

/** The nodes a Service port's cloud load balancer sends to. */
export interface LoadBalancerPool {
  /** The nodes it picks among: the healthy ones, or every one when none is (it fails open). */
  targets: NodeState[];
  /** The nodes whose health check passes. */
  healthy: NodeState[];
}

/** What a Service's cloud load balancer does with a packet sent to its address. */
export type Balancing =
  /** It listens only on the Service's ports. */
  | { verdict: "no-listener" }
  /** Its firewall, made from spec.loadBalancerSourceRanges, drops the client. */
  | { verdict: "firewall" }
  /** No node is left to send to. */
  | { verdict: "no-target" }
  /** It forwards to `target`: to its nodePort, or to the load balancer's own address (no nodePort). */
  | {
      verdict: "forward";
      /** How the address reaches the nodes (loadBalancerProviders.ts): a cloud's, or MetalLB's announcements. */
      entry: LoadBalancerEntry;
      port: ServicePortView;
      pool: LoadBalancerPool;
      target: NodeState;
      packet: PacketHeader;
    };

/** Nodes a load balancer sends to: live nodes, and with externalTrafficPolicy Local only those with local endpoints. */
export function healthyTargets(dp: DataPlane, port: ServicePortView): NodeState[] {
  const { namespace, name } = port.service.state;
  const pool = dp.lbBackends.get(lbRef(namespace, name));
  if (pool) return dp.cluster.nodes.filter((node) => pool.has(node.name));
  const local = port.service.state.externalTrafficPolicy === "Local";
  return dp.cluster.nodes.filter((node) => {
    if (node.failed) return false;
    if (!local) return true;
    return port.service.ports.some((p) => p.endpoints.some((e) => e.nodeName === node.name && e.ready));
  });
}

/** Whether the cluster's load balancers are MetalLB's announcements rather than a cloud's proxies. */
export function announcesAddresses(dp: DataPlane): boolean {
  const { entry } = LOAD_BALANCER_PROVIDERS[dp.cluster.settings.loadBalancerProvider];
  return entry === "l2-leader" || entry === "bgp-ecmp";
}

/** A port's pool: the same for every request, so worked out once per data plane. */
function poolOf(dp: DataPlane, port: ServicePortView): LoadBalancerPool {
  return memo(dp.cache.loadBalancerPools, port, () => {
    const { namespace, name } = port.service.state;
    const healthy = healthyTargets(dp, port);
    // A load balancer whose pool the health checks keep does not know which nodes have failed.
    const alive = dp.lbBackends.has(lbRef(namespace, name))
      ? dp.cluster.nodes
      : dp.cluster.nodes.filter((n) => !n.failed);
    // MetalLB announces or not: no node announcing means nobody answers for the address.
    if (announcesAddresses(dp)) return { targets: healthy, healthy };
    // Cloud load balancers fail open: with no healthy target, they spread over every target (GCP, AWS NLB).
    return { targets: healthy.length > 0 ? healthy : alive, healthy };
  });
}

/**
 * A Service's cloud load balancer (Service docs, "Type LoadBalancer"): it listens on the Service's
 * ports, lets in only spec.loadBalancerSourceRanges, and picks a node at random among those whose
 * health check passes, sending to its nodePort.
 */
export function balance(
  dp: DataPlane,
  service: ServiceView,
  packet: PacketHeader,
  random: Random,
): Balancing {
  const { ip, port: dstPort } = packet.dst;
  const port = dp.loadBalancerPorts.get(packetKey(dp, ip, dstPort, packet.protocol));
  if (!port) return { verdict: "no-listener" };
  // The cloud provider turns spec.loadBalancerSourceRanges into its firewall (Service docs,
  // "Specifying source ranges"): a client outside them gets no answer at all.
  if (!admittedBySourceRanges(service.state.loadBalancerSourceRanges, packet.src.ip))
    return { verdict: "firewall" };
  const pool = poolOf(dp, port);
  const target = pool.targets[random.int(pool.targets.length)];
  if (!target) return { verdict: "no-target" };
  const { entry } = LOAD_BALANCER_PROVIDERS[dp.cluster.settings.loadBalancerProvider];
  // MetalLB is no proxy: the packet reaches the announcing node addressed to the Service's IP
  // (metallb.universe.tf/concepts: kube-proxy's rules for the address take it from there).
  if (entry === "l2-leader" || entry === "bgp-ecmp")
    return { verdict: "forward", entry, port, pool, target, packet };
  const nodePort = port.spec.nodePort;
  const forwarded = nodePort ? withDst(packet, target.internalIP, nodePort) : withDst(packet, ip, dstPort);
  // cloud-provider-kind pkg/loadbalancer/proxy.go: Envoy's tcp_proxy opens its own connection to each
  // node's InternalIP:nodePort, so the node sees the Envoy container's address as the source.
  const after = entry === "proxy" && nodePort ? withSrc(forwarded, ip) : forwarded;
  return { verdict: "forward", entry, port, pool, target, packet: after };
}
