import type { Diagnostic, SourcedObject } from "../manifests/types.ts";
import { svcRef } from "../refs.ts";
import { allocateClusterIPs } from "./clusterIPs.ts";
import { warningAt } from "./diagnostics.ts";
import { asNumber, asRecord, asRecords, asString, asStringMap } from "./fields.ts";
import { allocateLoadBalancerIPs } from "./loadBalancerIPs.ts";
import { allocateNodePorts, type NodePortRequest } from "./nodePorts.ts";
import { serviceObject } from "./objects.ts";
import type { ClusterSettings, ServicePortState, ServiceState, ServiceType } from "./types.ts";

const TYPES: readonly ServiceType[] = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];

interface ServiceSpec {
  source: SourcedObject;
  state: Omit<ServiceState, "object" | "clusterIP" | "headless" | "loadBalancerIPs" | "healthCheckNodePort">;
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

/** A Service's fields as the rest of the engine reads them, with the API server's defaults (defaults.go). */
function readService(source: SourcedObject): ServiceSpec {
  const { metadata } = source.object;
  const spec = asRecord(source.object.spec);
  const namespace = metadata.namespace ?? "default";
  const type = TYPES.find((t) => t === spec.type) ?? "ClusterIP";
  const external = type === "NodePort" || type === "LoadBalancer";
  const selector = asStringMap(spec.selector);
  const sessionAffinity = spec.sessionAffinity === "ClientIP" ? "ClientIP" : "None";
  const timeout = asNumber(asRecord(asRecord(spec.sessionAffinityConfig).clientIP).timeoutSeconds);
  const externalName = asString(spec.externalName);
  const externalTrafficPolicy = spec.externalTrafficPolicy === "Local" ? "Local" : "Cluster";
  const ref = svcRef(namespace, metadata.name);
  const ports = readPorts(spec);
  return {
    source,
    requestedClusterIP: asString(spec.clusterIP),
    nodePorts: {
      ref,
      ports: ports.map((p) => ({ port: p.port, ...(p.nodePort ? { nodePort: p.nodePort } : {}) })),
      allocate:
        type === "NodePort" || (type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts !== false),
      // storage/alloc.go needsHCNodePort: type LoadBalancer with externalTrafficPolicy Local.
      ...(type === "LoadBalancer" && externalTrafficPolicy === "Local"
        ? { healthCheck: { requested: asNumber(spec.healthCheckNodePort) } }
        : {}),
    },
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
      sessionAffinity,
      // defaults.go: ClientIP affinity times out after 10800 s (3 hours) unless set.
      ...(sessionAffinity === "ClientIP" ? { sessionAffinityTimeoutSeconds: timeout ?? 10800 } : {}),
      publishNotReadyAddresses: spec.publishNotReadyAddresses === true,
      source,
    },
  };
}

/** What each Service asks of the node port range, in order: validation checks that the range holds it all. */
export function nodePortRequests(sources: readonly SourcedObject[]): NodePortRequest[] {
  return sources.map((source) => readService(source).nodePorts);
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
  const balancers = specs.filter((s) => s.state.type === "LoadBalancer");
  const lbIPs = allocateLoadBalancerIPs(
    balancers.map((s) => (s.requestedLoadBalancerIP ? { requested: s.requestedLoadBalancerIP } : {})),
    settings.loadBalancerCIDR,
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
          `${ref}: the Service CIDR ${settings.serviceCIDR} is full`,
          ref,
        ),
      );
    }
    if (s.state.type === "LoadBalancer" && lbIP === null) {
      warnings.push(
        warningAt(
          s.source,
          "spec.type",
          `${ref}: no load-balancer address left in ${settings.loadBalancerCIDR}`,
          ref,
        ),
      );
    }
    const state: Omit<ServiceState, "object"> = {
      ...s.state,
      clusterIP,
      headless: clusterIP === "None",
      ports: s.state.ports.map((p, j) => {
        const { nodePort: _requested, ...rest } = p;
        const nodePort = assignment?.nodePorts[j];
        return nodePort !== undefined ? { ...rest, nodePort } : rest;
      }),
      loadBalancerIPs: lbIP ? [lbIP] : [],
      ...(assignment?.healthCheckNodePort !== undefined
        ? { healthCheckNodePort: assignment.healthCheckNodePort }
        : {}),
    };
    return { ...state, object: serviceObject(state, s.source.object) };
  });
  return { services, warnings };
}
