import { clusterRef, namespacedRef } from "../refs.ts";
import type { KubeObject } from "./types.ts";

/** How the API server names and scopes a kind (from each kind's registry strategy and ValidateObjectMeta call). */
export interface KindInfo {
  apiVersion: string;
  kind: string;
  namespaced: boolean;
  /** The ref prefix (DESIGN.md's vocabulary). */
  ref: string;
  /** Which name rule ValidateObjectMeta applies to metadata.name. */
  name: "dns1123Subdomain" | "dns1123Label" | "dns1035Label";
}

const KINDS: readonly KindInfo[] = [
  // validation.go ValidateNamespace: ValidateNamespaceName = NameIsDNSLabel
  { apiVersion: "v1", kind: "Namespace", namespaced: false, ref: "namespace", name: "dns1123Label" },
  // validation.go ValidateNode: ValidateNodeName = NameIsDNSSubdomain
  { apiVersion: "v1", kind: "Node", namespaced: false, ref: "node", name: "dns1123Subdomain" },
  // validation.go ValidatePodCreate: ValidatePodName = NameIsDNSSubdomain
  { apiVersion: "v1", kind: "Pod", namespaced: true, ref: "pod", name: "dns1123Subdomain" },
  // validation.go ValidateService: ValidateServiceName = NameIsDNS1035Label
  { apiVersion: "v1", kind: "Service", namespaced: true, ref: "svc", name: "dns1035Label" },
  // validation.go ValidateEndpoints: ValidateEndpointsName = NameIsDNSSubdomain
  { apiVersion: "v1", kind: "Endpoints", namespaced: true, ref: "endpoints", name: "dns1123Subdomain" },
  // validation.go ValidateSecret: ValidateSecretName = NameIsDNSSubdomain
  { apiVersion: "v1", kind: "Secret", namespaced: true, ref: "secret", name: "dns1123Subdomain" },
  // apps/validation ValidateDeployment: NameIsDNSSubdomain
  {
    apiVersion: "apps/v1",
    kind: "Deployment",
    namespaced: true,
    ref: "deployment",
    name: "dns1123Subdomain",
  },
  // apps/validation ValidateReplicaSet: NameIsDNSSubdomain
  {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    namespaced: true,
    ref: "replicaset",
    name: "dns1123Subdomain",
  },
  // apps/validation ValidateStatefulSetName: NameIsDNSLabel (pods are named NAME-ORDINAL and used as hostnames)
  { apiVersion: "apps/v1", kind: "StatefulSet", namespaced: true, ref: "statefulset", name: "dns1123Label" },
  // apps/validation ValidateDaemonSet: NameIsDNSSubdomain
  { apiVersion: "apps/v1", kind: "DaemonSet", namespaced: true, ref: "daemonset", name: "dns1123Subdomain" },
  // discovery/validation ValidateEndpointSliceName = NameIsDNSSubdomain
  {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    namespaced: true,
    ref: "endpointslice",
    name: "dns1123Subdomain",
  },
  // networking/validation ValidateIngressName = NameIsDNSSubdomain
  {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    namespaced: true,
    ref: "ingress",
    name: "dns1123Subdomain",
  },
  // networking/validation ValidateIngressClassName = NameIsDNSSubdomain
  {
    apiVersion: "networking.k8s.io/v1",
    kind: "IngressClass",
    namespaced: false,
    ref: "ingressclass",
    name: "dns1123Subdomain",
  },
  // Gateway API (gateway.networking.k8s.io): CRDs, whose names the API server checks as DNS subdomains.
  {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "GatewayClass",
    namespaced: false,
    ref: "gatewayclass",
    name: "dns1123Subdomain",
  },
  {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "Gateway",
    namespaced: true,
    ref: "gateway",
    name: "dns1123Subdomain",
  },
  {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    namespaced: true,
    ref: "httproute",
    name: "dns1123Subdomain",
  },
  // GRPCRoute: standard channel since v1.1; TLSRoute: standard channel (v1) since v1.5.
  {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "GRPCRoute",
    namespaced: true,
    ref: "grpcroute",
    name: "dns1123Subdomain",
  },
  {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "TLSRoute",
    namespaced: true,
    ref: "tlsroute",
    name: "dns1123Subdomain",
  },
  // ReferenceGrant is served as v1beta1 (the standard channel's storage version).
  {
    apiVersion: "gateway.networking.k8s.io/v1beta1",
    kind: "ReferenceGrant",
    namespaced: true,
    ref: "referencegrant",
    name: "dns1123Subdomain",
  },
];

const BY_KIND = new Map(KINDS.map((info) => [info.kind, info]));

/** The simulated kind an object is, or undefined for kinds (or apiVersions) the simulator does not model. */
export function kindInfo(object: Pick<KubeObject, "apiVersion" | "kind">): KindInfo | undefined {
  const info = BY_KIND.get(object.kind);
  return info && info.apiVersion === object.apiVersion ? info : undefined;
}

/** The apiVersion the simulator models for a kind, if it models the kind at all. */
export function simulatedApiVersion(kind: string): string | undefined {
  return BY_KIND.get(kind)?.apiVersion;
}

export const SIMULATED_KINDS: readonly string[] = KINDS.map((info) => `${info.apiVersion} ${info.kind}`);

/**
 * The object's ref: `svc/NS/NAME`, `node/NAME`... For kinds not simulated, the lower-cased kind
 * stands in for the prefix, namespaced when the object names a namespace.
 */
export function objectRef(object: KubeObject): string {
  const info = kindInfo(object);
  const prefix = info?.ref ?? object.kind.toLowerCase();
  const namespaced = info ? info.namespaced : object.metadata.namespace !== undefined;
  return namespaced
    ? namespacedRef(prefix, object.metadata.namespace ?? "default", object.metadata.name)
    : clusterRef(prefix, object.metadata.name);
}
