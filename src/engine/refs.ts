/**
 * Refs: the one vocabulary of names (DESIGN.md, "One vocabulary of names"). Every ref is built and
 * taken apart here, so that `pod/NS/NAME`, `node/NAME`, `lb/NS/NAME`... are spelt in one place.
 * A ref is a string (the engine's key, the React Flow node id, the CLI's argument, a hop's `at`);
 * the template types below only say which prefix a builder gives.
 */

/** Kinds whose refs carry a namespace: `KIND/NS/NAME`. */
export const NAMESPACED_REF_KINDS = [
  "pod",
  "svc",
  "lb",
  "ingress",
  "gateway",
  "httproute",
  "grpcroute",
  "tlsroute",
  "referencegrant",
  "deployment",
  "statefulset",
  "daemonset",
  "replicaset",
  "endpointslice",
  "endpoints",
  "secret",
] as const;

/** Kinds whose refs carry no namespace: `KIND/NAME`. `external` and `client` are places outside the cluster. */
export const CLUSTER_REF_KINDS = [
  "node",
  "namespace",
  "gatewayclass",
  "ingressclass",
  "external",
  "client",
] as const;

export type NamespacedRefKind = (typeof NAMESPACED_REF_KINDS)[number];
export type ClusterRefKind = (typeof CLUSTER_REF_KINDS)[number];
export type RefKind = NamespacedRefKind | ClusterRefKind;

export type NodeRef = `node/${string}`;
export type PodRef = `pod/${string}/${string}`;
export type ServiceRef = `svc/${string}/${string}`;
export type IngressRef = `ingress/${string}/${string}`;
/** A cloud load balancer: a Service's (`lb/NS/NAME`) or an Ingress's external L7 one (`lb/ingress/NS/NAME`). */
export type LoadBalancerRef = `lb/${string}/${string}`;
export type ExternalRef = `external/${string}`;
export type ClientRef = `client/${string}`;

/** A ref taken apart. `namespace` is null for cluster-scoped kinds. */
export type ParsedRef =
  | { readonly kind: Exclude<NamespacedRefKind, "lb">; readonly namespace: string; readonly name: string }
  | {
      readonly kind: "lb";
      readonly namespace: string;
      readonly name: string;
      /** What the load balancer fronts: a LoadBalancer Service or an Ingress. */
      readonly of: "svc" | "ingress";
    }
  | { readonly kind: ClusterRefKind; readonly namespace: null; readonly name: string };

const NAMESPACED = new Set<string>(NAMESPACED_REF_KINDS);
const CLUSTER = new Set<string>(CLUSTER_REF_KINDS);

/** `KIND/NS/NAME` for any namespaced kind (objectRef uses it for every simulated kind). */
export function namespacedRef<K extends string>(
  kind: K,
  namespace: string,
  name: string,
): `${K}/${string}/${string}` {
  return `${kind}/${namespace}/${name}`;
}

/** `KIND/NAME` for any cluster-scoped kind. */
export function clusterRef<K extends string>(kind: K, name: string): `${K}/${string}` {
  return `${kind}/${name}`;
}

export const nodeRef = (name: string): NodeRef => clusterRef("node", name);
export const podRef = (namespace: string, name: string): PodRef => namespacedRef("pod", namespace, name);
export const svcRef = (namespace: string, name: string): ServiceRef => namespacedRef("svc", namespace, name);
export const ingressRef = (namespace: string, name: string): IngressRef =>
  namespacedRef("ingress", namespace, name);
/** The cloud load balancer of a LoadBalancer Service. */
export const lbRef = (namespace: string, name: string): LoadBalancerRef =>
  namespacedRef("lb", namespace, name);
/** An Ingress's external L7 load balancer (DESIGN.md: `lb/ingress/NS/NAME`). */
export const ingressLbRef = (namespace: string, name: string): LoadBalancerRef =>
  `lb/ingress/${namespace}/${name}`;
export const gatewayRef = (namespace: string, name: string) => namespacedRef("gateway", namespace, name);
export const httpRouteRef = (namespace: string, name: string) => namespacedRef("httproute", namespace, name);
export const grpcRouteRef = (namespace: string, name: string) => namespacedRef("grpcroute", namespace, name);
export const tlsRouteRef = (namespace: string, name: string) => namespacedRef("tlsroute", namespace, name);
export const gatewayClassRef = (name: string) => clusterRef("gatewayclass", name);
export const deploymentRef = (namespace: string, name: string) =>
  namespacedRef("deployment", namespace, name);
export const statefulSetRef = (namespace: string, name: string) =>
  namespacedRef("statefulset", namespace, name);
