// Gateway API objects are CRDs: the API server checks them against the CRD's OpenAPI schema and its
// CEL rules (kubernetes-sigs/gateway-api apis/v1/*_types.go, the +kubebuilder markers). The messages
// below are the schema's and the CEL rules' own.

import { type DiagnosticMessage, message } from "../../messages/index.ts";
import { child, duplicate, type FieldError, invalid, notSupported, required, tooMany } from "./field.ts";
import { type Fields, isAbsent, type Obj } from "./values.ts";

/** shared_types.go Hostname: an RFC 1123 name, optionally prefixed by one `*.` label; never an IP. */
const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** shared_types.go PreciseHostname: the same, without a wildcard. */
const PRECISE_HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** shared_types.go SectionName and ObjectName's listener names. */
const SECTION_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** gatewayclass_types.go GatewayController: a domain-prefixed path. */
const CONTROLLER =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;
/** httproute_types.go HTTPPathMatch: the characters an Exact or PathPrefix value may hold. */
const PATH_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;
/** shared_types.go HTTPHeaderName. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
/** shared_types.go ProtocolType: the core protocols, or a domain-prefixed one. */
const PROTOCOLS = ["HTTP", "HTTPS", "TLS", "TCP", "UDP"];
const PATH_TYPES = ["Exact", "PathPrefix", "RegularExpression"];
const MATCH_TYPES = ["Exact", "RegularExpression"];
const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];
const FILTER_TYPES = [
  "RequestHeaderModifier",
  "ResponseHeaderModifier",
  "RequestMirror",
  "RequestRedirect",
  "URLRewrite",
  "ExtensionRef",
  "CORS",
];
/** grpcroute_types.go GRPCRouteFilterType. */
const GRPC_FILTER_TYPES = [
  "RequestHeaderModifier",
  "ResponseHeaderModifier",
  "RequestMirror",
  "ExtensionRef",
];
/** grpcroute_types.go GRPCMethodMatch's CEL rules for Exact service and method names. */
const GRPC_SERVICE = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
const GRPC_METHOD = /^[A-Za-z_][A-Za-z_0-9]*$/;
/** httproute_types.go HTTPRequestRedirectFilter.StatusCode enum. */
const REDIRECT_CODES = [301, 302, 303, 307, 308];
const FROM = ["All", "Selector", "Same"];

function hostname(value: string, path: string, precise: boolean): FieldError[] {
  const pattern = precise ? PRECISE_HOSTNAME : HOSTNAME;
  if (value.length > 253) return [invalid(path, value, message("gateway.tooLong253"))];
  return pattern.test(value)
    ? []
    : [invalid(path, value, message("gateway.pattern", { pattern: pattern.source }))];
}

function port(f: Fields, obj: Obj, key: string, path: string, needed: boolean): number | undefined {
  const value = f.int(obj, key, path);
  if (value === undefined) {
    if (needed) f.add(required(child(path, key)));
    return undefined;
  }
  if (value < 1 || value > 65535) f.add(invalid(child(path, key), value, message("gateway.portRange")));
  return value;
}

/** gatewayclass_types.go GatewayClassSpec. */
export function validateGatewayClass(object: Obj, f: Fields): void {
  const spec = f.object(object, "spec", "");
  if (!spec) {
    f.add(required("spec"));
    return;
  }
  const controller = f.string(spec, "controllerName", "spec");
  if (controller === undefined) {
    f.add(required("spec.controllerName"));
    return;
  }
  if (!CONTROLLER.test(controller))
    f.add(
      invalid("spec.controllerName", controller, message("gateway.pattern", { pattern: CONTROLLER.source })),
    );
}

