import { parseIPv4 } from "../cluster/ip.ts";
import { vipAddresses } from "../cluster/loadBalancerProviders.ts";
import type { NodeState, Ref } from "../cluster/types.ts";
import type { DataPlane, EndpointView, ServicePortView } from "./dataplane.ts";
import {
  clusterCIDRText,
  forwardAcceptRules,
  type IptablesTable,
  masqueradeRules,
  RuleSet,
} from "./iptables.ts";
import { admittedBySourceRanges, ipvsRealServers, type ProxyEntry } from "./kubeproxy.ts";

/**
 * kube-proxy's ipvs mode (deprecated since Kubernetes 1.35; nftables is its successor), as
 * pkg/proxy/ipvs/proxier.go writes it: an IPVS virtual server per Service address and port with
 * the `rr` scheduler, the KUBE-* ipsets, and the iptables rules that match them.
 */

/** One IPVS virtual server with its real servers (destinations), as `ipvsadm -Ln` lists it. */
export interface VirtualServer {
  protocol: "TCP" | "UDP" | "SCTP";
  address: string;
  port: number;
  /** proxier.go defaultScheduler. */
  scheduler: "rr";
  /** sessionAffinity ClientIP: FlagPersistent with the affinity timeout. */
  persistent?: number;
  realServers: EndpointView[];
  /** The service port it stands for. */
  servicePort: ServicePortView;
}

/** One ipset, as `ipset save` writes it. */
export interface IpSet {
  name: string;
  type: string;
  /** The comment the iptables rules that match it carry (ipset.go). */
  comment: string;
  entries: string[];
}

export interface IpvsRules {
  virtualServers: VirtualServer[];
  ipsets: IpSet[];
  iptables: IptablesTable[];
}

/** ipset.go: every set the proxier keeps, in ipsetInfo's order, with its type and comment. */
const IPSETS = [
  [
    "KUBE-LOOP-BACK",
    "hash:ip,port,ip",
    "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose",
  ],
  ["KUBE-CLUSTER-IP", "hash:ip,port", "Kubernetes service cluster ip + port for masquerade purpose"],
  [
    "KUBE-EXTERNAL-IP",
    "hash:ip,port",
    "Kubernetes service external ip + port for masquerade and filter purpose",
  ],
  [
    "KUBE-EXTERNAL-IP-LOCAL",
    "hash:ip,port",
    "Kubernetes service external ip + port with externalTrafficPolicy=local",
  ],
  ["KUBE-LOAD-BALANCER", "hash:ip,port", "Kubernetes service lb portal"],
  [
    "KUBE-LOAD-BALANCER-FW",
    "hash:ip,port",
    "Kubernetes service load balancer ip + port for load balancer with sourceRange",
  ],
  [
    "KUBE-LOAD-BALANCER-LOCAL",
    "hash:ip,port",
    "Kubernetes service load balancer ip + port with externalTrafficPolicy=local",
  ],
  [
    "KUBE-LOAD-BALANCER-SOURCE-IP",
    "hash:ip,port,ip",
    "Kubernetes service load balancer ip + port + source IP for packet filter purpose",
  ],
  [
    "KUBE-LOAD-BALANCER-SOURCE-CIDR",
    "hash:ip,port,net",
    "Kubernetes service load balancer ip + port + source cidr for packet filter purpose",
  ],
  ["KUBE-NODE-PORT-TCP", "bitmap:port", "Kubernetes nodeport TCP port for masquerade purpose"],
  [
    "KUBE-NODE-PORT-LOCAL-TCP",
    "bitmap:port",
    "Kubernetes nodeport TCP port with externalTrafficPolicy=local",
  ],
  ["KUBE-NODE-PORT-UDP", "bitmap:port", "Kubernetes nodeport UDP port for masquerade purpose"],
  [
    "KUBE-NODE-PORT-LOCAL-UDP",
    "bitmap:port",
    "Kubernetes nodeport UDP port with externalTrafficPolicy=local",
  ],
  [
    "KUBE-NODE-PORT-SCTP-HASH",
    "hash:ip,port",
    "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'",
  ],
  [
    "KUBE-NODE-PORT-LOCAL-SCTP-HASH",
    "hash:ip,port",
    "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'",
  ],
  ["KUBE-HEALTH-CHECK-NODE-PORT", "bitmap:port", "Kubernetes health check node port"],
  ["KUBE-IPVS-IPS", "hash:ip", "Addresses on the ipvs interface"],
] as const;

type SetName = (typeof IPSETS)[number][0];

