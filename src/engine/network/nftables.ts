import { parseCIDR, parseIPv4 } from "../cluster/ip.ts";
import { vipAddresses } from "../cluster/loadBalancerProviders.ts";
import type { NodeState, Ref } from "../cluster/types.ts";
import { nftEndpointBase, nftServiceBase } from "./chains.ts";
import { type DataPlane, type EndpointView, localEndpointsOf, type ServicePortView } from "./dataplane.ts";
import { clusterCIDRText } from "./iptables.ts";
import { admittedBySourceRanges } from "./kubeproxy.ts";
import { topologyFor } from "./topology.ts";

/**
 * kube-proxy's nftables mode (GA since Kubernetes 1.33), as pkg/proxy/nftables/proxier.go writes its
 * `kube-proxy` table, printed as `nft list table ip kube-proxy` prints it back (nft 1.0.6's forms:
 * `meta mark`, priorities, element layout; the kernel test loads the text and lists it again).
 */

/** A set or a verdict map. */
export interface NftSet {
  kind: "set" | "map";
  name: string;
  type: string;
  comment?: string;
  /** Affinity sets: `flags dynamic,timeout`, their size and timeout in seconds. */
  timeout?: number;
  /** Each element as nft prints it (`10.96.0.10 . tcp . 53 : goto service-...`), with its sort key and its Service. */
  elements: { key: number[]; text: string; service?: Ref }[];
  /** The Service a set of its own belongs to (an endpoint's affinity set). */
  service?: Ref;
}

export interface NftChain {
  name: string;
  /** Base chains: `type filter hook input priority -110; policy accept;`. */
  base?: string;
  comment?: string;
  rules: string[];
  /** The Service a chain of its own belongs to (service-, local-, external-, firewall-, endpoint-). */
  service?: Ref;
}

export interface NftTable {
  name: "kube-proxy";
  comment: string;
  sets: NftSet[];
  chains: NftChain[];
}

const MASQ_MARK = "0x00004000";
const MARK_MASQ = "mark-for-masquerade";
const REJECT_CHAIN = "reject-chain";

/** IANA protocol numbers: nft keeps inet_proto as a number, and so orders elements by it. */
const PROTO_NUMBER: Record<string, number> = { tcp: 6, udp: 17, sctp: 132 };

/**
 * nftablesBaseChains: filter chains run before DNAT (dstnat - 10, which nft prints as a number
 * outside prerouting), NAT at dstnat and srcnat, and the post-DNAT output check at dstnat + 10.
 */
const BASE_CHAINS: readonly [string, string][] = [
  ["filter-prerouting", "type filter hook prerouting priority dstnat - 10; policy accept;"],
  ["filter-input", "type filter hook input priority -110; policy accept;"],
  ["filter-forward", "type filter hook forward priority -110; policy accept;"],
  ["filter-output", "type filter hook output priority -110; policy accept;"],
  ["filter-output-post-dnat", "type filter hook output priority -90; policy accept;"],
  ["nat-prerouting", "type nat hook prerouting priority dstnat; policy accept;"],
  ["nat-output", "type nat hook output priority -100; policy accept;"],
  ["nat-postrouting", "type nat hook postrouting priority srcnat; policy accept;"],
];

/** nftablesJumpChains, in order: [to, from, match]. */
const JUMPS: readonly [string, string, string][] = [
  ["nodeport-endpoints-check", "filter-input", "ct state new "],
  ["service-endpoints-check", "filter-input", "ct state new "],
  ["service-endpoints-check", "filter-forward", "ct state new "],
  ["service-endpoints-check", "filter-output", "ct state new "],
  ["firewall-check", "filter-prerouting", "ct state new "],
  ["firewall-check", "filter-output", "ct state new "],
  ["services", "nat-output", ""],
  ["services", "nat-prerouting", ""],
  ["masquerading", "nat-postrouting", ""],
  ["cluster-ips-check", "filter-forward", "ct state new "],
  ["cluster-ips-check", "filter-output-post-dnat", "ct state new "],
];

