import type { Diagnostic, SourcedObject } from "../manifests/types.ts";
import { message } from "../messages/index.ts";
import { svcRef } from "../refs.ts";
import { allocateClusterIPs } from "./clusterIPs.ts";
import { warningAt } from "./diagnostics.ts";
import { asNumber, asRecord, asRecords, asString, asStringMap } from "./fields.ts";
import { allocateLoadBalancerIPs } from "./loadBalancerIPs.ts";
import { LOAD_BALANCER_PROVIDERS, loadBalancerIngress } from "./loadBalancerProviders.ts";
import { allocateNodePorts, type NodePortRequest } from "./nodePorts.ts";
import { serviceObject } from "./objects.ts";
import type {
  ClusterSettings,
  LoadBalancerIngress,
  ServicePortState,
  ServiceState,
  ServiceType,
} from "./types.ts";

const TYPES: readonly ServiceType[] = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];

interface ServiceSpec {
  source: SourcedObject;
  state: Omit<
    ServiceState,
    "object" | "clusterIP" | "headless" | "loadBalancerIPs" | "loadBalancerIngress" | "healthCheckNodePort"
  >;
  requestedClusterIP: string | undefined;
  nodePorts: NodePortRequest;
  requestedLoadBalancerIP: string | undefined;
}

function readPorts(spec: Record<string, unknown>): ServicePortState[] {
  return asRecords(spec.ports).map((p) => {
    const port = asNumber(p.port) ?? 0;
    const name = asString(p.name);
    const nodePort = asNumber(p.nodePort);
    const appProtocol = asString(p.appProtocol);
    const targetPort = asNumber(p.targetPort) ?? asString(p.targetPort) ?? port;
    return {
      ...(name ? { name } : {}),
      protocol: p.protocol === "UDP" || p.protocol === "SCTP" ? p.protocol : "TCP",
      port,
      // defaults.go SetDefaults_Service: targetPort defaults to port.
      targetPort: targetPort === 0 || targetPort === "" ? port : targetPort,
      ...(nodePort ? { nodePort } : {}),
      ...(appProtocol ? { appProtocol } : {}),
    };
  });
}

/**
 * status.loadBalancer.ingress as written in the manifest (`kubectl patch --subresource=status`, or a
 * controller of the learner's own): kept only when no provider writes it. The API server defaults
 * ipMode to VIP for an entry with an ip (defaults.go SetDefaults_Service, LoadBalancerIPMode GA in 1.32).
 */
function writtenIngress(source: SourcedObject): LoadBalancerIngress[] {
  const status = asRecord(asRecord(source.object.status).loadBalancer);
  return asRecords(status.ingress).flatMap((entry): LoadBalancerIngress[] => {
    const ip = asString(entry.ip);
    const hostname = asString(entry.hostname);
    if (!ip && !hostname) return [];
    const ipMode = entry.ipMode === "Proxy" ? "Proxy" : "VIP";
    return [{ ...(ip ? { ip, ipMode } : {}), ...(hostname ? { hostname } : {}) }];
  });
}

/**
 * spec.trafficDistribution as the EndpointSlice controller acts on it: PreferClose, deprecated in
 * 1.34, means PreferSameZone (KEP-3015 "Renaming/Deprecation of PreferClose").
 */
function trafficDistributionOf(value: unknown): Pick<ServiceState, "trafficDistribution"> {
  if (value === "PreferSameNode") return { trafficDistribution: "PreferSameNode" };
  if (value === "PreferSameZone" || value === "PreferClose") return { trafficDistribution: "PreferSameZone" };
  return {};
}