/**
 * ipsetWithIptablesChain: the sets matched by one rule each, in order (a -LOCAL set before its
 * plain one): [set, table, from, to, match type, protocol].
 */
const SET_RULES: readonly [SetName, "nat" | "filter", string, string, string, string?][] = [
  ["KUBE-LOOP-BACK", "nat", "KUBE-POSTROUTING", "MASQUERADE", "dst,dst,src"],
  ["KUBE-LOAD-BALANCER", "nat", "KUBE-SERVICES", "KUBE-LOAD-BALANCER", "dst,dst"],
  ["KUBE-LOAD-BALANCER-LOCAL", "nat", "KUBE-LOAD-BALANCER", "RETURN", "dst,dst"],
  ["KUBE-NODE-PORT-LOCAL-TCP", "nat", "KUBE-NODE-PORT", "RETURN", "dst", "tcp"],
  ["KUBE-NODE-PORT-TCP", "nat", "KUBE-NODE-PORT", "KUBE-MARK-MASQ", "dst", "tcp"],
  ["KUBE-NODE-PORT-LOCAL-UDP", "nat", "KUBE-NODE-PORT", "RETURN", "dst", "udp"],
  ["KUBE-NODE-PORT-UDP", "nat", "KUBE-NODE-PORT", "KUBE-MARK-MASQ", "dst", "udp"],
  ["KUBE-NODE-PORT-LOCAL-SCTP-HASH", "nat", "KUBE-NODE-PORT", "RETURN", "dst,dst", "sctp"],
  ["KUBE-NODE-PORT-SCTP-HASH", "nat", "KUBE-NODE-PORT", "KUBE-MARK-MASQ", "dst,dst", "sctp"],
  ["KUBE-LOAD-BALANCER-FW", "filter", "KUBE-PROXY-FIREWALL", "KUBE-SOURCE-RANGES-FIREWALL", "dst,dst"],
  ["KUBE-LOAD-BALANCER-SOURCE-CIDR", "filter", "KUBE-SOURCE-RANGES-FIREWALL", "RETURN", "dst,dst,src"],
  ["KUBE-LOAD-BALANCER-SOURCE-IP", "filter", "KUBE-SOURCE-RANGES-FIREWALL", "RETURN", "dst,dst,src"],
];

/** iptablesJumpChain, each prepended to its built-in chain (so the last listed runs first). */
const JUMPS: readonly ["nat" | "filter", string, string, string][] = [
  ["nat", "OUTPUT", "KUBE-SERVICES", "kubernetes service portals"],
  ["nat", "PREROUTING", "KUBE-SERVICES", "kubernetes service portals"],
  ["nat", "POSTROUTING", "KUBE-POSTROUTING", "kubernetes postrouting rules"],
  ["filter", "FORWARD", "KUBE-FORWARD", "kubernetes forwarding rules"],
  ["filter", "INPUT", "KUBE-NODE-PORT", "kubernetes health check rules"],
  ["filter", "INPUT", "KUBE-PROXY-FIREWALL", "kube-proxy firewall rules"],
  ["filter", "FORWARD", "KUBE-PROXY-FIREWALL", "kube-proxy firewall rules"],
  ["filter", "INPUT", "KUBE-IPVS-FILTER", "kubernetes ipvs access filter"],
  ["filter", "OUTPUT", "KUBE-IPVS-OUT-FILTER", "kubernetes ipvs access filter"],
];

/** iptablesChains: the chains the proxier creates in each table. */
const CHAINS = {
  nat: ["KUBE-SERVICES", "KUBE-POSTROUTING", "KUBE-NODE-PORT", "KUBE-LOAD-BALANCER", "KUBE-MARK-MASQ"],
  filter: [
    "KUBE-FORWARD",
    "KUBE-NODE-PORT",
    "KUBE-PROXY-FIREWALL",
    "KUBE-SOURCE-RANGES-FIREWALL",
    "KUBE-IPVS-FILTER",
    "KUBE-IPVS-OUT-FILTER",
  ],
};

class Sets {
  readonly entries = new Map<SetName, Set<string>>(IPSETS.map(([name]) => [name, new Set()]));
  add(name: SetName, entry: string): void {
    this.entries.get(name)?.add(entry);
  }
  has(name: SetName): boolean {
    return (this.entries.get(name)?.size ?? 0) > 0;
  }
}

const PROTOCOL = { tcp: "TCP", udp: "UDP", sctp: "SCTP" } as const;

