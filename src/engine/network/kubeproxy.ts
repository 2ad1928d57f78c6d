import { cidrContains, parseCIDR, parseIPv4 } from "../cluster/ip.ts";
import type { KubeProxyMode, NodeState } from "../cluster/types.ts";
import {
  type DataPlane,
  type EndpointView,
  extChainOf,
  localEndpointsOf,
  type ServicePortView,
  svcChainOf,
  svlChainOf,
} from "./dataplane.ts";
import { topologyFor } from "./topology.ts";
import type { TrafficState } from "./traffic-state.ts";

/** Which KUBE-SERVICES / KUBE-NODEPORTS rule caught the packet. */
export type ProxyEntry = "clusterIP" | "externalIP" | "loadBalancerIP" | "nodePort";

/**
 * Where the packet comes from, as kube-proxy's rules tell sources apart: a pod on the pod network
 * (the local-traffic detector's `-s CLUSTER-CIDR`), the node itself (`--src-type LOCAL`), or elsewhere.
 */
export type SourceKind = "pod" | "host" | "remote";

export type MasqueradeReason = "cluster-policy" | "local-source" | "off-pod-network";

export type ProxyDecision =
  /** filter table: REJECT (ICMP port unreachable), "has no endpoints". */
  | { action: "reject"; comment: string }
  /** filter table: DROP, "has no local endpoints": the client waits until it gives up. */
  | { action: "drop"; comment: string }
  | {
      action: "dnat";
      /** The nat chains the packet walks, from the entry to the policy chain. */
      chains: string[];
      endpoints: EndpointView[];
      /** Whether the endpoints are this node's only (a Local traffic policy applied). */
      local: boolean;
      masquerade: MasqueradeReason | null;
      /** IPVS: a Local policy with no endpoint on this node, so the real servers are the cluster's (PR #97081). */
      fallback?: boolean;
      /**
       * IPVS's fallback for a client outside the cluster: the endpoint answers from its own address
       * without masquerade, so the client discards the reply ("will be discarded", ipvs/proxier.go).
       */
      replyLost?: boolean;
    };

/** DNAT to any ready endpoint the topology leaves this node (no Local policy applies). */
function clusterWide(
  chains: string[],
  port: ServicePortView,
  node: NodeState,
  masquerade: MasqueradeReason | null,
): ProxyDecision {
  return { action: "dnat", chains, endpoints: topologyFor(port, node).endpoints, local: false, masquerade };
}

/** Spelt only when it applies: decide runs for every connection, and most go through. */
function noLocalEndpoints(port: ServicePortView): ProxyDecision {
  return { action: "drop", comment: `${port.name} has no local endpoints` };
}

/**
 * What kube-proxy's rules on `node` do with a new connection to `port` (proxier.go syncProxyRules):
 * the internal policy for ClusterIPs, the external one for nodePorts, external IPs and load-balancer
 * IPs, with the short-circuits that let pods and the node itself reach external destinations.
 */
/**
 * Whether spec.loadBalancerSourceRanges admit a client: no ranges admit everyone (proxier.go writes
 * a KUBE-FW chain only when there are ranges; the cloud's firewall follows the same field).
 */
export function admittedBySourceRanges(ranges: readonly string[], ip: string): boolean {
  if (ranges.length === 0) return true;
  const value = parseIPv4(ip);
  return (
    value !== null &&
    ranges.some((r) => {
      const cidr = parseCIDR(r);
      return cidr !== null && cidrContains(cidr, value);
    })
  );
}

/**
 * ipvs/proxier.go syncEndpoint: the real servers of a virtual server. With a Local policy and no
 * endpoint on this node, IPVS falls back to the cluster's endpoints (kubernetes PR #97081: "Allow
 * access from local PODs even if no local endpoints exist"); CategorizeEndpoints gives cluster
 * endpoints (topology-aware) only when a Cluster policy uses them.
 */
export function ipvsRealServers(
  dp: DataPlane,
  node: NodeState,
  port: ServicePortView,
  localOnly: boolean,
): { servers: EndpointView[]; fallback: boolean } {
  const service = port.service.state;
  const usesCluster =
    service.internalTrafficPolicy !== "Local" ||
    (port.service.external && service.externalTrafficPolicy !== "Local");
  const cluster = usesCluster ? topologyFor(port, node).endpoints : [];
  if (!localOnly) return { servers: cluster, fallback: false };
  const local = localEndpointsOf(dp, port, node.name);
  return local.length > 0 ? { servers: local, fallback: false } : { servers: cluster, fallback: true };
}