/** gateway_types.go GatewaySpec and its Listener rules (the CEL rules on spec.listeners). */
export function validateGateway(object: Obj, f: Fields): void {
  const spec = f.object(object, "spec", "");
  if (!spec) {
    f.add(required("spec"));
    return;
  }
  if (f.string(spec, "gatewayClassName", "spec") === undefined) f.add(required("spec.gatewayClassName"));
  const listeners = f.objects(spec, "listeners", "spec");
  if (listeners.length === 0) {
    f.add(required("spec.listeners", message("gateway.listenerRequired")));
    return;
  }
  const names = new Set<string>();
  const combinations = new Set<string>();
  for (const { item, path } of listeners) {
    const name = f.string(item, "name", path);
    if (name === undefined) f.add(required(child(path, "name")));
    else if (!SECTION_NAME.test(name))
      f.add(invalid(child(path, "name"), name, message("gateway.pattern", { pattern: SECTION_NAME.source })));
    else if (names.has(name))
      f.add(duplicate(child(path, "name"), name, message("gateway.listenerNameUnique")));
    else names.add(name);
    const number = port(f, item, "port", path, true);
    const protocol = f.string(item, "protocol", path);
    if (protocol === undefined) f.add(required(child(path, "protocol")));
    else if (!PROTOCOLS.includes(protocol) && !protocol.includes("/"))
      f.add(notSupported(child(path, "protocol"), protocol, PROTOCOLS));
    const host = f.string(item, "hostname", path);
    if (host !== undefined) f.add(...hostname(host, child(path, "hostname"), false));
    const tls = f.object(item, "tls", path);
    if (tls && (protocol === "HTTP" || protocol === "TCP" || protocol === "UDP"))
      f.add(invalid(child(path, "tls"), tls, message("gateway.tlsForbidden")));
    if (!tls && protocol === "HTTPS") f.add(required(child(path, "tls"), message("gateway.tlsRequired")));
    if (host && (protocol === "TCP" || protocol === "UDP"))
      f.add(invalid(child(path, "hostname"), host, message("gateway.hostnameForbidden")));
    if (tls) validateListenerTLS(tls, child(path, "tls"), protocol, f);
    const key = `${number}/${protocol}/${host ?? ""}`;
    if (combinations.has(key)) f.add(invalid(path, key, message("gateway.listenerUnique")));
    combinations.add(key);
    const allowed = f.object(item, "allowedRoutes", path);
    const namespaces = allowed && f.object(allowed, "namespaces", child(path, "allowedRoutes"));
    if (namespaces) {
      const at = child(path, "allowedRoutes.namespaces");
      const from = f.string(namespaces, "from", at);
      if (from !== undefined && !FROM.includes(from)) f.add(notSupported(child(at, "from"), from, FROM));
      if (from === "Selector" && isAbsent(namespaces.selector))
        f.add(required(child(at, "selector"), message("gateway.selectorRequired")));
    }
  }
}

function validateListenerTLS(tls: Obj, path: string, protocol: string | undefined, f: Fields): void {
  const mode = f.string(tls, "mode", path) ?? "Terminate";
  if (mode !== "Terminate" && mode !== "Passthrough")
    f.add(notSupported(child(path, "mode"), mode, ["Terminate", "Passthrough"]));
  if (protocol === "HTTPS" && mode !== "Terminate")
    f.add(invalid(child(path, "mode"), mode, message("gateway.tlsTerminate")));
  const refs = f.objects(tls, "certificateRefs", path);
  if (mode === "Terminate" && refs.length === 0 && isAbsent(tls.options))
    f.add(invalid(path, tls, message("gateway.certificateRefs")));
  for (const { item, path: at } of refs) {
    if (f.string(item, "name", at) === undefined) f.add(required(child(at, "name")));
  }
}

/** shared_types.go ParentReference. */
function validateParentRefs(spec: Obj, f: Fields): void {
  for (const { item, path } of f.objects(spec, "parentRefs", "spec")) {
    if (f.string(item, "name", path) === undefined) f.add(required(child(path, "name")));
    const section = f.string(item, "sectionName", path);
    if (section !== undefined && !SECTION_NAME.test(section))
      f.add(
        invalid(
          child(path, "sectionName"),
          section,
          message("gateway.pattern", { pattern: SECTION_NAME.source }),
        ),
      );
    port(f, item, "port", path, false);
  }
}