/** The ipset whose match lets a packet for `entry` through to IPVS (ipsetWithIptablesChain and the KUBE-SERVICES rules). */
export function ipsetOf(port: ServicePortView, entry: ProxyEntry): SetName {
  const local = port.service.state.externalTrafficPolicy === "Local";
  switch (entry) {
    case "clusterIP":
      return "KUBE-CLUSTER-IP";
    case "loadBalancerIP":
      return "KUBE-LOAD-BALANCER";
    case "externalIP":
      return local ? "KUBE-EXTERNAL-IP-LOCAL" : "KUBE-EXTERNAL-IP";
    case "nodePort":
      if (port.protocol === "sctp")
        return local ? "KUBE-NODE-PORT-LOCAL-SCTP-HASH" : "KUBE-NODE-PORT-SCTP-HASH";
      return port.protocol === "udp"
        ? local
          ? "KUBE-NODE-PORT-LOCAL-UDP"
          : "KUBE-NODE-PORT-UDP"
        : local
          ? "KUBE-NODE-PORT-LOCAL-TCP"
          : "KUBE-NODE-PORT-TCP";
  }
}

/** The virtual servers, ipsets and iptables rules kube-proxy (ipvs mode) keeps on one node. */
export function ipvsRules(dp: DataPlane, node: NodeState): IpvsRules {
  const sets = new Sets();
  const virtualServers: VirtualServer[] = [];
  const noNodeAccess: { ip: string; protocol: string; port: number }[] = [];
  for (const view of dp.services.values()) {
    const service = view.state;
    // ShouldSkipService: nothing to proxy without a ClusterIP.
    if (service.headless || !service.clusterIP || service.type === "ExternalName") continue;
    for (const port of view.ports) {
      const proto = port.protocol;
      const entry = (ip: string) => `${ip},${proto}:${port.spec.port}`;
      // FlagPersistent with the affinity timeout (the API server defaults it to 10800 s).
      const persistent =
        service.sessionAffinity === "ClientIP"
          ? { persistent: service.sessionAffinityTimeoutSeconds ?? 10800 }
          : {};
      const server = (address: string, localOnly: boolean, vsPort = port.spec.port) =>
        virtualServers.push({
          protocol: PROTOCOL[proto],
          address,
          port: vsPort,
          scheduler: "rr",
          ...persistent,
          realServers: ipvsRealServers(dp, node, port, localOnly).servers,
          servicePort: port,
        });
      // Handle traffic that loops back to the originator with SNAT (this node's endpoints).
      for (const e of port.endpoints)
        if (e.nodeName === node.name) sets.add("KUBE-LOOP-BACK", `${e.ip},${proto}:${e.port},${e.ip}`);
      sets.add("KUBE-CLUSTER-IP", entry(service.clusterIP));
      server(service.clusterIP, service.internalTrafficPolicy === "Local");
      sets.add("KUBE-IPVS-IPS", service.clusterIP);
      const externalLocal = service.externalTrafficPolicy === "Local";
      for (const ip of service.externalIPs) {
        sets.add(externalLocal ? "KUBE-EXTERNAL-IP-LOCAL" : "KUBE-EXTERNAL-IP", entry(ip));
        server(ip, externalLocal);
        // Bound to kube-ipvs0 unless the node already has the address.
        if (ip !== node.internalIP && !node.externalIPs.includes(ip)) sets.add("KUBE-IPVS-IPS", ip);
      }
      // proxier.go ranges over LoadBalancerVIPs: ipMode Proxy addresses get no virtual server (KEP-1860).
      for (const ip of vipAddresses(service)) {
        sets.add("KUBE-LOAD-BALANCER", entry(ip));
        if (externalLocal) sets.add("KUBE-LOAD-BALANCER-LOCAL", entry(ip));
        const ranges = service.loadBalancerSourceRanges;
        if (ranges.length > 0) {
          sets.add("KUBE-LOAD-BALANCER-FW", entry(ip));
          for (const cidr of ranges) sets.add("KUBE-LOAD-BALANCER-SOURCE-CIDR", `${entry(ip)},${cidr}`);
          if (admittedBySourceRanges(ranges, node.internalIP))
            sets.add("KUBE-LOAD-BALANCER-SOURCE-IP", `${entry(ip)},${ip}`);
          else noNodeAccess.push({ ip, protocol: proto, port: port.spec.port });
        }
        server(ip, externalLocal);
        sets.add("KUBE-IPVS-IPS", ip);
      }
      const nodePort = port.spec.nodePort;
      if (nodePort) {
        const local = externalLocal ? "-LOCAL" : "";
        if (proto === "sctp") {
          sets.add("KUBE-NODE-PORT-SCTP-HASH", `${node.internalIP},sctp:${nodePort}`);
          if (externalLocal)
            sets.add("KUBE-NODE-PORT-LOCAL-SCTP-HASH", `${node.internalIP},sctp:${nodePort}`);
        } else {
          const upper = proto.toUpperCase() as "TCP" | "UDP";
          sets.add(`KUBE-NODE-PORT-${upper}`, String(nodePort));
          if (local) sets.add(`KUBE-NODE-PORT-LOCAL-${upper}`, String(nodePort));
        }
        // nodePortAddresses unset: a virtual server on the node's address.
        server(node.internalIP, externalLocal, nodePort);
      }
    }
    if (service.healthCheckNodePort)
      sets.add("KUBE-HEALTH-CHECK-NODE-PORT", String(service.healthCheckNodePort));
  }
  const ipsets = IPSETS.map(([name, type, comment]) => ({
    name,
    type,
    comment,
    entries: [...(sets.entries.get(name) ?? [])].sort(compareEntries),
  }));
  return {
    virtualServers: virtualServers.sort(compareVirtualServers),
    ipsets,
    iptables: helperRules(sets, ipsets, noNodeAccess, clusterCIDRText(dp)),
  };
}

