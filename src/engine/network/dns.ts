import { parseIPv4 } from "../cluster/ip.ts";
import type { Ref } from "../cluster/types.ts";
import type { Random } from "../random.ts";
import type { DataPlane, ServicePortView, ServiceView } from "./dataplane.ts";
import { publishedGatewayHost } from "./gateway/plane.ts";
import { publishedHost } from "./ingress/plane.ts";

export type RecordType = "A" | "CNAME" | "SRV";
export type Rcode = "NOERROR" | "NXDOMAIN";

export interface DnsAnswer {
  /** Owner name, fully qualified, without the trailing dot. */
  name: string;
  type: RecordType;
  /** A: the address; CNAME: the target; SRV: "priority weight port target". */
  data: string;
  ttl: number;
}

export interface DnsResponse {
  rcode: Rcode;
  answers: DnsAnswer[];
  /** Who answered: CoreDNS's kubernetes plugin, or the upstream it forwards other names to. */
  from: "cluster" | "upstream";
  /** The manifest field behind the answer, when a cluster object made it. */
  cause?: { object: Ref; field: string };
}

/**
 * The upstream resolver that nodes, the external client and CoreDNS's `forward` plugin ask: an
 * address invented by the simulator (TEST-NET-1), answering from settings.externalHosts.
 */
export const UPSTREAM_DNS_IP = "192.0.2.53";
/** kubelet's resolv.conf for dnsPolicy ClusterFirst: `options ndots:5`. */
export const NDOTS = 5;
/** The TTL kubeadm's Corefile sets for the kubernetes plugin (`ttl 30`). */
const CLUSTER_TTL = 30;
/** The simulated upstream's TTL: a simulator choice. */
const UPSTREAM_TTL = 300;
/** How many CNAMEs CoreDNS follows before it gives up: a simulator choice, well above real chains. */
const MAX_CNAME_DEPTH = 8;

/** The search list the kubelet writes for a pod in `namespace` (dnsPolicy ClusterFirst). */
export function searchList(namespace: string, domain: string): string[] {
  return [`${namespace}.svc.${domain}`, `svc.${domain}`, domain];
}

/**
 * The names a stub resolver tries, in order (resolv.conf(5)): a name ending in a dot is absolute and
 * tried alone; one with at least `ndots` dots is tried as is first, then with each search domain;
 * any other goes through the search list first and is tried as is last.
 */
export function searchCandidates(rawName: string, search: readonly string[], ndots = NDOTS): string[] {
  const name = rawName.toLowerCase();
  if (name.endsWith(".")) return [name.slice(0, -1)];
  let dots = 0;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 46) dots++;
  const searched = search.map((domain) => `${name}.${domain}`);
  return dots >= ndots ? [name, ...searched] : [...searched, name];
}

const NX: DnsResponse = { rcode: "NXDOMAIN", answers: [], from: "cluster" };

/** What the upstream resolver answers: the simulated table of external hosts. */
export function upstreamLookup(dp: DataPlane, name: string): DnsResponse {
  // external-dns publishes each served Ingress's (and Gateway's) hosts at its address; they win over the fixed table.
  const published = publishedHost(dp.ingress, name) ?? publishedGatewayHost(dp.gateway, name);
  if (published) {
    return {
      rcode: "NOERROR",
      answers: [{ name, type: "A", data: published.ip, ttl: UPSTREAM_TTL }],
      from: "upstream",
      cause: { object: published.ingress, field: published.field },
    };
  }
  const ip = dp.externalHosts.get(name);
  return ip
    ? { rcode: "NOERROR", answers: [{ name, type: "A", data: ip, ttl: UPSTREAM_TTL }], from: "upstream" }
    : { rcode: "NXDOMAIN", answers: [], from: "upstream" };
}

/** CoreDNS names an endpoint without a hostname by its address with dashes (endpointHostname). */
function dashed(ip: string): string {
  return ip.replaceAll(".", "-");
}

