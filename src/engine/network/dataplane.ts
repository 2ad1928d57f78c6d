import { type CIDR, cidrContains, parseCIDR, parseIPv4 } from "../cluster/ip.ts";
import { announcingNodes, vipAddresses } from "../cluster/loadBalancerProviders.ts";
import type {
  Cluster,
  EndpointSliceState,
  NodeState,
  PodState,
  Ref,
  ServicePortState,
  ServiceState,
} from "../cluster/types.ts";
import { lbRef } from "../refs.ts";
import {
  type ChainProtocol,
  endpointChain,
  serviceChain,
  serviceExternalChain,
  serviceFirewallChain,
  serviceLocalChain,
  servicePortName,
} from "./chains.ts";
import type { DeclaredPort } from "./container-ports.ts";
import type { DnsResponse } from "./dns.ts";
import { buildGatewayPlane, type GatewayPlane } from "./gateway/plane.ts";
import { buildIngressPlane, type IngressPlane } from "./ingress/plane.ts";
import type { LoadBalancerPool } from "./load-balancer.ts";
import type { QueryPlan, ResolverAnswers } from "./resolver.ts";

export type Protocol = ServicePortState["protocol"];

/** One address:port behind a service port, as kube-proxy's endpoint cache holds it. */
export interface EndpointView {
  ip: string;
  port: number;
  /** "IP:port", the string kube-proxy sorts by and hashes into the KUBE-SEP chain name. */
  key: string;
  nodeName: string | undefined;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** The pod at this address, when it is one (by targetRef, else by IP). */
  pod: PodState | undefined;
  hostname: string | undefined;
  slice: EndpointSliceState;
  /** Index of the endpoint within its slice, for the field path `endpoints[i]`. */
  index: number;
  chain: string | undefined;
}

export interface ServiceView {
  state: ServiceState;
  /** "NS/NAME". */
  key: string;
  ports: ServicePortView[];
  /** `NAME.NS.svc.DOMAIN`, the Service's DNS name. */
  fqdn: string;
  /** Slices labelled kubernetes.io/service-name with this Service. */
  slices: EndpointSliceState[];
  /** externally accessible (proxy ServicePort.ExternallyAccessible): NodePort, LoadBalancer or externalIPs. */
  external: boolean;
}

/** One port of a Service, with kube-proxy's view of its endpoints. */
export interface ServicePortView {
  service: ServiceView;
  index: number;
  spec: ServicePortState;
  /** kube-proxy's ServicePortName: "NS/NAME:PORTNAME". */
  name: string;
  protocol: ChainProtocol;
  /** Every endpoint of this port, sorted by "IP:port" as the endpoint cache sorts them (byEndpoint). */
  endpoints: EndpointView[];
  /** topology.go CategorizeEndpoints: the ready endpoints, else the serving terminating ones. */
  clusterEndpoints: EndpointView[];
  /** Whether any endpoint is usable anywhere (CategorizeEndpoints' hasAnyEndpoints). */
  hasEndpoints: boolean;
  chains: { svc?: string; svl?: string; ext?: string; fw?: string };
}

/**
 * The cluster's data plane, indexed once so that a trace never scans every pod or Service:
 * addresses to the objects that own them, Service ports by each address:port they answer on, and
 * the endpoints of each Service port.
 */