/** What kube-proxy on `node` does with a packet for `port` that came in by `entry` from a `source`. */
type Decide = (
  dp: DataPlane,
  node: NodeState,
  port: ServicePortView,
  entry: ProxyEntry,
  source: SourceKind,
) => ProxyDecision;

/**
 * ipvs mode: the virtual server's real servers, whatever the source (no short-circuit); masquerade
 * by the helper rules: KUBE-CLUSTER-IP with `! -s CLUSTER-CIDR`, and KUBE-NODE-PORT-*, KUBE-LOAD-BALANCER
 * and KUBE-EXTERNAL-IP unless the -LOCAL set RETURNs first (externalTrafficPolicy Local).
 */
const decideIpvs: Decide = (dp, node, port, entry, source) => {
  const service = port.service.state;
  const internal = entry === "clusterIP";
  const localOnly = (internal ? service.internalTrafficPolicy : service.externalTrafficPolicy) === "Local";
  const { servers, fallback } = ipvsRealServers(dp, node, port, localOnly);
  // A virtual server without real servers: ip_vs_leave answers ICMP port unreachable.
  if (servers.length === 0) return { action: "reject", comment: `${port.name} has no endpoints` };
  const masquerade = internal
    ? source === "pod"
      ? null
      : "off-pod-network"
    : service.externalTrafficPolicy === "Local"
      ? null
      : "cluster-policy";
  return {
    action: "dnat",
    chains: [],
    endpoints: servers,
    local: localOnly && !fallback,
    masquerade,
    ...(fallback ? { fallback, replyLost: !internal && source === "remote" } : {}),
  };
};

/** iptables and nftables modes: the same chains (nftables names them alike), policy by policy. */
const decideRules: Decide = (dp, node, port, entry, source) => {
  const service = port.service.state;
  const mode = dp.cluster.settings.kubeProxyMode;
  if (!port.hasEndpoints) return { action: "reject", comment: `${port.name} has no endpoints` };
  const svc = svcChainOf(port);
  if (entry === "clusterIP") {
    if (service.internalTrafficPolicy === "Local") {
      const local = localEndpointsOf(dp, port, node.name);
      if (local.length === 0) return noLocalEndpoints(port);
      return {
        action: "dnat",
        chains: ["KUBE-SERVICES", svlChainOf(port)],
        endpoints: local,
        local: true,
        // nftables/proxier.go writes the `ip saddr != CLUSTER-CIDR jump mark-for-masquerade` rule in
        // the internal traffic chain, local- too; iptables only in the cluster policy chain.
        masquerade: mode === "nftables" && source !== "pod" ? "off-pod-network" : null,
      };
    }
    // The KUBE-SVC chain masquerades ClusterIP traffic that does not come from the pod network.
    const masquerade = source === "pod" ? null : "off-pod-network";
    return clusterWide(["KUBE-SERVICES", svc], port, node, masquerade);
  }
  const ext = extChainOf(port);
  const head = entry === "nodePort" ? ["KUBE-SERVICES", "KUBE-NODEPORTS", ext] : ["KUBE-SERVICES", ext];
  if (service.externalTrafficPolicy !== "Local") {
    return clusterWide([...head, svc], port, node, "cluster-policy");
  }
  // "pod traffic for external destinations" and "route LOCAL traffic": subject to neither policy.
  if (source === "pod") {
    return clusterWide([...head, svc], port, node, null);
  }
  if (source === "host") {
    return clusterWide([...head, svc], port, node, "local-source");
  }
  const local = localEndpointsOf(dp, port, node.name);
  if (local.length === 0) return noLocalEndpoints(port);
  return {
    action: "dnat",
    chains: [...head, svlChainOf(port)],
    endpoints: local,
    local: true,
    masquerade: null,
  };
};

export const decide: Decide = (dp, ...rest) =>
  (dp.cluster.settings.kubeProxyMode === "ipvs" ? decideIpvs : decideRules)(dp, ...rest);