class TableBuilder {
  readonly sets = new Map<string, NftSet>();
  readonly chains = new Map<string, NftChain>();
  /** The Service whose port is being written: what is created meanwhile is its own (serviceRules selects it). */
  owner: Ref | undefined;
  private owned(): { service?: Ref } {
    return this.owner ? { service: this.owner } : {};
  }
  chain(name: string, extra: Partial<NftChain> = {}): NftChain {
    let chain = this.chains.get(name);
    if (!chain) {
      chain = { name, rules: [], ...extra, ...this.owned() };
      this.chains.set(name, chain);
    }
    return chain;
  }
  rule(chain: string, text: string): void {
    this.chain(chain).rules.push(text);
  }
  set(kind: "set" | "map", name: string, type: string, comment?: string): NftSet {
    const set: NftSet = { kind, name, type, elements: [], ...(comment ? { comment } : {}), ...this.owned() };
    this.sets.set(name, set);
    return set;
  }
  /** ensureElem: an element is there once, however many ports add it (a ClusterIP with two ports). */
  element(name: string, key: number[], text: string): void {
    const set = this.sets.get(name);
    if (set && !set.elements.some((e) => e.text === text)) set.elements.push({ key, text, ...this.owned() });
  }
}

function ipKey(ip: string): number {
  return parseIPv4(ip) ?? 0;
}

/** An `ip saddr != { ... }` operand as nft lists it: one value bare, several sorted in braces. */
function anonymousSet(values: readonly string[]): string {
  const sorted = [...values].sort((a, b) => {
    const [ai, ap] = a.split("/");
    const [bi, bp] = b.split("/");
    return ipKey(ai ?? "") - ipKey(bi ?? "") || Number(ap ?? 32) - Number(bp ?? 32);
  });
  const shown = sorted.map((v) => (v.endsWith("/32") ? v.slice(0, -3) : v));
  return shown.length === 1 ? (shown[0] ?? "") : `{ ${shown.join(", ")} }`;
}

/** The names kube-proxy gives one service port's chains (servicePortInfo). */
export function nftChainNames(port: ServicePortView) {
  const s = port.service.state;
  const base = nftServiceBase(s.namespace, s.name, port.protocol, port.spec.name ?? "");
  return {
    cluster: `service-${base}`,
    local: `local-${base}`,
    external: `external-${base}`,
    firewall: `firewall-${base}`,
  };
}

/** The names of one endpoint's chain and affinity set (servicePortEndpointChainNameBase). */
export function nftEndpointNames(port: ServicePortView, endpoint: EndpointView) {
  const s = port.service.state;
  const base = nftEndpointBase(s.namespace, s.name, port.protocol, port.spec.name ?? "", endpoint);
  return { chain: `endpoint-${base}`, affinity: `affinity-${base}` };
}

