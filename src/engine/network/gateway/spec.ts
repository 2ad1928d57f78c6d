import { asNumber, asRecord, asRecords, asString, asStringMap } from "../../cluster/fields.ts";
import type { LabelSelector } from "../../cluster/labels.ts";
import type { Ref } from "../../cluster/types.ts";
import type { SourcedObject } from "../../manifests/types.ts";
import { gatewayRef, grpcRouteRef, httpRouteRef, tlsRouteRef } from "../../refs.ts";
import { DEFAULT_GRPC_MATCH, type GRPCMatch } from "./grpc.ts";
import { DEFAULT_MATCH, type PathMatchType, type RouteMatch, type ValueMatch } from "./match.ts";

/** The API group of every Gateway API kind. */
export const GATEWAY_GROUP = "gateway.networking.k8s.io";
export const GATEWAY_API_VERSION = `${GATEWAY_GROUP}/v1`;

export function isGatewayKind(source: SourcedObject, kind: string): boolean {
  const { object } = source;
  return object.kind === kind && object.apiVersion.startsWith(`${GATEWAY_GROUP}/`);
}

/** A typed reference to another object, defaulted as the CRD defaults it; `field` is its path. */
export interface ObjectRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  field: string;
}

export interface ListenerView {
  name: string;
  port: number;
  protocol: string;
  hostname: string | undefined;
  tls: { mode: string; certificateRefs: ObjectRef[] } | undefined;
  /** AllowedRoutes: namespaces.from defaults to Same; kinds, when written, as written. */
  allowedRoutes: {
    from: "All" | "Same" | "Selector";
    selector: LabelSelector | undefined;
    kinds: { group: string; kind: string }[] | undefined;
  };
  index: number;
  field: string;
}

export interface GatewayView {
  ref: Ref;
  namespace: string;
  name: string;
  className: string;
  listeners: ListenerView[];
  source: SourcedObject;
}

export type HeaderPair = { name: string; value: string };

/** HTTPPathModifier. */
export type PathModifier = { type: "ReplaceFullPath" | "ReplacePrefixMatch"; value: string };

export type FilterView = { field: string } & (
  | { type: "RequestHeaderModifier"; set: HeaderPair[]; add: HeaderPair[]; remove: string[] }
  | {
      type: "RequestRedirect";
      scheme: string | undefined;
      hostname: string | undefined;
      path: PathModifier | undefined;
      port: number | undefined;
      /** Defaults to 302 (HTTPRequestRedirectFilter.StatusCode). */
      statusCode: number;
    }
  | { type: "URLRewrite"; hostname: string | undefined; path: PathModifier | undefined }
  | { type: "other"; name: string }
);

export interface BackendRefView extends ObjectRef {
  port: number | undefined;
  /** BackendRef.Weight, default 1. */
  weight: number;
}

/** What every route kind's rule has: where it is, its filters and its weighted backends. */
export interface RouteRuleBase {
  index: number;
  field: string;
  /** Whether the matches were written, or are the default. */
  written: boolean;
  filters: FilterView[];
  backendRefs: BackendRefView[];
}

export interface RuleView extends RouteRuleBase {
  /** The rule's matches, defaulted (none written: one PathPrefix "/" match). */
  matches: RouteMatch[];
}

export interface GRPCRuleView extends RouteRuleBase {
  /** The rule's matches, defaulted (none written: `{method: {type: Exact}}`, every call). */
  matches: GRPCMatch[];
}

export interface ParentRefView extends ObjectRef {
  sectionName: string | undefined;
  port: number | undefined;
  index: number;
}

/** The Route kinds the simulated Envoy Gateway serves. */
export type RouteKind = "HTTPRoute" | "GRPCRoute" | "TLSRoute";
export const ROUTE_KINDS: readonly RouteKind[] = ["HTTPRoute", "GRPCRoute", "TLSRoute"];