/** proxier.go writeIptablesRules (and createAndLinkKubeChain's jumps). */
function helperRules(
  sets: Sets,
  ipsets: readonly IpSet[],
  noNodeAccess: readonly { ip: string; protocol: string; port: number }[],
  podCIDR: string | null,
): IptablesTable[] {
  const filter = new RuleSet();
  const nat = new RuleSet();
  const table = (name: "nat" | "filter") => (name === "nat" ? nat : filter);
  const comment = (name: SetName) => ipsets.find((s) => s.name === name)?.comment ?? name;
  for (const chain of CHAINS.nat) nat.declare(chain);
  for (const chain of CHAINS.filter) filter.declare(chain);
  // Prepended one by one: the jumps into one built-in chain run in the reverse of this order.
  for (const [name, from, to, text] of [...JUMPS].reverse())
    table(name).add(from, { comment: text, target: to });
  // Dismiss connects to localhost early in the service chain: no localhost NodePorts in ipvs mode.
  nat.add("KUBE-SERVICES", { source: "127.0.0.0/8", target: "RETURN" });
  for (const [name, t, from, to, match, protocol] of SET_RULES) {
    if (!sets.has(name)) continue;
    table(t).add(from, {
      ...(protocol ? { protocol } : {}),
      comment: comment(name),
      matches: [`-m set --match-set ${name} ${match}`],
      target: to,
    });
  }
  const setMatch = (name: SetName, match = "dst,dst") => [`-m set --match-set ${name} ${match}`];
  if (sets.has("KUBE-CLUSTER-IP")) {
    // The local-traffic detector: masquerade what comes to a ClusterIP from off the pod network.
    nat.add("KUBE-SERVICES", {
      ...(podCIDR ? { notSource: podCIDR } : {}),
      comment: comment("KUBE-CLUSTER-IP"),
      matches: setMatch("KUBE-CLUSTER-IP", podCIDR ? "dst,dst" : "src,dst"),
      target: "KUBE-MARK-MASQ",
    });
  }
  for (const name of ["KUBE-EXTERNAL-IP", "KUBE-EXTERNAL-IP-LOCAL"] as const) {
    if (!sets.has(name)) continue;
    const base = { comment: comment(name), matches: setMatch(name) };
    if (name === "KUBE-EXTERNAL-IP") nat.add("KUBE-SERVICES", { ...base, target: "KUBE-MARK-MASQ" });
    // Off-machine traffic (not from a bridge nor a local process), and addresses local to the node.
    nat.add("KUBE-SERVICES", {
      ...base,
      matches: [...base.matches, "-m physdev ! --physdev-is-in", "-m addrtype ! --src-type LOCAL"],
      target: "ACCEPT",
    });
    nat.add("KUBE-SERVICES", {
      ...base,
      matches: [...base.matches, "-m addrtype --dst-type LOCAL"],
      target: "ACCEPT",
    });
  }
  nat.add("KUBE-SERVICES", { matches: ["-m addrtype --dst-type LOCAL"], target: "KUBE-NODE-PORT" });
  nat.add("KUBE-LOAD-BALANCER", { target: "KUBE-MARK-MASQ" });
  filter.add("KUBE-SOURCE-RANGES-FIREWALL", { target: "DROP" });
  // kubernetes issue #119656: a node outside the source ranges may not reach the load balancer's VIP.
  for (const { ip, protocol, port } of noNodeAccess)
    filter.add("KUBE-IPVS-OUT-FILTER", {
      source: ip,
      matches: [
        `-m ipvs --vaddr ${ip}/32 --vproto ${protocol === "tcp" ? 6 : protocol === "udp" ? 17 : 132} --vport ${port}`,
      ],
      target: "DROP",
    });
  for (const name of ["KUBE-CLUSTER-IP", "KUBE-LOAD-BALANCER"] as const)
    if (sets.has(name)) nat.add("KUBE-SERVICES", { matches: setMatch(name), target: "ACCEPT" });
  forwardAcceptRules(filter);
  filter.add("KUBE-NODE-PORT", {
    comment: comment("KUBE-HEALTH-CHECK-NODE-PORT"),
    matches: setMatch("KUBE-HEALTH-CHECK-NODE-PORT", "dst"),
    target: "ACCEPT",
  });
  // kubernetes issue #72236: no access to the node's own ports through a Service VIP.
  for (const name of [
    "KUBE-LOAD-BALANCER",
    "KUBE-CLUSTER-IP",
    "KUBE-EXTERNAL-IP",
    "KUBE-EXTERNAL-IP-LOCAL",
  ] as const)
    filter.add("KUBE-IPVS-FILTER", { matches: setMatch(name), target: "RETURN" });
  filter.add("KUBE-IPVS-FILTER", {
    matches: setMatch("KUBE-HEALTH-CHECK-NODE-PORT", "dst"),
    target: "RETURN",
  });
  filter.add("KUBE-IPVS-FILTER", {
    matches: ["-m conntrack --ctstate NEW", ...setMatch("KUBE-IPVS-IPS", "dst")],
    target: "REJECT",
    args: ["--reject-with icmp-port-unreachable"],
  });
  masqueradeRules(nat);
  return [filter.table("filter"), nat.table("nat")];
}