/** httproute_types.go HTTPPathMatch's CEL rules for Exact and PathPrefix. */
function validatePath(path: Obj, at: string, f: Fields): string {
  const type = f.string(path, "type", at) ?? "PathPrefix";
  const value = f.string(path, "value", at) ?? "/";
  if (!PATH_TYPES.includes(type)) {
    f.add(notSupported(child(at, "type"), type, PATH_TYPES));
    return type;
  }
  if (type === "RegularExpression") {
    try {
      new RegExp(value);
    } catch {
      // RegularExpression is implementation-specific; the simulator reads it as a JavaScript RegExp.
      f.add(invalid(child(at, "value"), value, message("gateway.regex")));
    }
    return type;
  }
  const problems: [boolean, DiagnosticMessage][] = [
    [!value.startsWith("/"), message("gateway.path.absolute")],
    [value.includes("//"), message("gateway.path.contains", { text: "//" })],
    [value.includes("/./"), message("gateway.path.contains", { text: "/./" })],
    [value.includes("/../"), message("gateway.path.contains", { text: "/../" })],
    [/%2f/i.test(value), message("gateway.path.contains", { text: "%2f" })],
    [value.includes("#"), message("gateway.path.contains", { text: "#" })],
    [value.endsWith("/.."), message("gateway.path.endsWith", { text: "/.." })],
    [value.endsWith("/."), message("gateway.path.endsWith", { text: "/." })],
    [!PATH_CHARS.test(value), message("gateway.path.characters", { pattern: PATH_CHARS.source })],
  ];
  for (const [bad, problem] of problems) if (bad) f.add(invalid(child(at, "value"), value, problem));
  return type;
}

/** HTTPHeaderMatch and HTTPQueryParamMatch: a name, a value and a type. */
function validateNameValues(match: Obj, key: "headers" | "queryParams", at: string, f: Fields): void {
  const seen = new Set<string>();
  for (const { item, path } of f.objects(match, key, at)) {
    const name = f.string(item, "name", path);
    if (name === undefined) f.add(required(child(path, "name")));
    else if (key === "headers" && !HEADER_NAME.test(name))
      f.add(invalid(child(path, "name"), name, message("gateway.pattern", { pattern: HEADER_NAME.source })));
    else {
      // Header names compare case-insensitively, query parameter names exactly (+listMapKey=name).
      const id = key === "headers" ? name.toLowerCase() : name;
      if (seen.has(id)) f.add(duplicate(child(path, "name"), name));
      seen.add(id);
    }
    if (f.string(item, "value", path) === undefined) f.add(required(child(path, "value")));
    const type = f.string(item, "type", path);
    if (type !== undefined && !MATCH_TYPES.includes(type))
      f.add(notSupported(child(path, "type"), type, MATCH_TYPES));
  }
}

/** HTTPPathModifier: ReplaceFullPath or ReplacePrefixMatch, with the matching field set. */
function validatePathModifier(modifier: Obj, at: string, f: Fields): string | undefined {
  const type = f.string(modifier, "type", at);
  if (type === "ReplaceFullPath" && isAbsent(modifier.replaceFullPath))
    f.add(required(child(at, "replaceFullPath"), message("gateway.replaceFullPath")));
  else if (type === "ReplacePrefixMatch" && isAbsent(modifier.replacePrefixMatch))
    f.add(required(child(at, "replacePrefixMatch"), message("gateway.replacePrefixMatch")));
  else if (type !== "ReplaceFullPath" && type !== "ReplacePrefixMatch")
    f.add(notSupported(child(at, "type"), type, ["ReplaceFullPath", "ReplacePrefixMatch"]));
  return type;
}

/** The config field each filter type needs (HTTPRouteFilter's CEL rules: "filter.X must be specified for X filter.type"). */
const FILTER_FIELD: Record<string, string> = {
  RequestHeaderModifier: "requestHeaderModifier",
  ResponseHeaderModifier: "responseHeaderModifier",
  RequestMirror: "requestMirror",
  RequestRedirect: "requestRedirect",
  URLRewrite: "urlRewrite",
  ExtensionRef: "extensionRef",
  CORS: "cors",
};