/** What every route kind has (shared_types.go CommonRouteSpec, plus hostnames). */
interface RouteViewBase {
  ref: Ref;
  namespace: string;
  name: string;
  /** "NS/NAME", the precedence tie-breaker. */
  key: string;
  created: string | undefined;
  hostnames: string[];
  parentRefs: ParentRefView[];
  source: SourcedObject;
}

export interface HTTPRouteView extends RouteViewBase {
  kind: "HTTPRoute";
  rules: RuleView[];
}

export interface GRPCRouteView extends RouteViewBase {
  kind: "GRPCRoute";
  rules: GRPCRuleView[];
}

/** TLSRoute: one rule (MinItems=1, MaxItems=1), backends only: the SNI chose the route. */
export interface TLSRouteView extends RouteViewBase {
  kind: "TLSRoute";
  rules: RouteRuleBase[];
}

export type RouteView = HTTPRouteView | GRPCRouteView | TLSRouteView;

export interface ReferenceGrantView {
  namespace: string;
  from: { group: string; kind: string; namespace: string }[];
  to: { group: string; kind: string; name: string | undefined }[];
}

function namespaceOf(source: SourcedObject): string {
  return source.object.metadata.namespace ?? "default";
}

function objectRef(
  value: Record<string, unknown>,
  field: string,
  ns: string,
  group: string,
  kind: string,
): ObjectRef {
  return {
    group: asString(value.group) ?? group,
    kind: asString(value.kind) ?? kind,
    namespace: asString(value.namespace) ?? ns,
    name: asString(value.name) ?? "",
    field,
  };
}

function selectorOf(value: unknown): LabelSelector | undefined {
  const record = asRecord(value);
  if (Object.keys(record).length === 0) return undefined;
  return {
    matchLabels: asStringMap(record.matchLabels),
    matchExpressions: asRecords(record.matchExpressions).map((e) => ({
      key: asString(e.key) ?? "",
      operator: asString(e.operator) ?? "In",
      values: Array.isArray(e.values) ? e.values.filter((v): v is string => typeof v === "string") : [],
    })),
  };
}

export function readGateway(source: SourcedObject): GatewayView {
  const spec = asRecord(source.object.spec);
  const namespace = namespaceOf(source);
  const listeners = asRecords(spec.listeners).map((l, index): ListenerView => {
    const field = `spec.listeners[${index}]`;
    const tls = asRecord(l.tls);
    const allowed = asRecord(l.allowedRoutes);
    const namespaces = asRecord(allowed.namespaces);
    const from = asString(namespaces.from);
    return {
      name: asString(l.name) ?? "",
      port: asNumber(l.port) ?? 0,
      protocol: asString(l.protocol) ?? "",
      hostname: asString(l.hostname)?.toLowerCase() || undefined,
      tls:
        l.tls === undefined
          ? undefined
          : {
              mode: asString(tls.mode) ?? "Terminate",
              certificateRefs: asRecords(tls.certificateRefs).map((r, i) =>
                objectRef(r, `${field}.tls.certificateRefs[${i}]`, namespace, "", "Secret"),
              ),
            },
      allowedRoutes: {
        from: from === "All" || from === "Selector" ? from : "Same",
        selector: selectorOf(namespaces.selector),
        kinds: Array.isArray(allowed.kinds)
          ? asRecords(allowed.kinds).map((k) => ({
              group: asString(k.group) ?? GATEWAY_GROUP,
              kind: asString(k.kind) ?? "",
            }))
          : undefined,
      },
      index,
      field,
    };
  });
  return {
    ref: gatewayRef(namespace, source.object.metadata.name),
    namespace,
    name: source.object.metadata.name,
    className: asString(spec.gatewayClassName) ?? "",
    listeners,
    source,
  };
}