interface DnsEndpoint {
  ip: string;
  /** The label this endpoint answers under below the Service's name. */
  label: string;
}

/** The endpoints DNS publishes for a headless Service: ready ones, or all with publishNotReadyAddresses. */
function headlessEndpoints(view: ServiceView): DnsEndpoint[] {
  const seen = new Map<string, DnsEndpoint>();
  for (const slice of view.slices) {
    if (slice.addressType !== "IPv4") continue;
    for (const endpoint of slice.endpoints) {
      if (!endpoint.conditions.ready && !view.state.publishNotReadyAddresses) continue;
      for (const ip of endpoint.addresses) {
        if (!seen.has(ip)) seen.set(ip, { ip, label: endpoint.hostname ?? dashed(ip) });
      }
    }
  }
  return [...seen.values()];
}

/** CoreDNS's `loadbalance` plugin (in the default Corefile) shuffles A records in every answer. */
function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

function serviceA(
  dp: DataPlane,
  view: ServiceView,
  name: string,
  random: Random,
  depth: number,
): DnsResponse {
  const service = view.state;
  if (service.type === "ExternalName" && service.externalName) {
    // A CNAME to spec.externalName; CoreDNS then resolves the target and adds its records.
    const target = service.externalName.toLowerCase().replace(/\.$/, "");
    const cname: DnsAnswer = { name, type: "CNAME", data: target, ttl: CLUSTER_TTL };
    const next = resolveAbsolute(dp, target, "A", random, depth + 1);
    return {
      rcode: next.rcode,
      answers: [cname, ...next.answers],
      from: "cluster",
      cause: { object: service.ref, field: "spec.externalName" },
    };
  }
  if (service.headless) {
    const answers = headlessEndpoints(view).map(
      (e): DnsAnswer => ({ name, type: "A", data: e.ip, ttl: CLUSTER_TTL }),
    );
    if (answers.length === 0) return NX;
    return {
      rcode: "NOERROR",
      answers: shuffle(answers, random),
      from: "cluster",
      cause: { object: service.ref, field: "spec.clusterIP" },
    };
  }
  if (!service.clusterIP) return NX;
  return {
    rcode: "NOERROR",
    answers: [{ name, type: "A", data: service.clusterIP, ttl: CLUSTER_TTL }],
    from: "cluster",
    cause: { object: service.ref, field: "spec.clusterIP" },
  };
}

function serviceSRV(view: ServiceView, portLabel: string, protoLabel: string, name: string): DnsResponse {
  const portName = portLabel.slice(1);
  const protocol = protoLabel.slice(1);
  const port: ServicePortView | undefined = view.ports.find(
    (p) => p.spec.name === portName && p.protocol === protocol,
  );
  const service = view.state;
  if (!port || service.type === "ExternalName") return NX;
  const cause = { object: service.ref, field: `spec.ports[${port.index}].name` };
  if (!service.headless) {
    return {
      rcode: "NOERROR",
      answers: [{ name, type: "SRV", data: `0 100 ${port.spec.port} ${view.fqdn}`, ttl: CLUSTER_TTL }],
      from: "cluster",
      cause,
    };
  }
  // Headless: one SRV per endpoint, at the endpoint's port; CoreDNS splits the weight 100 between them.
  const targets = port.endpoints.filter((e) => e.ready || service.publishNotReadyAddresses);
  if (targets.length === 0) return NX;
  const weight = Math.floor(100 / targets.length);
  return {
    rcode: "NOERROR",
    answers: targets.map((e) => ({
      name,
      type: "SRV" as const,
      data: `0 ${weight} ${e.port} ${e.hostname ?? dashed(e.ip)}.${view.fqdn}`,
      ttl: CLUSTER_TTL,
    })),
    from: "cluster",
    cause,
  };
}

