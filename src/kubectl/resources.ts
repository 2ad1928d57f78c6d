import type { Resource } from "./printers.ts";

/** One row of `kubectl api-resources`: how kubectl names a kind on its command line. */
export interface ResourceInfo {
  resource: Resource;
  kind: string;
  apiVersion: string;
  singular: string;
  shortNames: readonly string[];
  /** The group kubectl adds in `NAME.GROUP/name` answers (`deployment.apps/web scaled`). */
  group: string;
}

/** `kubectl api-resources` for the kinds the simulator builds (NAME, SHORTNAMES, APIVERSION, KIND). */
export const RESOURCES: readonly ResourceInfo[] = [
  { resource: "pods", kind: "Pod", apiVersion: "v1", singular: "pod", shortNames: ["po"], group: "" },
  {
    resource: "services",
    kind: "Service",
    apiVersion: "v1",
    singular: "service",
    shortNames: ["svc"],
    group: "",
  },
  // `ep` is the short name of v1 Endpoints, not of EndpointSlices (which have none).
  {
    resource: "endpoints",
    kind: "Endpoints",
    apiVersion: "v1",
    singular: "endpoints",
    shortNames: ["ep"],
    group: "",
  },
  {
    resource: "endpointslices",
    kind: "EndpointSlice",
    apiVersion: "discovery.k8s.io/v1",
    singular: "endpointslice",
    shortNames: [],
    group: "discovery.k8s.io",
  },
  { resource: "nodes", kind: "Node", apiVersion: "v1", singular: "node", shortNames: ["no"], group: "" },
  {
    resource: "deployments",
    kind: "Deployment",
    apiVersion: "apps/v1",
    singular: "deployment",
    shortNames: ["deploy"],
    group: "apps",
  },
  {
    resource: "statefulsets",
    kind: "StatefulSet",
    apiVersion: "apps/v1",
    singular: "statefulset",
    shortNames: ["sts"],
    group: "apps",
  },
  {
    resource: "ingresses",
    kind: "Ingress",
    apiVersion: "networking.k8s.io/v1",
    singular: "ingress",
    shortNames: ["ing"],
    group: "networking.k8s.io",
  },
  {
    resource: "ingressclasses",
    kind: "IngressClass",
    apiVersion: "networking.k8s.io/v1",
    singular: "ingressclass",
    shortNames: [],
    group: "networking.k8s.io",
  },
  {
    resource: "gatewayclasses",
    kind: "GatewayClass",
    apiVersion: "gateway.networking.k8s.io/v1",
    singular: "gatewayclass",
    shortNames: ["gc"],
    group: "gateway.networking.k8s.io",
  },
  {
    resource: "gateways",
    kind: "Gateway",
    apiVersion: "gateway.networking.k8s.io/v1",
    singular: "gateway",
    shortNames: ["gtw"],
    group: "gateway.networking.k8s.io",
  },
  {
    resource: "httproutes",
    kind: "HTTPRoute",
    apiVersion: "gateway.networking.k8s.io/v1",
    singular: "httproute",
    shortNames: [],
    group: "gateway.networking.k8s.io",
  },
  {
    resource: "grpcroutes",
    kind: "GRPCRoute",
    apiVersion: "gateway.networking.k8s.io/v1",
    singular: "grpcroute",
    shortNames: [],
    group: "gateway.networking.k8s.io",
  },
  {
    resource: "tlsroutes",
    kind: "TLSRoute",
    apiVersion: "gateway.networking.k8s.io/v1",
    singular: "tlsroute",
    shortNames: [],
    group: "gateway.networking.k8s.io",
  },
];

/** What `kubectl get all` lists: the namespaced workloads and Services (no EndpointSlices or Ingresses). */
export const ALL: readonly Resource[] = ["pods", "services", "deployments", "statefulsets"];

/** The resource a name on the command line means (`svc`, `service`, `services`, `deployments.apps`). */
export function resourceNamed(name: string): ResourceInfo | undefined {
  const lower = name.toLowerCase();
  return RESOURCES.find(
    (r) =>
      r.resource === lower ||
      r.singular === lower ||
      r.shortNames.includes(lower) ||
      (r.group !== "" && (lower === `${r.resource}.${r.group}` || lower === `${r.singular}.${r.group}`)),
  );
}

export function resourceOfKind(kind: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => r.kind === kind);
}

/** `service/web`, `deployment.apps/web`: how kubectl names an object in its answers. */
export function qualifiedName(info: ResourceInfo, name: string): string {
  return `${info.group ? `${info.singular}.${info.group}` : info.singular}/${name}`;
}

/** `services "web"`, `deployments.apps "web"`: how the API server names an object in its errors. */
export function notFound(info: ResourceInfo, name: string): string {
  return `Error from server (NotFound): ${info.group ? `${info.resource}.${info.group}` : info.resource} "${name}" not found`;
}