/** A Service's fields as the rest of the engine reads them, with the API server's defaults (defaults.go). */
function readService(source: SourcedObject): ServiceSpec {
  const { metadata } = source.object;
  const spec = asRecord(source.object.spec);
  const namespace = metadata.namespace ?? "default";
  const type = serviceType(spec);
  const external = type === "NodePort" || type === "LoadBalancer";
  const selector = asStringMap(spec.selector);
  const sessionAffinity = spec.sessionAffinity === "ClientIP" ? "ClientIP" : "None";
  const timeout = asNumber(asRecord(asRecord(spec.sessionAffinityConfig).clientIP).timeoutSeconds);
  const externalName = asString(spec.externalName);
  const externalTrafficPolicy = externalTrafficPolicyOf(spec);
  const ref = svcRef(namespace, metadata.name);
  const ports = readPorts(spec);
  return {
    source,
    requestedClusterIP: asString(spec.clusterIP),
    nodePorts: nodePortRequest(ref, type, spec, ports),
    requestedLoadBalancerIP: asString(spec.loadBalancerIP),
    state: {
      ref,
      namespace,
      name: metadata.name,
      type,
      ports,
      // An empty selector is stored as none (the API's round trip drops empty maps): the Service is selector-less.
      selector: Object.keys(selector).length && type !== "ExternalName" ? selector : null,
      externalIPs: Array.isArray(spec.externalIPs)
        ? spec.externalIPs.filter((ip) => typeof ip === "string")
        : [],
      loadBalancerSourceRanges: Array.isArray(spec.loadBalancerSourceRanges)
        ? spec.loadBalancerSourceRanges.filter((r) => typeof r === "string").map((r) => r.trim())
        : [],
      ...(type === "ExternalName" && externalName ? { externalName } : {}),
      ...(external ? { externalTrafficPolicy } : {}),
      internalTrafficPolicy: spec.internalTrafficPolicy === "Local" ? "Local" : "Cluster",
      ...trafficDistributionOf(spec.trafficDistribution),
      sessionAffinity,
      // defaults.go: ClientIP affinity times out after 10800 s (3 hours) unless set.
      ...(sessionAffinity === "ClientIP" ? { sessionAffinityTimeoutSeconds: timeout ?? 10800 } : {}),
      publishNotReadyAddresses: spec.publishNotReadyAddresses === true,
      source,
    },
  };
}

/**
 * A LoadBalancer Service's status.loadBalancer.ingress and the addresses it answers on, as its
 * provider gives them (loadBalancerProviders.ts): minikube tunnel the ClusterIP, Docker Desktop
 * localhost, no provider whatever status the manifest carries.
 */
function balancerAddresses(
  s: ServiceSpec,
  provider: ClusterSettings["loadBalancerProvider"],
  allocated: string | null,
  clusterIP: string | null,
): { ingress: LoadBalancerIngress[]; ips: string[] } {
  const { address } = LOAD_BALANCER_PROVIDERS[provider];
  if (address === "none") {
    const ingress = writtenIngress(s.source);
    return { ingress, ips: ingress.flatMap((i) => (i.ip ? [i.ip] : [])) };
  }
  if (address === "localhost") return { ingress: loadBalancerIngress(provider, s.state, []), ips: [] };
  const ips = address === "clusterIP" ? (clusterIP ? [clusterIP] : []) : allocated ? [allocated] : [];
  return { ingress: loadBalancerIngress(provider, s.state, ips), ips };
}

/** What each Service asks of the node port range, in order: validation checks that the range holds it all. */
export function nodePortRequests(sources: readonly SourcedObject[]): NodePortRequest[] {
  // Only what the allocator reads, not the whole Service (issue 15: validation asks this of every
  // Service that holds node ports in 1 MB of manifests).
  return sources.map((source) => {
    const { metadata } = source.object;
    const spec = asRecord(source.object.spec);
    const ref = svcRef(metadata.namespace ?? "default", metadata.name);
    return nodePortRequest(ref, serviceType(spec), spec, readPorts(spec));
  });
}

function serviceType(spec: Record<string, unknown>): ServiceType {
  return TYPES.find((t) => t === spec.type) ?? "ClusterIP";
}