export interface DataPlane {
  cluster: Cluster;
  nodes: Map<string, NodeState>;
  nodeByIP: Map<string, NodeState>;
  podByRef: Map<Ref, PodState>;
  /** Pods on the pod network (hostNetwork pods share their node's IP and are under hostPods). */
  podByIP: Map<string, PodState>;
  hostPods: Map<string, PodState[]>;
  services: Map<string, ServiceView>;
  serviceByRef: Map<Ref, ServiceView>;
  /** "IP:port/PROTO" of a ClusterIP port. */
  clusterIPPorts: Map<string, ServicePortView>;
  clusterIPs: Set<string>;
  /** "port/PROTO" of a nodePort, open on every node. */
  nodePorts: Map<string, ServicePortView>;
  /** Health-check nodePorts of LoadBalancer Services with externalTrafficPolicy Local. */
  healthCheckNodePorts: Map<number, ServiceView>;
  externalIPPorts: Map<string, ServicePortView>;
  /** The node an external IP is routed to (see externalIPHolder). */
  externalIPNodes: Map<string, ExternalIPHolder>;
  /** "IP:port/PROTO" of every load-balancer address: the ports each load balancer listens on. */
  loadBalancerPorts: Map<string, ServicePortView>;
  /**
   * "IP:port/PROTO" of the load-balancer addresses kube-proxy writes rules for: ipMode VIP only
   * (pkg/proxy/serviceport.go: an ingress IP with ipMode Proxy is not a load-balancer VIP).
   */
  loadBalancerVIPPorts: Map<string, ServicePortView>;
  /** Every load-balancer address, to its Service. */
  loadBalancers: Map<string, ServiceView>;
  /** The load-balancer addresses with ipMode VIP (kube-proxy's); the others are reached through the load balancer. */
  loadBalancerVIPs: Set<string>;
  routes: { cidr: CIDR; node: NodeState }[];
  serviceCIDR: CIDR | null;
  /** Upstream DNS: external host addresses, and the first name of each address for `external/HOST`. */
  externalHosts: Map<string, string>;
  externalHostByIP: Map<string, string>;
  /** `kube-system/kube-dns`, the nameserver the kubelet writes into pods' resolv.conf. */
  dnsService: ServiceView | undefined;
  /**
   * "IP:port" endpoints at a node's address with no pod behind them: host processes the simulator
   * cannot see but a Service lists (kube-apiserver behind default/kubernetes), taken to be listening.
   */
  hostEndpoints: Set<string>;
  /** Ingresses: the controller serving each, ingress-gce's load balancers, the hosts the outside DNS publishes. */
  ingress: IngressPlane;
  /** Gateway API: Envoy Gateway's proxies and what they route, the hosts the outside DNS publishes. */
  gateway: GatewayPlane;
  /** DataPlaneOptions.lbBackends. */
  lbBackends: ReadonlyMap<Ref, ReadonlySet<string>>;
  /** What routing works out on first use and keeps for the life of this data plane. */
  cache: DataPlaneCache;
}

/**
 * Every cache of the data plane, in one place and one style: a Map filled on first use (memo).
 * A data plane is one cluster state and never changes, so nothing in them goes stale; traffic asks
 * the same few questions again and again, and a new cluster state gets a new data plane.
 */
export interface DataPlaneCache {
  /** CoreDNS's `cache 30` (kubeadm's Corefile): answers by "TYPE NAME"; those `loadbalance` shuffles are not kept. */
  dnsAnswers: Map<string, DnsResponse>;
  /** The search list of each namespace's pods (dnsPolicy ClusterFirst). */
  searchLists: Map<string, string[]>;
  /** Per "TYPE NAMESPACE", per name as written: how the pod's resolver asks it. */
  queryPlans: Map<string, Map<string, QueryPlan>>;
  /** CoreDNS's answers to a query plan's names, when they are answers that never change (isStableAnswer). */
  resolverAnswers: Map<QueryPlan, ResolverAnswers>;
  /** Per node, per service port: this node's usable endpoints (CategorizeEndpoints' localEndpoints). */
  localEndpoints: Map<string, EndpointView[]>;
  /** packetKey's keys, by protocol, IP and port. */
  packetKeys: Map<Protocol, Map<string, Map<number, string>>>;
  /** The node whose pod CIDR holds an address, by address (routeFor). */
  routes: Map<string, NodeState | undefined>;
  /** The nodes a Service port's cloud load balancer sends to. */
  loadBalancerPools: Map<ServicePortView, LoadBalancerPool>;
  /** The declared container ports of a pod's containers list (pods of one template share it). */
  containerPorts: Map<PodState["containers"], DeclaredPort[]>;
}

/** The cached value for `key`, worked out by `compute` the first time it is asked for. */
export function memo<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined && !cache.has(key)) {
    value = compute();
    cache.set(key, value);
  }
  return value as V;
}

export interface DataPlaneOptions {
  /**
   * Per Service load balancer (`lb/NS/NAME`), the nodes it still sends to, as its health checks
   * have decided so far (a simulation over time: a failed node stays in the pool until the checks
   * eject it). Without an entry, a load balancer knows at once which nodes are healthy.
   */
  lbBackends?: ReadonlyMap<Ref, ReadonlySet<string>>;
}