function validateFilters(
  rule: Obj,
  at: string,
  matches: { type: string }[],
  f: Fields,
  types: readonly string[] = FILTER_TYPES,
): void {
  const filters = f.objects(rule, "filters", at);
  const counts = new Map<string, number>();
  for (const { item, path } of filters) {
    const type = f.string(item, "type", path);
    if (type === undefined) {
      f.add(required(child(path, "type")));
      continue;
    }
    if (!types.includes(type)) {
      f.add(notSupported(child(path, "type"), type, types));
      continue;
    }
    counts.set(type, (counts.get(type) ?? 0) + 1);
    const field = FILTER_FIELD[type] as string;
    const config = f.object(item, field, path);
    if (!config) {
      f.add(required(child(path, field), message("gateway.filterConfig", { field, type })));
      continue;
    }
    const configAt = child(path, field);
    if (type === "RequestRedirect") {
      const code = f.int(config, "statusCode", configAt);
      if (code !== undefined && !REDIRECT_CODES.includes(code))
        f.add(notSupported(child(configAt, "statusCode"), code, REDIRECT_CODES.map(String)));
      const scheme = f.string(config, "scheme", configAt);
      if (scheme !== undefined && scheme !== "http" && scheme !== "https")
        f.add(notSupported(child(configAt, "scheme"), scheme, ["http", "https"]));
      port(f, config, "port", configAt, false);
    }
    if (type === "RequestRedirect" || type === "URLRewrite") {
      const host = f.string(config, "hostname", configAt);
      if (host !== undefined) f.add(...hostname(host, child(configAt, "hostname"), true));
      const modifier = f.object(config, "path", configAt);
      const kind = modifier && validatePathModifier(modifier, child(configAt, "path"), f);
      // HTTPRouteRule CEL: ReplacePrefixMatch needs exactly one PathPrefix match in the rule.
      if (kind === "ReplacePrefixMatch" && (matches.length !== 1 || matches[0]?.type !== "PathPrefix"))
        f.add(invalid(child(configAt, "path"), modifier, message("gateway.replacePrefixOneMatch", { type })));
    }
    if (type === "RequestHeaderModifier") {
      for (const key of ["set", "add"]) {
        for (const { item: header, path: hp } of f.objects(config, key, configAt)) {
          const name = f.string(header, "name", hp);
          if (name === undefined) f.add(required(child(hp, "name")));
          else if (!HEADER_NAME.test(name))
            f.add(
              invalid(child(hp, "name"), name, message("gateway.pattern", { pattern: HEADER_NAME.source })),
            );
          if (f.string(header, "value", hp) === undefined) f.add(required(child(hp, "value")));
        }
      }
      f.strings(config, "remove", configAt);
    }
  }
  if (counts.has("RequestRedirect") && counts.has("URLRewrite"))
    f.add(
      invalid(child(at, "filters"), "RequestRedirect, URLRewrite", message("gateway.redirectAndRewrite")),
    );
  for (const [type, n] of counts)
    if (n > 1 && type !== "RequestMirror")
      f.add(invalid(child(at, "filters"), type, message("gateway.filterRepeated", { type })));
}

/** httproute_types.go HTTPBackendRef (BackendObjectReference's CEL: a Service needs a port). */
function validateBackendRefs(rule: Obj, at: string, f: Fields): void {
  for (const { item, path } of f.objects(rule, "backendRefs", at)) {
    if (f.string(item, "name", path) === undefined) f.add(required(child(path, "name")));
    const group = f.string(item, "group", path) ?? "";
    const kind = f.string(item, "kind", path) ?? "Service";
    const number = port(f, item, "port", path, false);
    if (group === "" && kind === "Service" && number === undefined)
      f.add(required(child(path, "port"), message("gateway.backendPort")));
    const weight = f.int(item, "weight", path);
    if (weight !== undefined && (weight < 0 || weight > 1000000))
      f.add(invalid(child(path, "weight"), weight, message("gateway.weightRange")));
  }
}

/** httproute_types.go HTTPRouteSpec: parents, hostnames, rules (matches, filters, backends). */
export function validateHTTPRoute(object: Obj, f: Fields): void {
  const spec = f.object(object, "spec", "") ?? {};
  validateParentRefs(spec, f);
  const hostnames = f.strings(spec, "hostnames", "spec");
  for (const { value, path } of hostnames) f.add(...hostname(value, path, false));
  for (const { item: rule, path } of f.objects(spec, "rules", "spec")) {
    const matches = f.objects(rule, "matches", path).map(({ item, path: at }) => {
      const pathMatch = f.object(item, "path", at);
      const type = pathMatch ? validatePath(pathMatch, child(at, "path"), f) : "PathPrefix";
      validateNameValues(item, "headers", at, f);
      validateNameValues(item, "queryParams", at, f);
      const method = f.string(item, "method", at);
      if (method !== undefined && !METHODS.includes(method))
        f.add(notSupported(child(at, "method"), method, METHODS));
      return { type };
    });
    validateFilters(rule, path, matches.length ? matches : [{ type: "PathPrefix" }], f);
    validateBackendRefs(rule, path, f);
  }
}