function externalTrafficPolicyOf(spec: Record<string, unknown>): "Local" | "Cluster" {
  return spec.externalTrafficPolicy === "Local" ? "Local" : "Cluster";
}

/** What a Service asks of the node port allocator. */
function nodePortRequest(
  ref: string,
  type: ServiceType,
  spec: Record<string, unknown>,
  ports: readonly ServicePortState[],
): NodePortRequest {
  return {
    ref,
    ports: ports.map((p) => ({ port: p.port, ...(p.nodePort ? { nodePort: p.nodePort } : {}) })),
    allocate:
      type === "NodePort" || (type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts !== false),
    // storage/alloc.go needsHCNodePort: type LoadBalancer with externalTrafficPolicy Local.
    ...(type === "LoadBalancer" && externalTrafficPolicyOf(spec) === "Local"
      ? { healthCheck: { requested: asNumber(spec.healthCheckNodePort) } }
      : {}),
  };
}

/**
 * The Services after the API server's and cloud controller's allocation: ClusterIPs, nodePorts,
 * healthCheckNodePort and load-balancer ingress addresses, each object derived from its state.
 */
export function buildServices(
  sources: readonly SourcedObject[],
  settings: ClusterSettings,
): { services: ServiceState[]; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  const specs = sources.map(readService);
  const clusterIPs = allocateClusterIPs(
    specs.map((s) => ({
      ref: s.state.ref,
      requested: s.requestedClusterIP,
      externalName: s.state.type === "ExternalName",
    })),
    settings.serviceCIDR,
  );
  const nodePorts = allocateNodePorts(
    specs.map((s) => s.nodePorts),
    settings.nodePortRange,
  );
  const provider = settings.loadBalancerProvider;
  const { address } = LOAD_BALANCER_PROVIDERS[provider];
  const pool = typeof address === "object" ? address.cidr : settings.loadBalancerCIDR;
  const allocates = address === "pool" || address === "hostname" || typeof address === "object";
  const balancers = allocates ? specs.filter((s) => s.state.type === "LoadBalancer") : [];
  const lbIPs = allocateLoadBalancerIPs(
    balancers.map((s) => (s.requestedLoadBalancerIP ? { requested: s.requestedLoadBalancerIP } : {})),
    pool,
  );
  const lbIPOf = new Map(balancers.map((s, i) => [s, lbIPs[i] ?? null]));
  const services = specs.map((s, i): ServiceState => {
    const clusterIP = clusterIPs[i] ?? null;
    const assignment = nodePorts[i];
    const lbIP = lbIPOf.get(s) ?? null;
    const ref = s.state.ref;
    if (clusterIP === null && s.state.type !== "ExternalName") {
      warnings.push(
        warningAt(
          s.source,
          "spec.clusterIP",
          message("service.cidrFull", { service: ref, cidr: settings.serviceCIDR }),
          ref,
        ),
      );
    }
    if (s.state.type === "LoadBalancer" && allocates && lbIP === null) {
      warnings.push(
        warningAt(
          s.source,
          "spec.type",
          message("service.lbAddressesFull", { service: ref, cidr: pool }),
          ref,
        ),
      );
    }
    const lb = s.state.type === "LoadBalancer" ? balancerAddresses(s, provider, lbIP, clusterIP) : null;
    const state: Omit<ServiceState, "object"> = {
      ...s.state,
      clusterIP,
      headless: clusterIP === "None",
      ports: s.state.ports.map((p, j) => {
        const { nodePort: _requested, ...rest } = p;
        const nodePort = assignment?.nodePorts[j];
        return nodePort !== undefined ? { ...rest, nodePort } : rest;
      }),
      loadBalancerIngress: lb?.ingress ?? [],
      loadBalancerIPs: lb?.ips ?? [],
      ...(assignment?.healthCheckNodePort !== undefined
        ? { healthCheckNodePort: assignment.healthCheckNodePort }
        : {}),
    };
    return { ...state, object: serviceObject(state, s.source.object) };
  });
  return { services, warnings };
}