export function portKey(ip: string, port: number, protocol: Protocol): string {
  return `${ip}:${port}/${protocol}`;
}

export function nodePortKey(port: number, protocol: Protocol): string {
  return `${port}/${protocol}`;
}

/**
 * The key a packet's destination is looked up by, in the port maps above (ip "" for nodePorts): kept
 * per data plane, because a key spelt afresh must be flattened and hashed at every lookup, which was
 * a tenth of a simulation's time; these nested lookups are by strings whose hash is already known.
 */
export function packetKey(dp: DataPlane, ip: string, port: number, protocol: Protocol): string {
  let byIP = dp.cache.packetKeys.get(protocol);
  if (!byIP) {
    byIP = new Map();
    dp.cache.packetKeys.set(protocol, byIP);
  }
  let byPort = byIP.get(ip);
  if (!byPort) {
    byPort = new Map();
    byIP.set(ip, byPort);
  }
  let key = byPort.get(port);
  if (key === undefined) {
    key = ip === "" ? nodePortKey(port, protocol) : portKey(ip, port, protocol);
    byPort.set(port, key);
  }
  return key;
}

/** The node an external IP reaches, and whether that node owns the address or the simulator assumed it. */
export interface ExternalIPHolder {
  node: NodeState;
  /** true: one of the node's status.addresses (InternalIP or ExternalIP) is the address. */
  owned: boolean;
}

/**
 * Which node an external IP reaches. Kubernetes does not route spec.externalIPs (Service docs,
 * "External IPs": "routed to one or more cluster nodes" by the administrator): the outside network
 * delivers the address to the node that has it, an InternalIP or ExternalIP in its status.addresses.
 * For an address no node has, the simulator assumes the administrator routed it to the first node,
 * and every trace through it says so.
 */
export function externalIPHolder(ip: string, nodes: readonly NodeState[]): ExternalIPHolder | undefined {
  const owner = nodes.find((n) => n.internalIP === ip || n.externalIPs.includes(ip));
  if (owner) return { node: owner, owned: true };
  return nodes[0] && { node: nodes[0], owned: false };
}

