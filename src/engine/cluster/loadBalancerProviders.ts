import { fnv32a } from "./hash.ts";
import type {
  EndpointSliceState,
  LoadBalancerIngress,
  LoadBalancerProvider,
  NodeState,
  ServiceState,
} from "./types.ts";

/**
 * How traffic for a load-balancer address reaches the nodes:
 * - `health-checked`: a cloud load balancer spreads connections over the nodes its health checks pass;
 * - `l2-leader`: one elected speaker node answers ARP for the address, every packet enters there;
 * - `bgp-ecmp`: each announcing node advertises a route, the router spreads flows over them (ECMP);
 * - `localhost`: the host's localhost port is forwarded into the one node (Docker Desktop's vpnkit);
 * - `proxy`: a proxy container in front of the nodes (cloud-provider-kind's Envoy), ipMode Proxy;
 * - `tunnel`: the host routes the Service CIDR to the node (minikube tunnel);
 * - `none`: no load balancer ever comes.
 */
export type LoadBalancerEntry =
  | "health-checked"
  | "l2-leader"
  | "bgp-ecmp"
  | "localhost"
  | "proxy"
  | "tunnel"
  | "none";

export interface ProviderBehaviour {
  entry: LoadBalancerEntry;
  /**
   * Where the address comes from: settings.loadBalancerCIDR (`pool`), a pool of the provider's own
   * (a CIDR), the Service's ClusterIP, `localhost`, a DNS name, or nothing.
   */
  address: "pool" | { cidr: string } | "clusterIP" | "localhost" | "hostname" | "none";
  ipMode: "VIP" | "Proxy";
  /** Where the behaviour is documented. */
  source: string;
}

/** Every provider's behaviour, from its documentation or source (cited per entry). */
export const LOAD_BALANCER_PROVIDERS: Readonly<Record<LoadBalancerProvider, ProviderBehaviour>> = {
  // cloud-provider-gcp gce_loadbalancer_external.go: a regional forwarding rule's IP, health-checked nodes.
  gcp: { entry: "health-checked", address: "pool", ipMode: "VIP", source: "cloud-provider-gcp" },
  // AWS Load Balancer Controller (service/nlb): the NLB has a DNS name, not an IP, in status.
  aws: {
    entry: "health-checked",
    address: "hostname",
    ipMode: "VIP",
    source: "aws-load-balancer-controller",
  },
  // metallb.universe.tf/concepts/layer2: "all traffic for a service IP goes to one node".
  "metallb-l2": { entry: "l2-leader", address: "pool", ipMode: "VIP", source: "MetalLB layer 2 mode" },
  // metallb.universe.tf/concepts/bgp: each node advertises the IP, the router load-balances (ECMP).
  "metallb-bgp": { entry: "bgp-ecmp", address: "pool", ipMode: "VIP", source: "MetalLB BGP mode" },
  // docs.docker.com Docker Desktop Kubernetes: LoadBalancer Services are published on localhost.
  "docker-desktop": {
    entry: "localhost",
    address: "localhost",
    ipMode: "VIP",
    source: "Docker Desktop",
  },
  // sigs.k8s.io/cloud-provider-kind pkg/loadbalancer/server.go: an Envoy container on the "kind"
  // docker network, its IP in status with IPMode Proxy.
  kind: {
    entry: "proxy",
    address: { cidr: "172.18.0.0/24" },
    ipMode: "Proxy",
    source: "cloud-provider-kind",
  },
  // minikube.sigs.k8s.io/docs/commands/tunnel: "sets their Ingress to their ClusterIP".
  minikube: { entry: "tunnel", address: "clusterIP", ipMode: "VIP", source: "minikube tunnel" },
  none: { entry: "none", address: "none", ipMode: "VIP", source: "no load-balancer controller" },
};

export const LOAD_BALANCER_PROVIDER_NAMES = Object.keys(LOAD_BALANCER_PROVIDERS) as LoadBalancerProvider[];

export function isLoadBalancerProvider(value: unknown): value is LoadBalancerProvider {
  return typeof value === "string" && Object.hasOwn(LOAD_BALANCER_PROVIDERS, value);
}

