import type { Diagnostic, KubeObject, Labels, SourcedObject } from "../manifests/types.ts";
import type { EventMessage } from "../messages/index.ts";

/** A reference string, one per object, shared by the engine, the graph, the CLI and traces (DESIGN.md). */
export type Ref = string;

/**
 * kube-proxy --proxy-mode: iptables (the default on Linux), ipvs (deprecated since Kubernetes 1.35)
 * or nftables (GA since 1.33).
 */
export type KubeProxyMode = "iptables" | "ipvs" | "nftables";

/**
 * What answers a type LoadBalancer Service (see cluster/loadBalancerProviders.ts): a cloud's
 * controller (GCP, AWS), MetalLB in layer 2 or BGP mode, a laptop's local cluster (Docker Desktop,
 * kind with cloud-provider-kind, minikube tunnel), or nothing at all.
 */
export type LoadBalancerProvider =
  | "gcp"
  | "aws"
  | "metallb-l2"
  | "metallb-bgp"
  | "docker-desktop"
  | "kind"
  | "minikube"
  | "none";

/** core/v1 LoadBalancerIngress: an IP (with its ipMode) or a DNS name. */
export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  /** LoadBalancerIPMode (GA in 1.32): VIP, kube-proxy short-circuits the IP; Proxy, it does not. */
  ipMode?: "VIP" | "Proxy";
}

/**
 * Cluster-wide settings. Every field stands for a real default, named beside it; the simulator's
 * own inventions (allocation order, timings) are marked as such where they are decided.
 */
export interface ClusterSettings {
  /** kube-apiserver --service-cluster-ip-range (kubeadm's default). */
  serviceCIDR: string;
  /** kubelet --cluster-domain. */
  clusterDomain: string;
  /** kube-apiserver --service-node-port-range. */
  nodePortRange: { min: number; max: number };
  /** Where cloud load-balancer addresses come from (TEST-NET-2: a simulator choice). */
  loadBalancerCIDR: string;
  /** The external client's address (TEST-NET-3: a simulator choice). */
  externalClientIP: string;
  /** kube-proxy's mode: the kube-system/kube-proxy ConfigMap's KubeProxyConfiguration `mode` (kubeProxyConfig.ts). */
  kubeProxyMode: KubeProxyMode;
  /** Who provides type LoadBalancer Services' load balancers. */
  loadBalancerProvider: LoadBalancerProvider;
  /** Seed of the one PRNG that decides every random choice (pod name suffixes, iptables picks). */
  seed: number;
  /** Names outside the cluster and their addresses, as a simulated upstream DNS. */
  externalHosts: Record<string, string>;
}

export interface Taint {
  key: string;
  value?: string;
  effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
}

export interface NodeState {
  ref: Ref;
  name: string;
  labels: Labels;
  internalIP: string;
  /** status.addresses of type ExternalIP: addresses the outside network routes to this node. */
  externalIPs: string[];
  podCIDR: string;
  /** kube-proxy's health port (10256) answers, and the kubelet posts status. */
  ready: boolean;
  /** Set by a simulated failure: the machine and every address on it stop answering. */
  failed: boolean;
  unschedulable: boolean;
  taints: Taint[];
  /** The Node as `kubectl get node -o json` would show it. */
  object: KubeObject;
  source?: SourcedObject;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol: "TCP" | "UDP" | "SCTP";
}

export interface ContainerState {
  name: string;
  image?: string;
  ports: ContainerPort[];
}

export interface PodState {
  ref: Ref;
  namespace: string;
  name: string;
  labels: Labels;
  /** null while Pending. */
  nodeName: string | null;
  podIP: string | null;
  hostIP: string | null;
  phase: "Pending" | "Running";
  /** Pending reason, as the scheduler would report it (`0/3 nodes are available: ...`). */
  pendingReason?: EventMessage;
  ready: boolean;
  hostname?: string;
  subdomain?: string;
  hostNetwork: boolean;
  containers: ContainerState[];
  /** The controlling workload, as a ref (`deployment/default/web`, `statefulset/default/db`). */
  owner?: Ref;
  object: KubeObject;
  source?: SourcedObject;
}

export type ServiceType = "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";

export interface ServicePortState {
  name?: string;
  protocol: "TCP" | "UDP" | "SCTP";
  port: number;
  targetPort: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export interface ServiceState {
  ref: Ref;
  namespace: string;
  name: string;
  type: ServiceType;
  /** null for ExternalName; "None" for headless. */
  clusterIP: string | null;
  headless: boolean;
  ports: ServicePortState[];
  /** null when the Service has no selector (its endpoints are written by hand). */
  selector: Labels | null;
  externalIPs: string[];
  /** spec.loadBalancerSourceRanges, trimmed as the API server reads them: the clients a load balancer admits. */
  loadBalancerSourceRanges: string[];
  externalName?: string;
  externalTrafficPolicy?: "Cluster" | "Local";
  internalTrafficPolicy: "Cluster" | "Local";
  /** spec.trafficDistribution, PreferClose read as its new name PreferSameZone (KEP-3015). */
  trafficDistribution?: "PreferSameZone" | "PreferSameNode";
  sessionAffinity: "None" | "ClientIP";
  sessionAffinityTimeoutSeconds?: number;
  /** status.loadBalancer.ingress, as the load balancer's provider wrote it. */
  loadBalancerIngress: LoadBalancerIngress[];
  /**
   * The addresses the load balancer answers on: its ingress IPs, or the address its hostname
   * resolves to (an AWS load balancer's name).
   */
  loadBalancerIPs: string[];
  healthCheckNodePort?: number;
  publishNotReadyAddresses: boolean;
  object: KubeObject;
  source?: SourcedObject;
}

/** discovery/v1 EndpointHints: where kube-proxy should send traffic to this endpoint from. */
export interface EndpointHints {
  forZones: string[];
  forNodes: string[];
}

export interface EndpointState {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  nodeName?: string;
  /** The node's topology.kubernetes.io/zone label, as the EndpointSlice controller copies it. */
  zone?: string;
  hints?: EndpointHints;
  /** The pod behind the address, as a ref, when there is one. */
  targetRef?: Ref;
  hostname?: string;
}

export interface EndpointSlicePort {
  name?: string;
  port: number;
  protocol: "TCP" | "UDP" | "SCTP";
}

export interface EndpointSliceState {
  ref: Ref;
  namespace: string;
  name: string;
  /** The Service it belongs to (label kubernetes.io/service-name), as a ref. */
  service: Ref;
  addressType: "IPv4" | "IPv6" | "FQDN";
  endpoints: EndpointState[];
  ports: EndpointSlicePort[];
  /** Label endpointslice.kubernetes.io/managed-by. */
  managedBy: string;
  object: KubeObject;
  source?: SourcedObject;
}

export interface Cluster {
  settings: ClusterSettings;
  namespaces: string[];
  nodes: NodeState[];
  pods: PodState[];
  services: ServiceState[];
  endpointSlices: EndpointSliceState[];
  /** Ingress, IngressClass, Secret and every other object, defaulted, as read. */
  objects: SourcedObject[];
  /** Non-fatal findings: kinds not simulated, pods left Pending, and the like. */
  warnings: Diagnostic[];
}