export const daemonSetRef = (namespace: string, name: string) => namespacedRef("daemonset", namespace, name);
export const replicaSetRef = (namespace: string, name: string) =>
  namespacedRef("replicaset", namespace, name);
export const endpointSliceRef = (namespace: string, name: string) =>
  namespacedRef("endpointslice", namespace, name);
export const endpointsRef = (namespace: string, name: string) => namespacedRef("endpoints", namespace, name);
/** A host outside the cluster, e.g. an ExternalName Service's target. */
export const externalRef = (host: string): ExternalRef => clusterRef("external", host);
/** An external client (DESIGN.md: `client/NAME`, default `client/external`). */
export const clientRef = (name = "external"): ClientRef => clusterRef("client", name);

/** The ref taken apart, or undefined when it is not a ref of a known kind with its parts. */
export function parseRef(ref: string): ParsedRef | undefined {
  const parts = ref.split("/");
  const [kind = "", ...rest] = parts;
  if (rest.some((part) => part === "")) return undefined;
  if (kind === "lb") {
    if (rest.length === 3 && rest[0] === "ingress")
      return { kind, namespace: rest[1] as string, name: rest[2] as string, of: "ingress" };
    if (rest.length === 2) return { kind, namespace: rest[0] as string, name: rest[1] as string, of: "svc" };
    return undefined;
  }
  if (NAMESPACED.has(kind) && rest.length === 2)
    return {
      kind: kind as Exclude<NamespacedRefKind, "lb">,
      namespace: rest[0] as string,
      name: rest[1] as string,
    };
  if (CLUSTER.has(kind) && rest.length === 1)
    return { kind: kind as ClusterRefKind, namespace: null, name: rest[0] as string };
  return undefined;
}

/** The kind of a ref (its prefix), whatever follows. */
export function refKind(ref: string): string {
  const slash = ref.indexOf("/");
  return slash < 0 ? ref : ref.slice(0, slash);
}

/** The object's name, the last part of its ref (`pod/NS/NAME` → NAME). */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1);
}

/**
 * The ref without its kind: `NS/NAME` for namespaced refs, NAME for cluster-scoped ones,
 * `ingress/NS/NAME` for an Ingress's load balancer. How kubectl and the app label an object.
 */
export function refLabel(ref: string): string {
  return ref.slice(ref.indexOf("/") + 1);
}

export const isNodeRef = (ref: string | null | undefined): ref is NodeRef =>
  ref?.startsWith("node/") ?? false;
export const isPodRef = (ref: string | null | undefined): ref is PodRef => ref?.startsWith("pod/") ?? false;
export const isServiceRef = (ref: string | null | undefined): ref is ServiceRef =>
  ref?.startsWith("svc/") ?? false;
export const isLoadBalancerRef = (ref: string | null | undefined): ref is LoadBalancerRef =>
  ref?.startsWith("lb/") ?? false;
export const isExternalRef = (ref: string | null | undefined): ref is ExternalRef =>
  ref?.startsWith("external/") ?? false;
/** An external client: `client/NAME`, or the bare `external` an older request form wrote. */
export const isClientRef = (ref: string | null | undefined): boolean =>
  ref === "external" || (ref?.startsWith("client/") ?? false);

/** The node's name in a `node/NAME` ref; a bare name is taken as it is (CLI arguments accept both). */
export function nodeName(ref: string): string {
  return isNodeRef(ref) ? ref.slice("node/".length) : ref;
}

/** A node's ref from `node/NAME` or a bare NAME (CLI arguments and commands accept both). */
export function toNodeRef(nameOrRef: string): NodeRef {
  return isNodeRef(nameOrRef) ? nameOrRef : nodeRef(nameOrRef);
}

/** The load balancer that fronts a Service or an Ingress. */
export function lbRefOf(target: ServiceRef | IngressRef): LoadBalancerRef {
  const parsed = parseRef(target);
  if (!parsed) throw new Error(`not a Service or Ingress ref: ${target}`);
  return parsed.kind === "ingress"
    ? ingressLbRef(parsed.namespace, parsed.name)
    : lbRef(parsed.namespace as string, parsed.name);
}

/** What a load balancer fronts: its Service (`svc/NS/NAME`) or its Ingress (`ingress/NS/NAME`). */
export function lbTarget(lb: string): ServiceRef | IngressRef | undefined {
  const parsed = parseRef(lb);
  if (parsed?.kind !== "lb") return undefined;
  return parsed.of === "ingress"
    ? ingressRef(parsed.namespace, parsed.name)
    : svcRef(parsed.namespace, parsed.name);
}
