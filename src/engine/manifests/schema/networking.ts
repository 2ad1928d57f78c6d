import { objectReference, resource, withSpec } from "./meta.ts";
import { ANY, type FieldsSchema, listOf } from "./types.ts";

// k8s.io/api/networking/v1/types.go (Kubernetes 1.35): IngressSpec, IngressBackend, IngressClassSpec.

const ingressBackend: FieldsSchema = {
  service: { name: ANY, port: { name: ANY, number: ANY } },
  resource: { apiGroup: ANY, kind: ANY, name: ANY },
};

const ingressSpec: FieldsSchema = {
  ingressClassName: ANY,
  defaultBackend: ingressBackend,
  tls: listOf({ hosts: ANY, secretName: ANY }),
  rules: listOf({
    host: ANY,
    http: { paths: listOf({ path: ANY, pathType: ANY, backend: ingressBackend }) },
  }),
};

const ingressClassSpec: FieldsSchema = {
  controller: ANY,
  parameters: { apiGroup: ANY, kind: ANY, name: ANY, scope: ANY, namespace: ANY },
};

// k8s.io/api/discovery/v1/types.go Endpoint, EndpointConditions, EndpointHints, EndpointPort
// (hints.forNodes: 1.33).
const endpoint: FieldsSchema = {
  addresses: ANY,
  conditions: { ready: ANY, serving: ANY, terminating: ANY },
  hostname: ANY,
  targetRef: objectReference,
  deprecatedTopology: ANY,
  nodeName: ANY,
  zone: ANY,
  hints: { forZones: listOf({ name: ANY }), forNodes: listOf({ name: ANY }) },
};

/** networking.k8s.io/v1 kinds, by kind. */
export const networkingSchemas: Record<string, FieldsSchema> = {
  Ingress: withSpec(ingressSpec),
  IngressClass: withSpec(ingressClassSpec),
};

/** discovery.k8s.io/v1 kinds, by kind. */
export const discoverySchemas: Record<string, FieldsSchema> = {
  EndpointSlice: resource({
    addressType: ANY,
    endpoints: listOf(endpoint),
    ports: listOf({ name: ANY, protocol: ANY, port: ANY, appProtocol: ANY }),
  }),
};