function valueMatches(value: unknown): ValueMatch[] {
  const seen = new Set<string>();
  return asRecords(value).flatMap((m): ValueMatch[] => {
    const name = asString(m.name) ?? "";
    // "only the first entry with an equivalent name MUST be considered for a match".
    if (seen.has(name.toLowerCase())) return [];
    seen.add(name.toLowerCase());
    const type = asString(m.type) === "RegularExpression" ? "RegularExpression" : "Exact";
    return [{ type, name, value: asString(m.value) ?? "" }];
  });
}

function matchOf(value: Record<string, unknown>): RouteMatch {
  const path = asRecord(value.path);
  return {
    path: {
      type: (asString(path.type) ?? "PathPrefix") as PathMatchType,
      value: asString(path.value) ?? "/",
    },
    headers: valueMatches(value.headers),
    queryParams: valueMatches(value.queryParams),
    method: asString(value.method),
  };
}

function pathModifier(value: unknown): PathModifier | undefined {
  const record = asRecord(value);
  const type = asString(record.type);
  if (type === "ReplaceFullPath") return { type, value: asString(record.replaceFullPath) ?? "/" };
  if (type === "ReplacePrefixMatch") return { type, value: asString(record.replacePrefixMatch) ?? "/" };
  return undefined;
}

function pairs(value: unknown): HeaderPair[] {
  return asRecords(value).map((h) => ({ name: asString(h.name) ?? "", value: asString(h.value) ?? "" }));
}

function filterOf(value: Record<string, unknown>, field: string): FilterView {
  const type = asString(value.type) ?? "";
  if (type === "RequestHeaderModifier") {
    const config = asRecord(value.requestHeaderModifier);
    const remove = Array.isArray(config.remove)
      ? config.remove.filter((r): r is string => typeof r === "string")
      : [];
    return { type, field, set: pairs(config.set), add: pairs(config.add), remove };
  }
  if (type === "RequestRedirect") {
    const config = asRecord(value.requestRedirect);
    return {
      type,
      field,
      scheme: asString(config.scheme),
      hostname: asString(config.hostname),
      path: pathModifier(config.path),
      port: asNumber(config.port),
      statusCode: asNumber(config.statusCode) ?? 302,
    };
  }
  if (type === "URLRewrite") {
    const config = asRecord(value.urlRewrite);
    return { type, field, hostname: asString(config.hostname), path: pathModifier(config.path) };
  }
  return { type: "other", name: type, field };
}

function backendRefsOf(rule: Record<string, unknown>, field: string, namespace: string): BackendRefView[] {
  return asRecords(rule.backendRefs).map((b, i) => ({
    ...objectRef(b, `${field}.backendRefs[${i}]`, namespace, "", "Service"),
    port: asNumber(b.port),
    weight: asNumber(b.weight) ?? 1,
  }));
}

/** The rules of a route, each read with its kind's match reader and default match. */
function rulesOf<M>(
  spec: Record<string, unknown>,
  namespace: string,
  readMatch: (value: Record<string, unknown>) => M,
  defaultMatch: M,
): (RouteRuleBase & { matches: M[] })[] {
  const written = asRecords(spec.rules);
  // HTTPRouteSpec.Rules and GRPCRouteSpec.Rules default to one rule matching every request.
  return (written.length ? written : [{}]).map((rule, index) => {
    const field = `spec.rules[${index}]`;
    const matches = asRecords(rule.matches);
    return {
      index,
      field,
      matches: matches.length ? matches.map(readMatch) : [defaultMatch],
      written: matches.length > 0,
      filters: asRecords(rule.filters).map((f, i) => filterOf(f, `${field}.filters[${i}]`)),
      backendRefs: backendRefsOf(rule, field, namespace),
    };
  });
}