/** setupNFTables: the table's fixed sets, maps, chains and rules. */
function setup(t: TableBuilder, node: NodeState, serviceCIDR: string): void {
  for (const [name, base] of BASE_CHAINS) t.chain(name, { base });
  for (const [to, from, match] of JUMPS) {
    t.chain(to);
    t.rule(from, `${match}jump ${to}`);
  }
  t.chain(MARK_MASQ);
  t.rule(MARK_MASQ, `meta mark set meta mark | ${MASQ_MARK}`);
  t.rule("masquerading", `meta mark & ${MASQ_MARK} == 0x00000000 return`);
  t.rule("masquerading", `meta mark set meta mark ^ ${MASQ_MARK}`);
  t.rule("masquerading", "masquerade fully-random");
  t.set("set", "cluster-ips", "ipv4_addr", "Active ClusterIPs");
  t.rule(
    "cluster-ips-check",
    'ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"',
  );
  t.rule(
    "cluster-ips-check",
    `ip daddr ${serviceCIDR} drop comment "Drop traffic to unallocated ClusterIPs"`,
  );
  // nodePortAddresses defaults to "primary" in nftables mode: NodePorts answer on the node's IP only.
  t.set("set", "nodeport-ips", "ipv4_addr", "IPs that accept NodePort traffic");
  t.element("nodeport-ips", [ipKey(node.internalIP)], node.internalIP);
  t.set(
    "map",
    "no-endpoint-services",
    "ipv4_addr . inet_proto . inet_service : verdict",
    "vmap to drop or reject packets to services with no endpoints",
  );
  t.set(
    "map",
    "no-endpoint-nodeports",
    "inet_proto . inet_service : verdict",
    "vmap to drop or reject packets to service nodeports with no endpoints",
  );
  t.chain(REJECT_CHAIN, { comment: "helper for @no-endpoint-services / @no-endpoint-nodeports" });
  t.rule(REJECT_CHAIN, "reject");
  t.rule("service-endpoints-check", "ip daddr . meta l4proto . th dport vmap @no-endpoint-services");
  t.rule(
    "nodeport-endpoints-check",
    "ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports",
  );
  t.set(
    "map",
    "firewall-ips",
    "ipv4_addr . inet_proto . inet_service : verdict",
    "destinations that are subject to LoadBalancerSourceRanges",
  );
  t.rule("firewall-check", "ip daddr . meta l4proto . th dport vmap @firewall-ips");
  t.set(
    "map",
    "service-ips",
    "ipv4_addr . inet_proto . inet_service : verdict",
    "ClusterIP, ExternalIP and LoadBalancer IP traffic",
  );
  t.set("map", "service-nodeports", "inet_proto . inet_service : verdict", "NodePort traffic");
  t.rule("services", "ip daddr . meta l4proto . th dport vmap @service-ips");
  t.rule("services", "ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports");
}

