import { type CIDR, formatIPv4 } from "../cluster/ip.ts";
import { vipAddresses } from "../cluster/loadBalancerProviders.ts";
import type { NodeState, Ref } from "../cluster/types.ts";
import {
  type DataPlane,
  type EndpointView,
  extChainOf,
  fwChainOf,
  localEndpointsOf,
  type ServicePortView,
  sepChainOf,
  svcChainOf,
  svlChainOf,
} from "./dataplane.ts";
import { admittedBySourceRanges } from "./kubeproxy.ts";
import { topologyFor } from "./topology.ts";

/** One rule as kube-proxy writes it, and as `iptables-save` prints it back. */
export interface IptablesRule {
  chain: string;
  /** The `-m comment --comment` text, when the rule has one. */
  comment?: string;
  /** The jump target: a chain, or DNAT, REJECT, DROP, MARK, MASQUERADE, ACCEPT, RETURN. */
  target: string;
  /** The rule as one `iptables-save` line. */
  text: string;
  /** The Service the rule is for, when it is for one. */
  service?: Ref;
}

export interface IptablesTable {
  name: "filter" | "nat";
  /** Built-in chains first, then kube-proxy's chains in name order, as iptables-save lists them. */
  chains: string[];
  rules: IptablesRule[];
}

/** The parts of a rule, in the order iptables-save prints them. */
export interface RuleParts {
  notSource?: string;
  source?: string;
  destination?: string;
  protocol?: string;
  /** Matches kube-proxy writes before the comment (`-m conntrack --ctstate NEW`). */
  leading?: string[];
  comment?: string;
  /** Matches after the comment: the protocol's own (`-m tcp --dport N`), addrtype, statistic, recent. */
  matches?: string[];
  target: string;
  args?: string[];
}

export const MASQ_MARK = "0x4000";
const BUILTIN = {
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
};