/**
 * The DNS name the AWS Load Balancer Controller gives a Service's NLB: `k8s-NS-NAME-HASH` (each part
 * cut to 8 characters, a 10-character hash) under the region's elb domain. The hash here is FNV-1a
 * (a simulator choice: the controller hashes with SHA-256).
 */
export function awsLoadBalancerHostname(namespace: string, name: string): string {
  const hash = fnv32a(`${namespace}/${name}`).toString(16).padStart(10, "0");
  return `k8s-${namespace.slice(0, 8)}-${name.slice(0, 8)}-${hash}.elb.us-east-1.amazonaws.com`;
}

/**
 * status.loadBalancer.ingress as the provider writes it, given the addresses it was allocated.
 * `ips`: the addresses answered on (allocated, requested, or the ClusterIP for minikube).
 */
export function loadBalancerIngress(
  provider: LoadBalancerProvider,
  service: Pick<ServiceState, "namespace" | "name">,
  ips: readonly string[],
): LoadBalancerIngress[] {
  const behaviour = LOAD_BALANCER_PROVIDERS[provider];
  if (behaviour.address === "none") return [];
  // Docker Desktop's Services show EXTERNAL-IP localhost (status.loadBalancer.ingress[0].hostname).
  if (behaviour.address === "localhost") return [{ hostname: "localhost" }];
  if (behaviour.address === "hostname")
    return ips.length ? [{ hostname: awsLoadBalancerHostname(service.namespace, service.name) }] : [];
  // core/v1 LoadBalancerIngress.IPMode "may only be specified when the ip field is specified".
  return ips.map((ip) => ({ ip, ipMode: behaviour.ipMode }));
}

/** The addresses a data plane's kube-proxy short-circuits: ingress IPs with ipMode VIP (or none). */
export function vipAddresses(service: Pick<ServiceState, "loadBalancerIngress">): string[] {
  // pkg/proxy/serviceport.go newBaseServiceInfo: an ingress IP with IPMode Proxy is left out of
  // loadBalancerVIPs, so no rule is written for it (KEP-1860).
  return service.loadBalancerIngress.flatMap((i) => (i.ip && i.ipMode !== "Proxy" ? [i.ip] : []));
}

/** Whether `service` has an endpoint on `node` in `slices` (a ready one, with `ready`). */
export function hasEndpointOn(
  service: ServiceState,
  node: string,
  slices: readonly EndpointSliceState[],
  ready: boolean,
): boolean {
  return slices.some(
    (slice) =>
      slice.service === service.ref &&
      slice.endpoints.some((e) => e.nodeName === node && (!ready || e.conditions.ready)),
  );
}

/**
 * The nodes that announce a Service's address, for the providers that announce (MetalLB), or
 * undefined for the others. `alive(node)`: whether the speakers' memberlist (L2) or the router's
 * BGP session (BGP) still counts the node.
 *
 * MetalLB speaker: with externalTrafficPolicy Local only nodes with a ready local endpoint announce
 * (layer2_controller.go / bgp_controller.go). In layer 2 one of them wins the election: MetalLB
 * sorts the candidates by a hash of node name and address and takes the first (SHA-256 there;
 * FNV-1a here, a simulator choice).
 */
export function announcingNodes(
  provider: LoadBalancerProvider,
  service: ServiceState,
  nodes: readonly NodeState[],
  slices: readonly EndpointSliceState[],
  alive: (node: NodeState) => boolean,
): string[] | undefined {
  const { entry } = LOAD_BALANCER_PROVIDERS[provider];
  if (entry !== "l2-leader" && entry !== "bgp-ecmp") return undefined;
  const local = service.externalTrafficPolicy === "Local";
  // A failed node's BGP speaker cannot withdraw what it announced: the router keeps the route until
  // the session drops, whatever happens to its endpoints meanwhile (it announced while it had one).
  const announces = (n: NodeState) =>
    !local || hasEndpointOn(service, n.name, slices, !(entry === "bgp-ecmp" && n.failed));
  const candidates = nodes.filter((n) => alive(n) && announces(n)).map((n) => n.name);
  if (entry === "bgp-ecmp") return candidates;
  const ip = service.loadBalancerIPs[0] ?? "";
  const rank = (node: string) => fnv32a(`${node}#${ip}`);
  const leader = [...candidates].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))[0];
  return leader ? [leader] : [];
}