/** What every route kind reads alike: name, age, hostnames, parentRefs. */
function routeBase(source: SourcedObject, ref: (ns: string, name: string) => Ref): RouteViewBase {
  const spec = asRecord(source.object.spec);
  const namespace = namespaceOf(source);
  const name = source.object.metadata.name;
  return {
    ref: ref(namespace, name),
    namespace,
    name,
    key: `${namespace}/${name}`,
    created: asString(source.object.metadata.creationTimestamp),
    hostnames: (Array.isArray(spec.hostnames) ? spec.hostnames : []).flatMap((h) =>
      typeof h === "string" ? [h.toLowerCase()] : [],
    ),
    parentRefs: asRecords(spec.parentRefs).map((p, index) => ({
      ...objectRef(p, `spec.parentRefs[${index}]`, namespace, GATEWAY_GROUP, "Gateway"),
      sectionName: asString(p.sectionName),
      port: asNumber(p.port),
      index,
    })),
    source,
  };
}

export function readHTTPRoute(source: SourcedObject): HTTPRouteView {
  const base = routeBase(source, httpRouteRef);
  const rules = rulesOf(asRecord(source.object.spec), base.namespace, matchOf, DEFAULT_MATCH);
  return { ...base, kind: "HTTPRoute", rules };
}

/** GRPCRouteMatch: the method match (type defaults to Exact) and header matches. */
function grpcMatchOf(value: Record<string, unknown>): GRPCMatch {
  const method = asRecord(value.method);
  return {
    method: {
      type: asString(method.type) === "RegularExpression" ? "RegularExpression" : "Exact",
      service: asString(method.service) || undefined,
      method: asString(method.method) || undefined,
    },
    headers: valueMatches(value.headers),
  };
}

export function readGRPCRoute(source: SourcedObject): GRPCRouteView {
  const base = routeBase(source, grpcRouteRef);
  const rules = rulesOf(asRecord(source.object.spec), base.namespace, grpcMatchOf, DEFAULT_GRPC_MATCH);
  return { ...base, kind: "GRPCRoute", rules };
}

export function readTLSRoute(source: SourcedObject): TLSRouteView {
  const base = routeBase(source, tlsRouteRef);
  const rules = asRecords(asRecord(source.object.spec).rules).map((rule, index): RouteRuleBase => {
    const field = `spec.rules[${index}]`;
    return {
      index,
      field,
      written: false,
      filters: [],
      backendRefs: backendRefsOf(rule, field, base.namespace),
    };
  });
  return { ...base, kind: "TLSRoute", rules };
}

/** Any route kind's view, or undefined for other objects. */
export function readRoute(source: SourcedObject): RouteView | undefined {
  if (isGatewayKind(source, "HTTPRoute")) return readHTTPRoute(source);
  if (isGatewayKind(source, "GRPCRoute")) return readGRPCRoute(source);
  if (isGatewayKind(source, "TLSRoute")) return readTLSRoute(source);
  return undefined;
}

export function readReferenceGrant(source: SourcedObject): ReferenceGrantView {
  const spec = asRecord(source.object.spec);
  return {
    namespace: namespaceOf(source),
    from: asRecords(spec.from).map((f) => ({
      group: asString(f.group) ?? "",
      kind: asString(f.kind) ?? "",
      namespace: asString(f.namespace) ?? "",
    })),
    to: asRecords(spec.to).map((t) => ({
      group: asString(t.group) ?? "",
      kind: asString(t.kind) ?? "",
      name: asString(t.name),
    })),
  };
}

/**
 * ReferenceGrant: a reference from a `fromKind` in `fromNamespace` to an object in another
 * namespace is allowed only when a grant in the target's namespace lists both ends.
 */
export function referenceAllowed(
  grants: readonly ReferenceGrantView[],
  from: { group: string; kind: string; namespace: string },
  to: ObjectRef,
): boolean {
  if (from.namespace === to.namespace) return true;
  return grants.some(
    (g) =>
      g.namespace === to.namespace &&
      g.from.some((f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace) &&
      g.to.some(
        (t) => t.group === to.group && t.kind === to.kind && (t.name === undefined || t.name === to.name),
      ),
  );
}