/** syncProxyRules for one service port. */
function servicePort(
  t: TableBuilder,
  dp: DataPlane,
  node: NodeState,
  port: ServicePortView,
  podCIDR: string | null,
): void {
  const service = port.service.state;
  const names = nftChainNames(port);
  const proto = port.protocol;
  const portNumber = port.spec.port;
  const comment = port.name;
  // nftables/proxier.go syncProxyRules, as iptables': CategorizeEndpoints, the cluster endpoints this
  // node's topology hints allow (topology.go).
  const clusterEndpoints = topologyFor(port, node).endpoints;
  const local = localEndpointsOf(dp, port, node.name);
  const hasEndpoints = port.hasEndpoints;
  const internalLocal = service.internalTrafficPolicy === "Local";
  const externalLocal = service.externalTrafficPolicy === "Local";
  const usesCluster = clusterEndpoints.length > 0 && (!internalLocal || port.service.external);
  const usesLocal = local.length > 0 && (internalLocal || (externalLocal && port.service.external));
  const reachable = [...new Set([...(usesCluster ? clusterEndpoints : []), ...(usesLocal ? local : [])])];
  const sticky = service.sessionAffinity === "ClientIP";
  for (const e of reachable) t.chain(nftEndpointNames(port, e).chain);
  if (usesCluster) t.chain(names.cluster);
  if (usesLocal) t.chain(names.local);
  const internalChain = internalLocal ? names.local : names.cluster;
  const hasInternal = hasEndpoints && (!internalLocal || local.length > 0);
  const externalPolicyChain = externalLocal ? names.local : names.cluster;
  const hasExternal = hasEndpoints && (!externalLocal || local.length > 0);
  const usesExternal = hasEndpoints && port.service.external;
  if (usesExternal) t.chain(names.external);
  // No endpoints at all: REJECT; none on this node for a Local policy: DROP.
  const verdict = hasEndpoints ? "drop" : `goto ${REJECT_CHAIN}`;
  const key = (ip: string, p = portNumber) => [ipKey(ip), PROTO_NUMBER[proto] ?? 0, p];
  const addr = (ip: string) => `${ip} . ${proto} . ${portNumber}`;
  const noEndpoints = (ip: string, verdict: string) =>
    t.element("no-endpoint-services", key(ip), `${addr(ip)} comment "${comment}" : ${verdict}`);

  const clusterIP = service.clusterIP ?? "";
  t.element("cluster-ips", [ipKey(clusterIP)], clusterIP);
  if (hasInternal) t.element("service-ips", key(clusterIP), `${addr(clusterIP)} : goto ${internalChain}`);
  else noEndpoints(clusterIP, verdict);
  for (const ip of service.externalIPs) {
    if (hasEndpoints) t.element("service-ips", key(ip), `${addr(ip)} : goto ${names.external}`);
    if (!hasExternal) noEndpoints(ip, verdict);
  }
  const ranges = service.loadBalancerSourceRanges;
  // proxier.go ranges over LoadBalancerVIPs: ipMode Proxy addresses get no element (KEP-1860).
  const lbIPs = vipAddresses(service);
  const usesFirewall = lbIPs.length > 0 && ranges.length > 0;
  if (usesFirewall) t.chain(names.firewall);
  for (const ip of lbIPs) {
    if (hasEndpoints) t.element("service-ips", key(ip), `${addr(ip)} : goto ${names.external}`);
    if (usesFirewall) t.element("firewall-ips", key(ip), `${addr(ip)} : goto ${names.firewall}`);
  }
  if (!hasExternal) for (const ip of lbIPs) noEndpoints(ip, verdict);
  const nodePort = port.spec.nodePort;
  if (nodePort) {
    const npKey = [PROTO_NUMBER[proto] ?? 0, nodePort];
    if (hasEndpoints)
      t.element("service-nodeports", npKey, `${proto} . ${nodePort} : goto ${names.external}`);
    if (!hasExternal)
      t.element("no-endpoint-nodeports", npKey, `${proto} . ${nodePort} comment "${comment}" : ${verdict}`);
  }

  if (hasInternal && podCIDR)
    t.rule(
      internalChain,
      `ip daddr ${clusterIP} ${proto} dport ${portNumber} ip saddr != ${podCIDR} jump ${MARK_MASQ}`,
    );
  if (usesExternal) {
    if (!externalLocal) t.rule(names.external, `jump ${MARK_MASQ}`);
    else {
      if (podCIDR)
        t.rule(
          names.external,
          `ip saddr ${podCIDR} goto ${names.cluster} comment "short-circuit pod traffic"`,
        );
      t.rule(names.external, `fib saddr type local jump ${MARK_MASQ} comment "masquerade local traffic"`);
      t.rule(
        names.external,
        `fib saddr type local goto ${names.cluster} comment "short-circuit local traffic"`,
      );
    }
    if (hasExternal) t.rule(names.external, `goto ${externalPolicyChain}`);
  }
  if (usesFirewall) {
    // allowFromNode: a node inside the ranges reaches the VIPs it holds with the VIP as source.
    const sources = admittedBySourceRanges(ranges, node.internalIP) ? [...ranges, ...lbIPs] : ranges;
    t.rule(names.firewall, `ip saddr != ${anonymousSet(sources)} drop`);
  }
  if (sticky) {
    const timeout = service.sessionAffinityTimeoutSeconds ?? 10800;
    for (const e of reachable) {
      const set = t.set("set", nftEndpointNames(port, e).affinity, "ipv4_addr");
      set.timeout = timeout;
    }
  }
  const dispatch = (chain: string, endpoints: readonly EndpointView[]) => {
    if (sticky)
      for (const e of endpoints) {
        const { chain: to, affinity } = nftEndpointNames(port, e);
        t.rule(chain, `ip saddr @${affinity} goto ${to}`);
      }
    const choices = endpoints.map((e, i) => `${i} : goto ${nftEndpointNames(port, e).chain}`);
    t.rule(chain, `numgen random mod ${endpoints.length} vmap { ${choices.join(", ")} }`);
  };
  if (usesCluster) dispatch(names.cluster, clusterEndpoints);
  if (usesLocal) dispatch(names.local, local);
  for (const e of reachable) {
    const { chain, affinity } = nftEndpointNames(port, e);
    t.rule(chain, `ip saddr ${e.ip} jump ${MARK_MASQ}`);
    if (sticky) t.rule(chain, `update @${affinity} { ip saddr }`);
    t.rule(chain, `meta l4proto ${proto} dnat to ${e.key}`);
  }
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The `kube-proxy` table kube-proxy (nftables mode) writes on one node. */
export function nftablesRules(dp: DataPlane, node: NodeState): NftTable {
  const t = new TableBuilder();
  const podCIDR = clusterCIDRText(dp);
  const serviceCIDR = parseCIDR(dp.cluster.settings.serviceCIDR) ? dp.cluster.settings.serviceCIDR : "";
  setup(t, node, serviceCIDR);
  // The proxier walks a Go map; the fake's dump, and this table, go by service port name.
  const ports = [...dp.services.values()]
    .filter((v) => !v.state.headless && v.state.clusterIP && v.state.type !== "ExternalName")
    .flatMap((v) => v.ports)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.protocol < b.protocol ? -1 : 1));
  for (const port of ports) {
    t.owner = port.service.state.ref;
    servicePort(t, dp, node, port, podCIDR);
  }
  t.owner = undefined;
  for (const set of t.sets.values()) set.elements.sort((a, b) => compareKeys(a.key, b.key));
  return {
    name: "kube-proxy",
    comment: "rules for kube-proxy",
    sets: [...t.sets.values()],
    chains: [...t.chains.values()],
  };
}

