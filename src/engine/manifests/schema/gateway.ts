import { labelSelector, withSpec } from "./meta.ts";
import { ANY, type FieldsSchema, listOf } from "./types.ts";

// Gateway API v1.4 (gateway.networking.k8s.io, apis/v1 *_types.go): the CRDs' structural schemas,
// which the API server checks for unknown fields like built-in kinds. Experimental-channel fields
// (defaultScope, useDefaultGateways, cors, externalAuth, retry, sessionPersistence) are accepted too.

const parentRef: FieldsSchema = {
  group: ANY,
  kind: ANY,
  namespace: ANY,
  name: ANY,
  sectionName: ANY,
  port: ANY,
};

// gateway_types.go Listener and AllowedRoutes.
const listener: FieldsSchema = {
  name: ANY,
  hostname: ANY,
  port: ANY,
  protocol: ANY,
  tls: ANY,
  allowedRoutes: {
    namespaces: { from: ANY, selector: labelSelector },
    kinds: listOf({ group: ANY, kind: ANY }),
  },
};

const gatewaySpec: FieldsSchema = {
  gatewayClassName: ANY,
  listeners: listOf(listener),
  addresses: listOf({ type: ANY, value: ANY }),
  infrastructure: ANY,
  allowedListeners: ANY,
  backendTLS: ANY,
  tls: ANY,
  defaultScope: ANY,
};

const gatewayClassSpec: FieldsSchema = {
  controllerName: ANY,
  parametersRef: { group: ANY, kind: ANY, name: ANY, namespace: ANY },
  description: ANY,
};

// httproute_types.go HTTPRouteMatch, HTTPPathMatch, HTTPHeaderMatch, HTTPQueryParamMatch.
const valueMatch = listOf({ type: ANY, name: ANY, value: ANY });
const routeMatch: FieldsSchema = {
  path: { type: ANY, value: ANY },
  headers: valueMatch,
  queryParams: valueMatch,
  method: ANY,
};

// httproute_types.go HTTPPathModifier, HTTPRequestRedirectFilter, HTTPURLRewriteFilter, HTTPRouteFilter.
const pathModifier: FieldsSchema = { type: ANY, replaceFullPath: ANY, replacePrefixMatch: ANY };
const routeFilter: FieldsSchema = {
  type: ANY,
  requestHeaderModifier: ANY,
  responseHeaderModifier: ANY,
  requestMirror: ANY,
  requestRedirect: { scheme: ANY, hostname: ANY, path: pathModifier, port: ANY, statusCode: ANY },
  urlRewrite: { hostname: ANY, path: pathModifier },
  cors: ANY,
  externalAuth: ANY,
  extensionRef: ANY,
};

// httproute_types.go HTTPBackendRef (a BackendRef with filters).
const backendRef: FieldsSchema = {
  group: ANY,
  kind: ANY,
  name: ANY,
  namespace: ANY,
  port: ANY,
  weight: ANY,
  filters: listOf(routeFilter),
};

const httpRouteSpec: FieldsSchema = {
  parentRefs: listOf(parentRef),
  hostnames: ANY,
  useDefaultGateways: ANY,
  rules: listOf({
    name: ANY,
    matches: listOf(routeMatch),
    filters: listOf(routeFilter),
    backendRefs: listOf(backendRef),
    timeouts: { request: ANY, backendRequest: ANY },
    retry: ANY,
    sessionPersistence: ANY,
  }),
};

// apis/v1beta1 referencegrant_types.go ReferenceGrantFrom and ReferenceGrantTo.
const referenceGrantSpec: FieldsSchema = {
  from: listOf({ group: ANY, kind: ANY, namespace: ANY }),
  to: listOf({ group: ANY, kind: ANY, name: ANY }),
};

/** gateway.networking.k8s.io kinds, by kind. */
export const gatewaySchemas: Record<string, FieldsSchema> = {
  GatewayClass: withSpec(gatewayClassSpec),
  Gateway: withSpec(gatewaySpec),
  HTTPRoute: withSpec(httpRouteSpec),
  ReferenceGrant: withSpec(referenceGrantSpec),
};