/** grpcroute_types.go GRPCMethodMatch: a type, and a service or a method (Exact ones as gRPC names). */
function validateGRPCMethod(method: Obj, at: string, f: Fields): void {
  const type = f.string(method, "type", at) ?? "Exact";
  if (!MATCH_TYPES.includes(type)) f.add(notSupported(child(at, "type"), type, MATCH_TYPES));
  const service = f.string(method, "service", at);
  const name = f.string(method, "method", at);
  // The type defaults to Exact, so "has(self.type)" always holds: one of the two is needed.
  if (service === undefined && name === undefined) f.add(required(at, message("gateway.grpcMethodRequired")));
  if (type !== "Exact") {
    for (const [key, value] of [
      ["service", service],
      ["method", name],
    ] as const)
      if (value !== undefined && !isRegex(value))
        f.add(invalid(child(at, key), value, message("gateway.regex")));
    return;
  }
  if (service !== undefined && !GRPC_SERVICE.test(service))
    f.add(
      invalid(
        child(at, "service"),
        service,
        message("gateway.grpcService", { pattern: GRPC_SERVICE.source }),
      ),
    );
  if (name !== undefined && !GRPC_METHOD.test(name))
    f.add(invalid(child(at, "method"), name, message("gateway.grpcMethod", { pattern: GRPC_METHOD.source })));
}

function isRegex(value: string): boolean {
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}

/** grpcroute_types.go GRPCRouteSpec: parents, hostnames, rules (method and header matches, filters, backends). */
export function validateGRPCRoute(object: Obj, f: Fields): void {
  const spec = f.object(object, "spec", "") ?? {};
  validateParentRefs(spec, f);
  for (const { value, path } of f.strings(spec, "hostnames", "spec")) f.add(...hostname(value, path, false));
  for (const { item: rule, path } of f.objects(spec, "rules", "spec")) {
    for (const { item, path: at } of f.objects(rule, "matches", path)) {
      const method = f.object(item, "method", at);
      if (method) validateGRPCMethod(method, child(at, "method"), f);
      validateNameValues(item, "headers", at, f);
    }
    validateFilters(rule, path, [], f, GRPC_FILTER_TYPES);
    validateBackendRefs(rule, path, f);
  }
}

/** tlsroute_types.go TLSRouteSpec: hostnames (1 or more), exactly one rule, 1 to 16 backendRefs. */
export function validateTLSRoute(object: Obj, f: Fields): void {
  const spec = f.object(object, "spec", "") ?? {};
  validateParentRefs(spec, f);
  const hostnames = f.strings(spec, "hostnames", "spec");
  if (hostnames.length === 0) f.add(required("spec.hostnames"));
  for (const { value, path } of hostnames) f.add(...hostname(value, path, false));
  const rules = f.objects(spec, "rules", "spec");
  if (rules.length === 0) f.add(required("spec.rules"));
  if (rules.length > 1) f.add(tooMany("spec.rules", rules.length, 1));
  for (const { item: rule, path } of rules) {
    const backends = f.objects(rule, "backendRefs", path);
    if (backends.length === 0) f.add(required(child(path, "backendRefs")));
    if (backends.length > 16) f.add(tooMany(child(path, "backendRefs"), backends.length, 16));
    validateBackendRefs(rule, path, f);
  }
}

/** referencegrant_types.go: from and to each need at least one entry; from needs a namespace. */
export function validateReferenceGrant(object: Obj, f: Fields): void {
  const spec = f.object(object, "spec", "");
  if (!spec) {
    f.add(required("spec"));
    return;
  }
  const from = f.objects(spec, "from", "spec");
  if (from.length === 0) f.add(required("spec.from"));
  for (const { item, path } of from) {
    if (f.string(item, "group", path) === undefined) f.add(required(child(path, "group")));
    if (f.string(item, "kind", path) === undefined) f.add(required(child(path, "kind")));
    if (f.string(item, "namespace", path) === undefined) f.add(required(child(path, "namespace")));
  }
  const to = f.objects(spec, "to", "spec");
  if (to.length === 0) f.add(required("spec.to"));
  for (const { item, path } of to) {
    if (f.string(item, "group", path) === undefined) f.add(required(child(path, "group")));
    if (f.string(item, "kind", path) === undefined) f.add(required(child(path, "kind")));
  }
}
