import { parseIPv4 } from "../cluster/ip.ts";
import type { Ref } from "../cluster/types.ts";
import type { Random } from "../random.ts";
import type { DataPlane, ServicePortView, ServiceView } from "./dataplane.ts";
import { publishedGatewayHost } from "./gateway/plane.ts";
import { publishedHost } from "./ingress/plane.ts";

export type RecordType = "A" | "AAAA" | "CNAME" | "SRV" | "PTR" | "TXT";
/** The record types a lookup can ask for (`svclab dns --type`). */
export const QUERY_TYPES: readonly RecordType[] = ["A", "AAAA", "SRV", "PTR", "TXT", "CNAME"];
export type Rcode = "NOERROR" | "NXDOMAIN";

export interface DnsAnswer {
  /** Owner name, fully qualified, without the trailing dot. */
  name: string;
  type: RecordType;
  /** A: the address; CNAME and PTR: the target name; SRV: "priority weight port target"; TXT: the text. */
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
/**
 * The schema version CoreDNS's kubernetes plugin publishes at `dns-version.DOMAIN` (TXT, TTL 28800;
 * kubernetes/dns docs/specification.md 2.1, coredns plugin/kubernetes handler_test.go).
 */
const DNS_SCHEMA_VERSION = "1.1.0";
const DNS_VERSION_TTL = 28800;

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
/** The name exists but has no record of the type asked (NODATA: NOERROR with an empty answer). */
const NODATA: DnsResponse = { rcode: "NOERROR", answers: [], from: "cluster" };

/** An answer to another type turned into this type's: NODATA where the name exists, NXDOMAIN where not. */
function noRecordsOfType(exists: DnsResponse): DnsResponse {
  return exists.rcode === "NOERROR" ? NODATA : NX;
}

/** What the upstream resolver answers: the simulated table of external hosts (IPv4 only: AAAA is NODATA). */
export function upstreamLookup(dp: DataPlane, name: string, type: RecordType = "A"): DnsResponse {
  const a = upstreamA(dp, name);
  return type === "A" || a.rcode === "NXDOMAIN" ? a : { ...a, answers: [] };
}

function upstreamA(dp: DataPlane, name: string): DnsResponse {
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
function headlessEndpoints(
  view: ServiceView,
  notReadyToo = view.state.publishNotReadyAddresses,
): DnsEndpoint[] {
  const seen = new Map<string, DnsEndpoint>();
  for (const slice of view.slices) {
    if (slice.addressType !== "IPv4") continue;
    for (const endpoint of slice.endpoints) {
      if (!endpoint.conditions.ready && !notReadyToo) continue;
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
  type: RecordType,
  random: Random,
  depth: number,
): DnsResponse {
  const service = view.state;
  if (service.type === "ExternalName" && service.externalName) {
    // A CNAME to spec.externalName; CoreDNS then resolves the target (for the type asked) and adds its records.
    const target = service.externalName.toLowerCase().replace(/\.$/, "");
    const cname: DnsAnswer = { name, type: "CNAME", data: target, ttl: CLUSTER_TTL };
    const cause = { object: service.ref, field: "spec.externalName" };
    if (type === "CNAME") return { rcode: "NOERROR", answers: [cname], from: "cluster", cause };
    const next = resolveAbsolute(dp, target, type, random, depth + 1);
    return { rcode: next.rcode, answers: [cname, ...next.answers], from: "cluster", cause };
  }
  const addresses = service.headless
    ? headlessEndpoints(view).map((e) => e.ip)
    : service.clusterIP
      ? [service.clusterIP]
      : [];
  // A headless Service with no endpoints to publish has no name (coredns: errNoItems).
  if (addresses.length === 0) return NX;
  if (type !== "A") return NODATA;
  const answers = addresses.map((ip): DnsAnswer => ({ name, type: "A", data: ip, ttl: CLUSTER_TTL }));
  return {
    rcode: "NOERROR",
    answers: service.headless ? shuffle(answers, random) : answers,
    from: "cluster",
    cause: { object: service.ref, field: "spec.clusterIP" },
  };
}

interface SrvTarget {
  port: number;
  target: string;
}

/**
 * CoreDNS's SRV answer (plugin/backend_lookup.go SRV): the weight 100 is split over every record
 * found, then a record whose target and port repeat an earlier one's is dropped, so a hostname that
 * several endpoints share is listed once (handler_test.go: `dup-name`, five records of weight 16).
 */
function srvAnswer(name: string, targets: SrvTarget[], cause: DnsResponse["cause"]): DnsResponse {
  const weight = Math.floor(100 / targets.length);
  const seen = new Set<string>();
  const answers: DnsAnswer[] = [];
  for (const t of targets) {
    const data = `0 ${weight} ${t.port} ${t.target}`;
    if (seen.has(data)) continue;
    seen.add(data);
    answers.push({ name, type: "SRV", data, ttl: CLUSTER_TTL });
  }
  return { rcode: "NOERROR", answers, from: "cluster", ...(cause ? { cause } : {}) };
}

/** The SRV targets of a Service's ports: its own name for a ClusterIP, each endpoint's name when headless. */
function srvTargets(view: ServiceView, ports: readonly ServicePortView[]): SrvTarget[] {
  const service = view.state;
  if (!service.headless) return ports.map((p) => ({ port: p.spec.port, target: view.fqdn }));
  // Headless: one SRV per endpoint, at the endpoint's port.
  return ports.flatMap((p) =>
    p.endpoints
      .filter((e) => e.ready || service.publishNotReadyAddresses)
      .map((e) => ({ port: e.port, target: `${e.hostname ?? dashed(e.ip)}.${view.fqdn}` })),
  );
}

/** `_PORT._PROTO.SVC.NS.svc`: the named port's SRV records (spec 2.4.2 and 2.5.2). */
function servicePortSRV(view: ServiceView, portLabel: string, protoLabel: string, name: string): DnsResponse {
  const portName = portLabel.slice(1);
  const protocol = protoLabel.slice(1);
  const port = view.ports.find((p) => p.spec.name === portName && p.protocol === protocol);
  if (!port || view.state.type === "ExternalName") return NX;
  const targets = srvTargets(view, [port]);
  if (targets.length === 0) return NX;
  return srvAnswer(name, targets, { object: view.state.ref, field: `spec.ports[${port.index}].name` });
}

/** `SVC.NS.svc` asked for SRV: every port, named or not (coredns handler_test.go: `svc1` SRV → `0 100 80 svc1...`). */
function serviceSRV(
  dp: DataPlane,
  view: ServiceView,
  name: string,
  random: Random,
  depth: number,
): DnsResponse {
  const exists = serviceA(dp, view, name, "A", random, depth);
  if (exists.rcode !== "NOERROR" || view.state.type === "ExternalName") return noRecordsOfType(exists);
  const targets = srvTargets(view, view.ports);
  if (targets.length === 0) return NODATA;
  return srvAnswer(name, targets, { object: view.state.ref, field: "spec.ports" });
}

/** Whether the namespace exists: CoreDNS answers NODATA for `NS.svc.DOMAIN` then, NXDOMAIN otherwise. */
function namespaceExists(dp: DataPlane, namespace: string): boolean {
  return dp.cluster.namespaces.includes(namespace);
}

/**
 * What CoreDNS's kubernetes plugin answers for a name in the cluster domain (kubernetes/dns
 * docs/specification.md): `SVC.NS.svc` (A, or CNAME for ExternalName; SRV per port),
 * `HOST.SVC.NS.svc` for a headless Service's endpoints, `_PORT._PROTO.SVC.NS.svc` (SRV),
 * `A-B-C-D.NS.pod` (`pods insecure`) and `dns-version` (TXT). Names that exist only as parents of
 * others (the zone, `svc`, `pod`, `NS.svc`) have no records: NOERROR with no answer (handler_test.go).
 * The cluster is IPv4 only, so AAAA is NODATA wherever A has an answer.
 */
function clusterLookup(
  dp: DataPlane,
  name: string,
  labels: string[],
  type: RecordType,
  random: Random,
  depth: number,
): DnsResponse {
  const n = labels.length;
  if (n === 0) return NODATA;
  if (n === 1 && labels[0] === "dns-version") {
    if (type !== "TXT") return NODATA;
    const answers: DnsAnswer[] = [{ name, type: "TXT", data: DNS_SCHEMA_VERSION, ttl: DNS_VERSION_TTL }];
    return { rcode: "NOERROR", answers, from: "cluster" };
  }
  const kind = labels[n - 1];
  if (kind !== "svc" && kind !== "pod") return NX;
  if (n === 1) return NODATA;
  if (n === 2) return namespaceExists(dp, labels[0] ?? "") ? NODATA : NX;
  if (kind === "pod") {
    if (n !== 3) return NX;
    const ip = (labels[0] ?? "").replaceAll("-", ".");
    if (parseIPv4(ip) === null) return NX;
    if (type !== "A") return NODATA;
    return { rcode: "NOERROR", answers: [{ name, type: "A", data: ip, ttl: CLUSTER_TTL }], from: "cluster" };
  }
  const view = dp.services.get(`${labels[n - 2]}/${labels[n - 3]}`);
  if (!view) return NX;
  if (n === 3) {
    if (type === "SRV") return serviceSRV(dp, view, name, random, depth);
    return serviceA(dp, view, name, type, random, depth);
  }
  if (n === 5 && labels[0]?.startsWith("_") && labels[1]?.startsWith("_")) {
    const srv = servicePortSRV(view, labels[0], labels[1], name);
    return type === "SRV" ? srv : noRecordsOfType(srv);
  }
  if (n === 4 && view.state.headless) {
    const label = labels[0];
    const addresses = headlessEndpoints(view).filter((e) => e.label === label);
    if (addresses.length === 0) return NX;
    if (type !== "A") return NODATA;
    return {
      rcode: "NOERROR",
      answers: addresses.map((e): DnsAnswer => ({ name, type: "A", data: e.ip, ttl: CLUSTER_TTL })),
      from: "cluster",
      cause: { object: view.state.ref, field: "spec.clusterIP" },
    };
  }
  return NX;
}

const REVERSE_ZONE = "in-addr.arpa";

/** `D.C.B.A.in-addr.arpa` → `A.B.C.D`, or null when the name is not a whole IPv4 address. */
function reverseAddress(name: string): string | null {
  const labels = name.slice(0, -REVERSE_ZONE.length - 1).split(".");
  if (labels.length !== 4) return null;
  const ip = labels.reverse().join(".");
  return parseIPv4(ip) === null ? null : ip;
}

/**
 * PTR as CoreDNS's kubernetes plugin answers it in the default Corefile (`kubernetes cluster.local
 * in-addr.arpa ip6.arpa`; plugin/kubernetes/reverse.go): a Service's ClusterIP names the Service; any
 * other address names each ready endpoint that has it, `HOST.SVC.NS.svc.DOMAIN` (HOST the endpoint's
 * hostname, else its address with dashes). Other addresses fall through to the upstream (NXDOMAIN).
 */
function reverseLookup(dp: DataPlane, name: string, type: RecordType): DnsResponse {
  const ip = reverseAddress(name);
  if (ip === null) return { rcode: "NXDOMAIN", answers: [], from: "upstream" };
  const ptr = (target: string, object: Ref, field: string): DnsResponse => ({
    rcode: "NOERROR",
    answers: [{ name, type: "PTR", data: target, ttl: CLUSTER_TTL }],
    from: "cluster",
    cause: { object, field },
  });
  const targets: DnsAnswer[] = [];
  let cause: DnsResponse["cause"];
  for (const view of dp.services.values()) {
    if (view.state.clusterIP === ip)
      return type === "PTR" ? ptr(view.fqdn, view.state.ref, "spec.clusterIP") : NODATA;
    for (const e of headlessEndpoints(view, false)) {
      if (e.ip !== ip) continue;
      targets.push({ name, type: "PTR", data: `${e.label}.${view.fqdn}`, ttl: CLUSTER_TTL });
      cause ??= { object: view.state.ref, field: "spec.selector" };
    }
  }
  if (targets.length === 0) return { rcode: "NXDOMAIN", answers: [], from: "upstream" };
  if (type !== "PTR") return NODATA;
  return { rcode: "NOERROR", answers: targets, from: "cluster", ...(cause ? { cause } : {}) };
}

/** Answers one absolute name as CoreDNS does: the cluster domain itself, anything else forwarded upstream. */
export function resolveAbsolute(
  dp: DataPlane,
  rawName: string,
  type: RecordType,
  random: Random,
  depth = 0,
): DnsResponse {
  const key = `${type} ${rawName}`;
  const cached = dp.cache.dnsAnswers.get(key);
  if (cached) return cached;
  const response = answer(dp, rawName, type, random, depth);
  if (isStableAnswer(response)) dp.cache.dnsAnswers.set(key, response);
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
  type: RecordType,
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
  if (name.endsWith(`.${REVERSE_ZONE}`)) return reverseLookup(dp, name, type);
  if (type !== "A" && type !== "AAAA") return { rcode: "NXDOMAIN", answers: [], from: "upstream" };
  return upstreamLookup(dp, name, type);
}