/**
 * What CoreDNS's kubernetes plugin answers for a name in the cluster domain (kubernetes/dns
 * docs/specification.md): `SVC.NS.svc` (A, or CNAME for ExternalName), `HOST.SVC.NS.svc` for a
 * headless Service's endpoints, `_PORT._PROTO.SVC.NS.svc` (SRV) and `A-B-C-D.NS.pod` (`pods insecure`).
 */
function clusterLookup(
  dp: DataPlane,
  name: string,
  labels: string[],
  type: "A" | "SRV",
  random: Random,
  depth: number,
): DnsResponse {
  const n = labels.length;
  if (labels[n - 1] === "pod" && n === 3 && type === "A") {
    const ip = (labels[0] ?? "").replaceAll("-", ".");
    return parseIPv4(ip) === null
      ? NX
      : { rcode: "NOERROR", answers: [{ name, type: "A", data: ip, ttl: CLUSTER_TTL }], from: "cluster" };
  }
  if (labels[n - 1] !== "svc" || n < 3) return NX;
  const view = dp.services.get(`${labels[n - 2]}/${labels[n - 3]}`);
  if (!view) return NX;
  if (n === 3) return type === "A" ? serviceA(dp, view, name, random, depth) : NX;
  if (n === 5 && type === "SRV" && labels[0]?.startsWith("_") && labels[1]?.startsWith("_")) {
    return serviceSRV(view, labels[0], labels[1], name);
  }
  if (n === 4 && type === "A" && view.state.headless) {
    const label = labels[0];
    const answers = headlessEndpoints(view)
      .filter((e) => e.label === label)
      .map((e): DnsAnswer => ({ name, type: "A", data: e.ip, ttl: CLUSTER_TTL }));
    if (answers.length === 0) return NX;
    return {
      rcode: "NOERROR",
      answers,
      from: "cluster",
      cause: { object: view.state.ref, field: "spec.clusterIP" },
    };
  }
  return NX;
}

/** Answers one absolute name as CoreDNS does: the cluster domain itself, anything else forwarded upstream. */
export function resolveAbsolute(
  dp: DataPlane,
  rawName: string,
  type: "A" | "SRV",
  random: Random,
  depth = 0,
): DnsResponse {
  const key = `${type} ${rawName}`;
  const cached = dp.dnsCache.get(key);
  if (cached) return cached;
  const response = answer(dp, rawName, type, random, depth);
  if (isStableAnswer(response)) dp.dnsCache.set(key, response);
  return response;
}

/** With one address or none, `loadbalance` has nothing to shuffle and the answer never changes. */
export function isStableAnswer(response: DnsResponse): boolean {
  let addresses = 0;
  for (const a of response.answers) if (a.type === "A") addresses++;
  return addresses <= 1;
}

function answer(
  dp: DataPlane,
  rawName: string,
  type: "A" | "SRV",
  random: Random,
  depth: number,
): DnsResponse {
  const name = rawName.toLowerCase().replace(/\.$/, "");
  if (depth > MAX_CNAME_DEPTH) return { rcode: "NXDOMAIN", answers: [], from: "cluster" };
  const domain = dp.cluster.settings.clusterDomain;
  if (name === domain || name.endsWith(`.${domain}`)) {
    const labels = name === domain ? [] : name.slice(0, -domain.length - 1).split(".");
    return clusterLookup(dp, name, labels, type, random, depth);
  }
  if (type === "SRV") return { rcode: "NXDOMAIN", answers: [], from: "upstream" };
  return upstreamLookup(dp, name);
}

/** The search list for pods of `namespace`, and how the kubelet's resolv.conf reads, built once per data plane. */
export function podResolvConf(
  dp: DataPlane,
  namespace: string,
  nameserver: string,
): { search: string[]; text: string } {
  let conf = dp.searchLists.get(namespace);
  if (!conf) {
    const search = searchList(namespace, dp.cluster.settings.clusterDomain);
    conf = {
      search,
      text: `resolv.conf nameserver ${nameserver}, search ${search.join(" ")}, options ndots:${NDOTS}`,
    };
    dp.searchLists.set(namespace, conf);
  }
  return conf;
}