function refOf(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function endpointsOf(port: ServicePortView, dp: DataPlane): EndpointView[] {
  const seen = new Map<string, EndpointView>();
  for (const slice of port.service.slices) {
    if (slice.addressType !== "IPv4") continue;
    // The endpoint cache pairs a service port with the slice port of the same name and protocol.
    const slicePort = slice.ports.find(
      (p) => (p.name ?? "") === (port.spec.name ?? "") && p.protocol === port.spec.protocol,
    );
    if (!slicePort) continue;
    slice.endpoints.forEach((endpoint, index) => {
      for (const ip of endpoint.addresses) {
        const key = `${ip}:${slicePort.port}`;
        const previous = seen.get(key);
        if (previous?.ready) continue;
        const pod = (endpoint.targetRef && dp.podByRef.get(endpoint.targetRef)) || dp.podByIP.get(ip);
        seen.set(key, {
          ip,
          port: slicePort.port,
          key,
          nodeName: endpoint.nodeName ?? pod?.nodeName ?? undefined,
          ready: endpoint.conditions.ready,
          serving: endpoint.conditions.serving,
          terminating: endpoint.conditions.terminating,
          pod,
          hostname: endpoint.hostname,
          slice,
          index,
          chain: undefined,
        });
      }
    });
  }
  // endpointslicecache.go sorts each service port's endpoints by their "IP:port" string.
  return [...seen.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** topology.go CategorizeEndpoints: ready endpoints, falling back to serving-and-terminating ones. */
function usable(endpoints: readonly EndpointView[]): EndpointView[] {
  const ready = endpoints.filter((e) => e.ready);
  return ready.length > 0 ? ready : endpoints.filter((e) => e.serving && e.terminating);
}

function indexService(dp: DataPlane, service: ServiceState, slices: EndpointSliceState[]): ServiceView {
  const view: ServiceView = {
    state: service,
    key: refOf(service.namespace, service.name),
    ports: [],
    fqdn: `${service.name}.${service.namespace}.svc.${dp.cluster.settings.clusterDomain}`,
    slices,
    external:
      service.type === "NodePort" || service.type === "LoadBalancer" || service.externalIPs.length > 0,
  };
  view.ports = service.ports.map((spec, index) => {
    const port: ServicePortView = {
      service: view,
      index,
      spec,
      name: servicePortName(service.namespace, service.name, spec.name),
      protocol: spec.protocol.toLowerCase() as ChainProtocol,
      endpoints: [],
      clusterEndpoints: [],
      hasEndpoints: false,
      chains: {},
    };
    port.endpoints = endpointsOf(port, dp);
    for (const e of port.endpoints) if (!e.pod && dp.nodeByIP.has(e.ip)) dp.hostEndpoints.add(e.key);
    port.clusterEndpoints = usable(port.endpoints);
    port.hasEndpoints = port.clusterEndpoints.length > 0;
    return port;
  });
  return view;
}

function registerPorts(dp: DataPlane, view: ServiceView): void {
  const service = view.state;
  if (service.type === "ExternalName" || service.headless) return;
  const vips = vipAddresses(service);
  for (const port of view.ports) {
    const { protocol } = port.spec;
    if (service.clusterIP) dp.clusterIPPorts.set(portKey(service.clusterIP, port.spec.port, protocol), port);
    if (port.spec.nodePort) dp.nodePorts.set(nodePortKey(port.spec.nodePort, protocol), port);
    for (const ip of service.externalIPs) dp.externalIPPorts.set(portKey(ip, port.spec.port, protocol), port);
    for (const ip of service.loadBalancerIPs) {
      dp.loadBalancerPorts.set(portKey(ip, port.spec.port, protocol), port);
    }
    for (const ip of vips) dp.loadBalancerVIPPorts.set(portKey(ip, port.spec.port, protocol), port);
  }
  if (service.clusterIP) dp.clusterIPs.add(service.clusterIP);
  for (const ip of service.externalIPs) {
    const holder = externalIPHolder(ip, dp.cluster.nodes);
    if (holder) dp.externalIPNodes.set(ip, holder);
  }
  for (const ip of service.loadBalancerIPs) dp.loadBalancers.set(ip, view);
  for (const ip of vips) dp.loadBalancerVIPs.add(ip);
  if (service.healthCheckNodePort) dp.healthCheckNodePorts.set(service.healthCheckNodePort, view);
}

/**
 * The nodes each load balancer sends to, as the options give them (a simulation's health checks
 * and announcements so far), else, for the providers that announce addresses (MetalLB), the nodes
 * announcing once the speakers have noticed every failed node.
 */
function announcedBackends(
  cluster: Cluster,
  given: ReadonlyMap<Ref, ReadonlySet<string>> | undefined,
): ReadonlyMap<Ref, ReadonlySet<string>> {
  const out = new Map(given);
  for (const service of cluster.services) {
    if (service.type !== "LoadBalancer") continue;
    const lb = lbRef(service.namespace, service.name);
    if (out.has(lb)) continue;
    const nodes = announcingNodes(
      cluster.settings.loadBalancerProvider,
      service,
      cluster.nodes,
      cluster.endpointSlices,
      (n) => !n.failed,
    );
    if (nodes) out.set(lb, new Set(nodes));
  }
  return out;
}

export function createDataPlane(cluster: Cluster, options: DataPlaneOptions = {}): DataPlane {
  const dp: DataPlane = {
    cluster,
    lbBackends: announcedBackends(cluster, options.lbBackends),
    nodes: new Map(cluster.nodes.map((n) => [n.name, n])),
    nodeByIP: new Map(cluster.nodes.map((n) => [n.internalIP, n])),
    podByRef: new Map(),
    podByIP: new Map(),
    hostPods: new Map(),
    services: new Map(),
    serviceByRef: new Map(),
    clusterIPPorts: new Map(),
    clusterIPs: new Set(),
    nodePorts: new Map(),
    healthCheckNodePorts: new Map(),
    externalIPPorts: new Map(),
    externalIPNodes: new Map(),
    loadBalancerPorts: new Map(),
    loadBalancerVIPPorts: new Map(),
    loadBalancers: new Map(),
    loadBalancerVIPs: new Set(),
    routes: cluster.nodes.flatMap((node) => {
      const cidr = parseCIDR(node.podCIDR);
      return cidr ? [{ cidr, node }] : [];
    }),
    serviceCIDR: parseCIDR(cluster.settings.serviceCIDR),
    externalHosts: new Map(
      Object.entries(cluster.settings.externalHosts).map(([h, ip]) => [h.toLowerCase(), ip]),
    ),
    externalHostByIP: new Map(),
    hostEndpoints: new Set(),
    dnsService: undefined,
    cache: {
      dnsAnswers: new Map(),
      searchLists: new Map(),
      queryPlans: new Map(),
      resolverAnswers: new Map(),
      localEndpoints: new Map(),
      packetKeys: new Map(),
      routes: new Map(),
      loadBalancerPools: new Map(),
      containerPorts: new Map(),
    },
    ingress: buildIngressPlane(cluster),
    gateway: buildGatewayPlane(cluster),
  };
  // The outside DNS answers a load balancer's name (an AWS NLB's) with the address behind it.
  for (const service of cluster.services) {
    const ip = service.loadBalancerIPs[0];
    for (const { hostname } of service.loadBalancerIngress)
      if (hostname && ip && !dp.externalHosts.has(hostname)) dp.externalHosts.set(hostname, ip);
  }
  for (const [host, ip] of dp.externalHosts)
    if (!dp.externalHostByIP.has(ip)) dp.externalHostByIP.set(ip, host);
  for (const pod of cluster.pods) {
    dp.podByRef.set(pod.ref, pod);
    if (!pod.podIP || !pod.nodeName) continue;
    if (pod.hostNetwork) {
      const list = dp.hostPods.get(pod.nodeName) ?? [];
      list.push(pod);
      dp.hostPods.set(pod.nodeName, list);
    } else {
      dp.podByIP.set(pod.podIP, pod);
    }
  }
  const slicesByService = new Map<Ref, EndpointSliceState[]>();
  for (const slice of cluster.endpointSlices) {
    const list = slicesByService.get(slice.service) ?? [];
    list.push(slice);
    slicesByService.set(slice.service, list);
  }
  for (const service of cluster.services) {
    const view = indexService(dp, service, slicesByService.get(service.ref) ?? []);
    dp.services.set(view.key, view);
    dp.serviceByRef.set(service.ref, view);
    registerPorts(dp, view);
  }
  dp.dnsService = dp.services.get("kube-system/kube-dns");
  return dp;
}

/** CategorizeEndpoints' localEndpoints for one node: its ready endpoints, else its serving terminating ones. */
export function localEndpointsOf(dp: DataPlane, port: ServicePortView, nodeName: string): EndpointView[] {
  const key = `${nodeName}|${port.name}/${port.protocol}`;
  return memo(dp.cache.localEndpoints, key, () =>
    usable(port.endpoints.filter((e) => e.nodeName === nodeName)),
  );
}

/** The node whose pod CIDR holds an address (the route a CNI installs per node). */
export function routeFor(dp: DataPlane, ip: string): NodeState | undefined {
  return memo(dp.cache.routes, ip, () => {
    const value = parseIPv4(ip);
    return value === null ? undefined : dp.routes.find((r) => cidrContains(r.cidr, value))?.node;
  });
}

export function inServiceCIDR(dp: DataPlane, ip: string): boolean {
  const value = parseIPv4(ip);
  return value !== null && dp.serviceCIDR !== null && cidrContains(dp.serviceCIDR, value);
}

export function svcChainOf(port: ServicePortView): string {
  port.chains.svc ??= serviceChain(port.name, port.protocol);
  return port.chains.svc;
}

export function svlChainOf(port: ServicePortView): string {
  port.chains.svl ??= serviceLocalChain(port.name, port.protocol);
  return port.chains.svl;
}

export function extChainOf(port: ServicePortView): string {
  port.chains.ext ??= serviceExternalChain(port.name, port.protocol);
  return port.chains.ext;
}

export function fwChainOf(port: ServicePortView): string {
  port.chains.fw ??= serviceFirewallChain(port.name, port.protocol);
  return port.chains.fw;
}

export function sepChainOf(port: ServicePortView, endpoint: EndpointView): string {
  endpoint.chain ??= endpointChain(port.name, port.protocol, endpoint.key);
  return endpoint.chain;
}