/** How kube-proxy's rules picked an endpoint, for the hop that says so. */
export type Pick =
  /** iptables: the `statistic --mode random` rule that matched, 0-based, of the chain's `of` rules. */
  | { by: "random"; rule: number; of: number }
  /** nftables: `numgen random mod N vmap`: the number drawn, 0-based, of `of`. */
  | { by: "numgen"; value: number; of: number }
  /** IPVS rr: the real server's place in turn, 0-based, of `of`. */
  | { by: "round-robin"; server: number; of: number }
  /** sessionAffinity ClientIP: the endpoint the client used `ago` seconds before (timeout in seconds). */
  | { by: "affinity"; clientIP: string; ago: number; timeout: number };

export interface Choice {
  endpoint: EndpointView;
  how: Pick;
}

/** The statistic-mode-random rules of a KUBE-SVC chain: rule i matches with probability 1/(n-i). */
function iptablesChoice(state: TrafficState, endpoints: readonly EndpointView[]): Choice {
  const n = endpoints.length;
  for (let i = 0; i < n - 1; i++) {
    const endpoint = endpoints[i];
    if (endpoint && state.random.next() < 1 / (n - i))
      return { endpoint, how: { by: "random", rule: i, of: n } };
  }
  const last = endpoints[n - 1];
  if (!last) throw new Error("iptablesChoice needs at least one endpoint");
  return { endpoint: last, how: { by: "random", rule: n - 1, of: n } };
}

/** IPVS's rr scheduler: each virtual server on each node steps through its real servers in turn. */
function ipvsChoice(state: TrafficState, key: string, endpoints: readonly EndpointView[]): Choice {
  const position = state.roundRobin.get(key) ?? 0;
  state.roundRobin.set(key, position + 1);
  const endpoint = endpoints[position % endpoints.length];
  if (!endpoint) throw new Error("ipvsChoice needs at least one endpoint");
  return { endpoint, how: { by: "round-robin", server: position % endpoints.length, of: endpoints.length } };
}

/** nftables' `numgen random mod N vmap { 0 : goto endpoint-..., ... }`: each endpoint with chance 1/N. */
function numgenChoice(state: TrafficState, endpoints: readonly EndpointView[]): Choice {
  const value = state.random.int(endpoints.length);
  const endpoint = endpoints[value];
  if (!endpoint) throw new Error("numgenChoice needs at least one endpoint");
  return { endpoint, how: { by: "numgen", value, of: endpoints.length } };
}

/**
 * Picks the endpoint for one new connection. With sessionAffinity ClientIP, the `recent` match
 * (iptables: `--rcheck --seconds T --reap`, IPVS: persistence timeout) first sends a client back to the
 * endpoint it used within the last T seconds; the memory is per node, as each node's kernel keeps it.
 */
export function choose(
  state: TrafficState,
  mode: KubeProxyMode,
  node: NodeState,
  port: ServicePortView,
  virtualServer: { ip: string; port: number },
  endpoints: readonly EndpointView[],
  clientIP: string,
): Choice {
  const service = port.service.state;
  const sticky = service.sessionAffinity === "ClientIP";
  // IPVS keeps its state per virtual server (VIP:port), iptables' recent lists per KUBE-SEP chain.
  const scope =
    mode === "ipvs"
      ? `${node.name}|${virtualServer.ip}:${virtualServer.port}/${port.protocol}`
      : sticky
        ? `${node.name}|${port.name}/${port.protocol}`
        : "";
  const affinityKey = sticky ? `${scope}|${clientIP}` : null;
  if (affinityKey) {
    // The API server defaults timeoutSeconds to 10800 (3 hours) for ClientIP affinity.
    const timeout = service.sessionAffinityTimeoutSeconds ?? 10800;
    const memory = state.affinity.get(affinityKey);
    const remembered = memory && state.now - memory.lastUsed <= timeout ? memory.endpoint : undefined;
    const endpoint = remembered ? endpoints.find((e) => e.key === remembered) : undefined;
    if (memory && endpoint) {
      const ago = state.now - memory.lastUsed;
      memory.lastUsed = state.now;
      return { endpoint, how: { by: "affinity", clientIP, ago, timeout } };
    }
  }
  const choice =
    mode === "ipvs"
      ? ipvsChoice(state, scope, endpoints)
      : mode === "nftables"
        ? numgenChoice(state, endpoints)
        : iptablesChoice(state, endpoints);
  if (affinityKey) state.affinity.set(affinityKey, { endpoint: choice.endpoint.key, lastUsed: state.now });
  return choice;
}