/**
 * The part of the table that is one Service's: its own chains and affinity sets, and its elements of
 * the shared maps (service-ips, service-nodeports, no-endpoint-*, firewall-ips, cluster-ips), as
 * `nft list table ip kube-proxy` would show them with everything else left out.
 */
export function nftablesServiceTable(table: NftTable, service: Ref): NftTable {
  const sets = table.sets.flatMap((set) => {
    if (set.service === service) return [set];
    const elements = set.elements.filter((e) => e.service === service);
    return elements.length > 0 ? [{ ...set, elements }] : [];
  });
  return { ...table, sets, chains: table.chains.filter((c) => c.service === service) };
}

/** nft's time format: 10800 seconds list as `3h`, 90 as `1m30s`. */
function nftTime(seconds: number): string {
  const parts: [number, string][] = [
    [Math.floor(seconds / 86400), "d"],
    [Math.floor((seconds % 86400) / 3600), "h"],
    [Math.floor((seconds % 3600) / 60), "m"],
    [seconds % 60, "s"],
  ];
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join("");
  return text || "0s";
}

/**
 * nft's element layout (expression.c calculate_delim): elements of a concatenation or verdict map
 * one a line, addresses two a line (as nft 1.0.6 lists them back in the kernel test).
 */
function elementsText(set: NftSet): string {
  const newline = ",\n\t\t\t     ";
  const perLine = set.kind === "map" ? 1 : 2;
  const text = set.elements
    .map((e, i) => (i === 0 ? "" : i % perLine === 0 ? newline : ", ") + e.text)
    .join("");
  return `elements = { ${text} }`;
}

/** The table as `nft list table ip kube-proxy` prints it. */
export function renderNftables(table: NftTable): string {
  const blocks: string[] = [];
  for (const set of table.sets) {
    const lines = [`\t${set.kind} ${set.name} {`, `\t\ttype ${set.type}`];
    if (set.timeout !== undefined)
      lines.push("\t\tsize 65535", "\t\tflags dynamic,timeout", `\t\ttimeout ${nftTime(set.timeout)}`);
    if (set.comment) lines.push(`\t\tcomment "${set.comment}"`);
    if (set.elements.length > 0) lines.push(`\t\t${elementsText(set)}`);
    lines.push("\t}");
    blocks.push(lines.join("\n"));
  }
  for (const chain of table.chains) {
    const lines = [`\tchain ${chain.name} {`];
    if (chain.base) lines.push(`\t\t${chain.base}`);
    if (chain.comment) lines.push(`\t\tcomment "${chain.comment}"`);
    for (const rule of chain.rules) lines.push(`\t\t${rule}`);
    lines.push("\t}");
    blocks.push(lines.join("\n"));
  }
  return `table ip ${table.name} {\n\tcomment "${table.comment}"\n${blocks.join("\n\n")}\n}\n`;
}
