import type { NodeState } from "../cluster/types.ts";
import type { PacketHeader } from "../trace/types.ts";
import { type DataPlane, type Protocol, packetKey, routeFor, type ServicePortView } from "./dataplane.ts";
import {
  admittedBySourceRanges,
  type Choice,
  choose,
  decide,
  type MasqueradeReason,
  type ProxyDecision,
  type ProxyEntry,
  type SourceKind,
} from "./kubeproxy.ts";
import { isLoopback, withDst, withSrc } from "./packet.ts";
import type { TrafficState } from "./traffic-state.ts";

/** How kube-proxy's rules on `node` see a packet's source (local-traffic detector, addrtype LOCAL). */
export function sourceKind(dp: DataPlane, node: NodeState, srcIP: string): SourceKind {
  if (srcIP === node.internalIP || isLoopback(srcIP)) return "host";
  if (dp.podByIP.has(srcIP) || routeFor(dp, srcIP)) return "pod";
  return "remote";
}

/** The KUBE-SERVICES rule (and KUBE-NODEPORTS, for the node's own addresses) that catches a packet on `node`. */
export function catchingRule(
  dp: DataPlane,
  node: NodeState,
  packet: PacketHeader,
): { port: ServicePortView; entry: ProxyEntry } | null {
  const protocol = packet.protocol as Protocol;
  const key = packetKey(dp, packet.dst.ip, packet.dst.port, protocol);
  const clusterIP = dp.clusterIPPorts.get(key);
  if (clusterIP) return { port: clusterIP, entry: "clusterIP" };
  const external = dp.externalIPPorts.get(key);
  if (external) return { port: external, entry: "externalIP" };
  // Only ipMode VIP addresses have rules (KEP-1860): a Proxy one goes out to its load balancer.
  const lb = dp.loadBalancerVIPPorts.get(key);
  if (lb) return { port: lb, entry: "loadBalancerIP" };
  // "kubernetes service nodeports": the last KUBE-SERVICES rule, for any address local to the node;
  // 127.0.0.1 only in iptables mode (--iptables-localhost-nodeports). nftables mode has no localhost
  // NodePorts (nftables proxier.go: "localhost NodePorts are not supported"), and ipvs mode returns
  // connections from 127.0.0.0/8 before any rule (ipvs proxier.go writeIptablesRules).
  const localhost = isLoopback(packet.dst.ip) && dp.cluster.settings.kubeProxyMode === "iptables";
  if (packet.dst.ip === node.internalIP || localhost) {
    const nodePort = dp.nodePorts.get(packetKey(dp, "", packet.dst.port, protocol));
    if (nodePort) return { port: nodePort, entry: "nodePort" };
  }
  return null;
}

/**
 * Why the packet is masqueraded: a reason of the rules' policy chains, or a hairpin (the pod reached
 * itself through its Service, and KUBE-SEP's `-s ENDPOINT -j KUBE-MARK-MASQ` marks it).
 */
export type Masquerade = MasqueradeReason | "hairpin";

/** What kube-proxy's rules on a node do with a packet one of them caught. */
export type Dispatch =
  /** To a load-balancer IP from outside spec.loadBalancerSourceRanges: KUBE-PROXY-FIREWALL drops it. */
  | { action: "firewall" }
  | Exclude<ProxyDecision, { action: "dnat" }>
  | {
      action: "dnat";
      decision: Extract<ProxyDecision, { action: "dnat" }>;
      choice: Choice;
      /** The packet after DNAT to the endpoint. */
      dnatted: PacketHeader;
      /** Set when the packet is also masqueraded to the node's address. */
      masquerade: Masquerade | null;
      /** The packet as it goes on: DNATed, and masqueraded when it is. */
      packet: PacketHeader;
    };

/** kube-proxy on `node` handles a packet its rule for `port` caught: DROP, REJECT, or DNAT to an endpoint. */
export function dispatch(
  dp: DataPlane,
  state: TrafficState,
  node: NodeState,
  port: ServicePortView,
  entry: ProxyEntry,
  packet: PacketHeader,
): Dispatch {
  const service = port.service.state;
  // proxier.go KUBE-FW-*: to a load-balancer IP, only sources in spec.loadBalancerSourceRanges go on;
  // the rest fall to KUBE-PROXY-FIREWALL's DROP, and the connection times out.
  if (
    entry === "loadBalancerIP" &&
    port.hasEndpoints &&
    !admittedBySourceRanges(service.loadBalancerSourceRanges, packet.src.ip)
  )
    return { action: "firewall" };
  const decision = decide(dp, node, port, entry, sourceKind(dp, node, packet.src.ip));
  if (decision.action !== "dnat") return decision;
  const mode = dp.cluster.settings.kubeProxyMode;
  const choice = choose(state, mode, node, port, packet.dst, decision.endpoints, packet.src.ip);
  const { endpoint } = choice;
  const dnatted = withDst(packet, endpoint.ip, endpoint.port);
  const reason = decision.masquerade ?? (endpoint.ip === packet.src.ip ? "hairpin" : null);
  // A packet the node itself sent already has the node's address.
  const masquerade = reason && packet.src.ip !== node.internalIP ? reason : null;
  const out = masquerade ? withSrc(dnatted, node.internalIP) : dnatted;
  return { action: "dnat", decision, choice, dnatted, masquerade, packet: out };
}