/** One Service's virtual servers (its ClusterIP, external IPs, load-balancer IPs and NodePorts) with their real servers. */
export function ipvsServiceServers(servers: readonly VirtualServer[], service: Ref): VirtualServer[] {
  return servers.filter((vs) => vs.servicePort.service.state.ref === service);
}

const PROTOCOL_ORDER = { TCP: 6, UDP: 17, SCTP: 132 };

/** ipvsadm lists services sorted by protocol, address and port (ipvs_cmp_services), real servers by address and port. */
function compareVirtualServers(a: VirtualServer, b: VirtualServer): number {
  return (
    PROTOCOL_ORDER[a.protocol] - PROTOCOL_ORDER[b.protocol] ||
    (parseIPv4(a.address) ?? 0) - (parseIPv4(b.address) ?? 0) ||
    a.port - b.port
  );
}

function compareEntries(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRealServers(a: EndpointView, b: EndpointView): number {
  return (parseIPv4(a.ip) ?? 0) - (parseIPv4(b.ip) ?? 0) || a.port - b.port;
}

const pad = (text: string | number, width: number) => String(text).padEnd(width);

/** The virtual servers as `ipvsadm -Ln` prints them (ipvsadm.c print_service_entry, print_title). */
export function renderIpvsadm(servers: readonly VirtualServer[]): string {
  const lines = [
    "IP Virtual Server version 1.2.1 (size=4096)",
    "Prot LocalAddress:Port Scheduler Flags",
    "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn",
  ];
  for (const vs of servers) {
    const persistent = vs.persistent === undefined ? "" : ` persistent ${vs.persistent}`;
    lines.push(`${pad(vs.protocol, 4)} ${vs.address}:${vs.port} ${vs.scheduler}${persistent}`);
    for (const rs of [...vs.realServers].sort(compareRealServers))
      lines.push(
        `  -> ${pad(`${rs.ip}:${rs.port}`, 28)} ${pad("Masq", 7)} ${pad(1, 6)} ${pad(0, 10)} ${pad(0, 10)}`,
      );
  }
  return `${lines.join("\n")}\n`;
}

/** The ipsets as `ipset save` writes them. */
export function renderIpsetSave(ipsets: readonly IpSet[]): string {
  const lines: string[] = [];
  for (const set of ipsets) {
    const header = set.type === "bitmap:port" ? "range 0-65535" : "family inet hashsize 1024 maxelem 65536";
    lines.push(`create ${set.name} ${set.type} ${header}`);
    for (const entry of set.entries) lines.push(`add ${set.name} ${entry}`);
  }
  return `${lines.join("\n")}\n`;
}