function quote(comment: string): string {
  return /[\s"]/.test(comment) ? `"${comment}"` : comment;
}

function host(ip: string): string {
  return ip.includes("/") ? ip : `${ip}/32`;
}

function render(chain: string, parts: RuleParts): string {
  const words = [`-A ${chain}`];
  if (parts.notSource) words.push(`! -s ${host(parts.notSource)}`);
  if (parts.source) words.push(`-s ${host(parts.source)}`);
  if (parts.destination) words.push(`-d ${host(parts.destination)}`);
  if (parts.protocol) words.push(`-p ${parts.protocol}`);
  if (parts.leading) words.push(...parts.leading);
  if (parts.comment) words.push(`-m comment --comment ${quote(parts.comment)}`);
  if (parts.matches) words.push(...parts.matches);
  // A rule with no target only counts packets (the end of a KUBE-FW chain).
  if (parts.target) words.push(`-j ${parts.target}`, ...(parts.args ?? []));
  return words.join(" ");
}

/**
 * The statistic match keeps a probability as a 31-bit fraction (xt_statistic: lround(p * 2^31)), and
 * iptables-save prints it back with 11 decimals: kube-proxy's 1/3 shows as 0.33333333349.
 */
export function savedProbability(p: number): string {
  let text = savedProbabilities.get(p);
  if (text === undefined) {
    text = (Math.round(p * 0x80000000) / 0x80000000).toFixed(11);
    savedProbabilities.set(p, text);
  }
  return text;
}

/** The few probabilities kube-proxy writes (1/n), printed once each: traffic asks for them per connection. */
const savedProbabilities = new Map<number, string>();

/** The smallest CIDR holding every node's pod CIDR: the cluster CIDR kube-proxy's local-traffic detector uses. */
export function clusterCIDR(cidrs: readonly CIDR[]): CIDR | null {
  const [first, ...rest] = cidrs;
  if (!first) return null;
  let cover = first;
  for (const cidr of rest) {
    while (cidr.base < cover.base || cidr.base + cidr.size > cover.base + cover.size) {
      const size = cover.size * 2;
      cover = { base: cover.base - (cover.base % size), size };
    }
  }
  return cover;
}

function formatCIDR(cidr: CIDR): string {
  return `${formatIPv4(cidr.base)}/${32 - Math.log2(cidr.size)}`;
}

/** The cluster CIDR as kube-proxy's local-traffic detector writes it (`10.244.0.0/16`), if any node has a pod CIDR. */
export function clusterCIDRText(dp: DataPlane): string | null {
  const cidr = clusterCIDR(dp.routes.map((r) => r.cidr));
  return cidr ? formatCIDR(cidr) : null;
}

/** One table's rules as kube-proxy writes them (iptables mode, and ipvs mode's helper rules). */
export class RuleSet {
  readonly chains = new Set<string>();
  readonly rules: IptablesRule[] = [];
  add(chain: string, parts: RuleParts, service?: Ref): void {
    this.chains.add(chain);
    const rule: IptablesRule = { chain, target: parts.target, text: render(chain, parts) };
    if (parts.comment) rule.comment = parts.comment;
    if (service) rule.service = service;
    this.rules.push(rule);
  }
  declare(chain: string): void {
    this.chains.add(chain);
  }
  table(name: "filter" | "nat"): IptablesTable {
    const builtin = BUILTIN[name];
    const own = [...this.chains].filter((c) => !builtin.includes(c)).sort();
    const order = [...builtin, ...own];
    const rank = new Map(order.map((c, i) => [c, i]));
    const rules = [...this.rules].sort((a, b) => (rank.get(a.chain) ?? 0) - (rank.get(b.chain) ?? 0));
    return { name, chains: order, rules };
  }
}

/** KUBE-FORWARD's accepts, as both the iptables and the ipvs proxier write them: marked traffic and its replies. */
export function forwardAcceptRules(filter: RuleSet): void {
  filter.add("KUBE-FORWARD", {
    comment: "kubernetes forwarding rules",
    matches: [`-m mark --mark ${MASQ_MARK}/${MASQ_MARK}`],
    target: "ACCEPT",
  });
  filter.add("KUBE-FORWARD", {
    comment: "kubernetes forwarding conntrack rule",
    matches: ["-m conntrack --ctstate RELATED,ESTABLISHED"],
    target: "ACCEPT",
  });
}

/** KUBE-MARK-MASQ and KUBE-POSTROUTING, as both proxiers write them: masquerade what a rule marked. */
export function masqueradeRules(nat: RuleSet): void {
  nat.add("KUBE-MARK-MASQ", { target: "MARK", args: [`--set-xmark ${MASQ_MARK}/${MASQ_MARK}`] });
  nat.add("KUBE-POSTROUTING", { matches: [`-m mark ! --mark ${MASQ_MARK}/${MASQ_MARK}`], target: "RETURN" });
  nat.add("KUBE-POSTROUTING", { target: "MARK", args: [`--set-xmark ${MASQ_MARK}/0x0`] });
  nat.add("KUBE-POSTROUTING", {
    comment: "kubernetes service traffic requiring SNAT",
    target: "MASQUERADE",
    args: ["--random-fully"],
  });
}

/** proxier.go writeServiceToEndpointRules: affinity checks first, then the random-probability jumps. */
function serviceToEndpoints(
  nat: RuleSet,
  port: ServicePortView,
  chain: string,
  endpoints: EndpointView[],
): void {
  const service = port.service.state;
  nat.declare(chain);
  if (service.sessionAffinity === "ClientIP") {
    const seconds = service.sessionAffinityTimeoutSeconds ?? 10800;
    for (const e of endpoints) {
      const sep = sepChainOf(port, e);
      nat.add(
        chain,
        {
          comment: `${port.name} -> ${e.key}`,
          matches: [
            `-m recent --rcheck --seconds ${seconds} --reap --name ${sep} --mask 255.255.255.255 --rsource`,
          ],
          target: sep,
        },
        service.ref,
      );
    }
  }
  endpoints.forEach((e, i) => {
    const n = endpoints.length - i;
    nat.add(
      chain,
      {
        comment: `${port.name} -> ${e.key}`,
        matches: n > 1 ? [`-m statistic --mode random --probability ${savedProbability(1 / n)}`] : [],
        target: sepChainOf(port, e),
      },
      service.ref,
    );
  });
}

function endpointChains(nat: RuleSet, port: ServicePortView, endpoints: readonly EndpointView[]): void {
  const service = port.service.state;
  for (const e of endpoints) {
    const sep = sepChainOf(port, e);
    nat.add(sep, { source: e.ip, comment: port.name, target: "KUBE-MARK-MASQ" }, service.ref);
    const affinity =
      service.sessionAffinity === "ClientIP"
        ? [`-m recent --set --name ${sep} --mask 255.255.255.255 --rsource`]
        : [];
    nat.add(
      sep,
      {
        protocol: port.protocol,
        comment: port.name,
        matches: [...affinity, `-m ${port.protocol}`],
        target: "DNAT",
        args: [`--to-destination ${e.key}`],
      },
      service.ref,
    );
  }
}

/** proxier.go syncProxyRules for one service port on one node. */
function servicePortRules(
  dp: DataPlane,
  node: NodeState,
  port: ServicePortView,
  filter: RuleSet,
  nat: RuleSet,
  podCIDR: string | null,
): void {
  const service = port.service.state;
  const ref = service.ref;
  const p = port.protocol;
  const dport = `-m ${p} --dport ${port.spec.port}`;
  const local = localEndpointsOf(dp, port, node.name);
  const hasEndpoints = port.hasEndpoints;
  const internalLocal = service.internalTrafficPolicy === "Local";
  const externalLocal = service.externalTrafficPolicy === "Local";
  const hasInternal = hasEndpoints && (!internalLocal || local.length > 0);
  const hasExternal = hasEndpoints && (!externalLocal || local.length > 0);
  const svc = svcChainOf(port);
  const svl = svlChainOf(port);
  const ext = extChainOf(port);
  const noEndpoints = `${port.name} has no endpoints`;
  const filterTarget = (has: boolean) =>
    has
      ? null
      : hasEndpoints
        ? { target: "DROP", comment: `${port.name} has no local endpoints` }
        : { target: "REJECT", comment: noEndpoints };
  const internalFilter = filterTarget(hasInternal);
  const externalFilter = filterTarget(hasExternal);
  // proxier.go writes the same DROP or REJECT rule for every address a port answers on.
  const filterRule = (
    chain: string,
    verdict: { target: string; comment: string },
    matches: string[],
    destination?: string,
  ) =>
    filter.add(
      chain,
      {
        ...(destination === undefined ? {} : { destination }),
        protocol: p,
        comment: verdict.comment,
        matches,
        target: verdict.target,
        args: verdict.target === "REJECT" ? ["--reject-with icmp-port-unreachable"] : [],
      },
      ref,
    );
  const clusterIP = service.clusterIP ?? "";

  if (hasInternal) {
    nat.add(
      "KUBE-SERVICES",
      {
        destination: clusterIP,
        protocol: p,
        comment: `${port.name} cluster IP`,
        matches: [dport],
        target: internalLocal ? svl : svc,
      },
      ref,
    );
  } else if (internalFilter) {
    filterRule("KUBE-SERVICES", internalFilter, [dport], clusterIP);
  }
  // serviceport.go: only ingress IPs with ipMode VIP are loadBalancerVIPs (KEP-1860); Proxy ones get no rule.
  const vips = vipAddresses(service);
  const outsideAddresses = [
    { ips: service.externalIPs, what: "external IP" },
    { ips: vips, what: "loadbalancer IP" },
  ];
  // proxier.go usesFWChain: load-balancer addresses with source ranges go through KUBE-FW first.
  const ranges = service.loadBalancerSourceRanges;
  const usesFW = hasEndpoints && vips.length > 0 && ranges.length > 0;
  const fw = usesFW ? fwChainOf(port) : "";
  for (const { ips, what } of outsideAddresses) {
    const isLB = what === "loadbalancer IP";
    for (const ip of ips) {
      if (hasEndpoints)
        nat.add(
          "KUBE-SERVICES",
          {
            destination: ip,
            protocol: p,
            comment: `${port.name} ${what}`,
            matches: [dport],
            target: isLB && usesFW ? fw : ext,
          },
          ref,
        );
      if (isLB && usesFW)
        filterRule(
          "KUBE-PROXY-FIREWALL",
          { target: "DROP", comment: `${port.name} traffic not accepted by ${fw}` },
          [dport],
          ip,
        );
      if (externalFilter) filterRule("KUBE-EXTERNAL-SERVICES", externalFilter, [dport], ip);
    }
  }
  if (usesFW) {
    const comment = `${port.name} loadbalancer IP`;
    for (const cidr of ranges) nat.add(fw, { source: cidr, comment, target: ext }, ref);
    // proxier.go allowFromNode: a node inside the ranges reaches a VIP it holds with the VIP as source.
    if (admittedBySourceRanges(ranges, node.internalIP))
      for (const ip of vips) nat.add(fw, { source: ip, comment, target: ext }, ref);
    nat.add(
      fw,
      { comment: `other traffic to ${port.name} will be dropped by KUBE-PROXY-FIREWALL`, target: "" },
      ref,
    );
  }
  if (port.spec.nodePort) {
    const nodePort = `-m ${p} --dport ${port.spec.nodePort}`;
    if (hasEndpoints)
      nat.add("KUBE-NODEPORTS", { protocol: p, comment: port.name, matches: [nodePort], target: ext }, ref);
    if (externalFilter)
      filterRule("KUBE-EXTERNAL-SERVICES", externalFilter, ["-m addrtype --dst-type LOCAL", nodePort]);
  }
  if (service.healthCheckNodePort && port.index === 0) {
    filter.add(
      "KUBE-NODEPORTS",
      {
        protocol: "tcp",
        comment: `${port.name} health check node port`,
        matches: [`-m tcp --dport ${service.healthCheckNodePort}`],
        target: "ACCEPT",
      },
      ref,
    );
  }
  if (hasInternal && podCIDR) {
    const chain = internalLocal ? svl : svc;
    nat.add(
      chain,
      {
        notSource: podCIDR,
        destination: clusterIP,
        protocol: p,
        comment: `${port.name} cluster IP`,
        matches: [dport],
        target: "KUBE-MARK-MASQ",
      },
      ref,
    );
  }
  if (hasEndpoints && port.service.external) {
    if (!externalLocal) {
      nat.add(
        ext,
        { comment: `masquerade traffic for ${port.name} external destinations`, target: "KUBE-MARK-MASQ" },
        ref,
      );
    } else {
      if (podCIDR)
        nat.add(
          ext,
          { source: podCIDR, comment: `pod traffic for ${port.name} external destinations`, target: svc },
          ref,
        );
      nat.add(
        ext,
        {
          comment: `masquerade LOCAL traffic for ${port.name} external destinations`,
          matches: ["-m addrtype --src-type LOCAL"],
          target: "KUBE-MARK-MASQ",
        },
        ref,
      );
      nat.add(
        ext,
        {
          comment: `route LOCAL traffic for ${port.name} external destinations`,
          matches: ["-m addrtype --src-type LOCAL"],
          target: svc,
        },
        ref,
      );
    }
    if (hasExternal) nat.add(ext, { target: externalLocal ? svl : svc }, ref);
  }
  // UsesClusterEndpoints: ITP Cluster, or any external access (the short-circuits need the cluster chain).
  // topology.go CategorizeEndpoints: the cluster endpoints this node's hints allow.
  const cluster = topologyFor(port, node).endpoints;
  const usesCluster = cluster.length > 0 && (!internalLocal || port.service.external);
  const usesLocal = local.length > 0 && (internalLocal || (externalLocal && port.service.external));
  if (usesCluster) serviceToEndpoints(nat, port, svc, cluster);
  if (usesLocal) serviceToEndpoints(nat, port, svl, local);
  const reachable = usesCluster
    ? usesLocal
      ? [...new Set([...cluster, ...local])]
      : cluster
    : usesLocal
      ? local
      : [];
  endpointChains(nat, port, reachable);
}

/**
 * The filter and nat tables kube-proxy (iptables mode) writes on one node: KUBE-SERVICES,
 * KUBE-NODEPORTS, KUBE-EXTERNAL-SERVICES, and per service port KUBE-SVC-*, KUBE-SVL-*, KUBE-EXT-*
 * and KUBE-SEP-* (pkg/proxy/iptables/proxier.go syncProxyRules).
 */
export function iptablesRules(dp: DataPlane, node: NodeState): IptablesTable[] {
  const filter = new RuleSet();
  const nat = new RuleSet();
  const podCIDR = clusterCIDRText(dp);
  const services = "kubernetes service portals";
  const external = "kubernetes externally-visible service portals";
  // proxier.go iptablesJumpChains, then the localnet guard that --iptables-localhost-nodeports
  // (default true) needs: route_localnet lets 127.0.0.1:NODEPORT work, KUBE-FIREWALL keeps others out.
  const lbFirewall = "kubernetes load balancer firewall";
  for (const chain of ["INPUT", "FORWARD", "OUTPUT"])
    filter.add(chain, {
      leading: ["-m conntrack --ctstate NEW"],
      comment: lbFirewall,
      target: "KUBE-PROXY-FIREWALL",
    });
  filter.add("INPUT", { target: "KUBE-FIREWALL" });
  filter.add("OUTPUT", { target: "KUBE-FIREWALL" });
  filter.add("KUBE-FIREWALL", {
    notSource: "127.0.0.0/8",
    destination: "127.0.0.0/8",
    comment: "block incoming localnet connections",
    matches: ["-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT"],
    target: "DROP",
  });
  filter.add("INPUT", { comment: "kubernetes health check service ports", target: "KUBE-NODEPORTS" });
  filter.add("INPUT", {
    leading: ["-m conntrack --ctstate NEW"],
    comment: external,
    target: "KUBE-EXTERNAL-SERVICES",
  });
  filter.add("FORWARD", { comment: "kubernetes forwarding rules", target: "KUBE-FORWARD" });
  filter.add("FORWARD", {
    leading: ["-m conntrack --ctstate NEW"],
    comment: services,
    target: "KUBE-SERVICES",
  });
  filter.add("FORWARD", {
    leading: ["-m conntrack --ctstate NEW"],
    comment: external,
    target: "KUBE-EXTERNAL-SERVICES",
  });
  filter.add("OUTPUT", {
    leading: ["-m conntrack --ctstate NEW"],
    comment: services,
    target: "KUBE-SERVICES",
  });
  filter.add("KUBE-FORWARD", { matches: ["-m conntrack --ctstate INVALID"], target: "DROP" });
  forwardAcceptRules(filter);
  nat.add("PREROUTING", { comment: services, target: "KUBE-SERVICES" });
  nat.add("OUTPUT", { comment: services, target: "KUBE-SERVICES" });
  nat.add("POSTROUTING", { comment: "kubernetes postrouting rules", target: "KUBE-POSTROUTING" });
  masqueradeRules(nat);
  filter.declare("KUBE-NODEPORTS");
  filter.declare("KUBE-SERVICES");
  filter.declare("KUBE-EXTERNAL-SERVICES");
  filter.declare("KUBE-PROXY-FIREWALL");
  nat.declare("KUBE-NODEPORTS");
  for (const view of dp.services.values()) {
    // ShouldSkipService: no ClusterIP (headless, ExternalName) means nothing to proxy.
    if (view.state.headless || !view.state.clusterIP || view.state.type === "ExternalName") continue;
    for (const port of view.ports) servicePortRules(dp, node, port, filter, nat, podCIDR);
  }
  nat.add("KUBE-SERVICES", {
    comment: "kubernetes service nodeports; NOTE: this must be the last rule in this chain",
    matches: ["-m addrtype --dst-type LOCAL"],
    target: "KUBE-NODEPORTS",
  });
  return [filter.table("filter"), nat.table("nat")];
}

/** proxier.go's per-service-port chains (KUBE-SVC-, KUBE-SVL-, KUBE-EXT-, KUBE-FW-) and per-endpoint KUBE-SEP-. */
const SERVICE_CHAIN = /^KUBE-(SVC|SVL|EXT|FW|SEP)-/;

/**
 * The lines of the tables that are one Service's: its rules in the shared chains (KUBE-SERVICES,
 * KUBE-NODEPORTS, KUBE-EXTERNAL-SERVICES, KUBE-PROXY-FIREWALL) and its own chains, as
 * iptables-save would list them with everything else left out. A table with none is left out.
 */
export function iptablesServiceTables(tables: readonly IptablesTable[], service: Ref): IptablesTable[] {
  return tables.flatMap((table) => {
    const rules = table.rules.filter((r) => r.service === service);
    const own = new Set(rules.map((r) => r.chain).filter((c) => SERVICE_CHAIN.test(c)));
    return rules.length > 0 ? [{ ...table, chains: table.chains.filter((c) => own.has(c)), rules }] : [];
  });
}

/** The tables as `iptables-save` prints them (only one Service's lines, when `service` says whose). */
export function renderIptablesSave(
  tables: readonly IptablesTable[],
  node: NodeState,
  mode: "iptables" | "ipvs" = "iptables",
  service?: Ref,
): string {
  const whose = service ? ` for ${service}` : "";
  const lines = [`# Generated by svclab for ${node.ref}: the rules kube-proxy (${mode} mode) writes${whose}`];
  for (const table of tables) {
    const builtin: readonly string[] = BUILTIN[table.name];
    lines.push(`*${table.name}`);
    for (const chain of table.chains)
      lines.push(`:${chain} ${builtin.includes(chain) ? "ACCEPT" : "-"} [0:0]`);
    for (const rule of table.rules) lines.push(rule.text);
    lines.push("COMMIT");
  }
  return `${lines.join("\n")}\n`;
}
