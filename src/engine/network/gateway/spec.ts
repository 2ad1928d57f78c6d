import { asNumber, asRecord, asRecords, asString, asStringMap } from "../../cluster/fields.ts";
import type { LabelSelector } from "../../cluster/labels.ts";
import type { Ref } from "../../cluster/types.ts";
import type { SourcedObject } from "../../manifests/types.ts";
import { gatewayRef, httpRouteRef } from "../../refs.ts";
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

export interface RuleView {
  index: number;
  field: string;
  /** The rule's matches, defaulted (none written: one PathPrefix "/" match). */
  matches: RouteMatch[];
  /** Whether the matches were written, or are the default. */
  written: boolean;
  filters: FilterView[];
  backendRefs: BackendRefView[];
}

export interface ParentRefView extends ObjectRef {
  sectionName: string | undefined;
  port: number | undefined;
  index: number;
}

export interface HTTPRouteView {
  ref: Ref;
  namespace: string;
  name: string;
  /** "NS/NAME", the precedence tie-breaker. */
  key: string;
  created: string | undefined;
  hostnames: string[];
  parentRefs: ParentRefView[];
  rules: RuleView[];
  source: SourcedObject;
}

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

export function readHTTPRoute(source: SourcedObject): HTTPRouteView {
  const spec = asRecord(source.object.spec);
  const namespace = namespaceOf(source);
  const name = source.object.metadata.name;
  const written = asRecords(spec.rules);
  // HTTPRouteSpec.Rules defaults to one rule matching PathPrefix "/" (with no backends: 404s... or 500).
  const rules = (written.length ? written : [{}]).map((rule, index): RuleView => {
    const field = `spec.rules[${index}]`;
    const matches = asRecords(rule.matches);
    return {
      index,
      field,
      matches: matches.length ? matches.map(matchOf) : [DEFAULT_MATCH],
      written: matches.length > 0,
      filters: asRecords(rule.filters).map((f, i) => filterOf(f, `${field}.filters[${i}]`)),
      backendRefs: asRecords(rule.backendRefs).map((b, i) => ({
        ...objectRef(b, `${field}.backendRefs[${i}]`, namespace, "", "Service"),
        port: asNumber(b.port),
        weight: asNumber(b.weight) ?? 1,
      })),
    };
  });
  const created = asString(source.object.metadata.creationTimestamp);
  return {
    ref: httpRouteRef(namespace, name),
    namespace,
    name,
    key: `${namespace}/${name}`,
    created,
    hostnames: (Array.isArray(spec.hostnames) ? spec.hostnames : []).flatMap((h) =>
      typeof h === "string" ? [h.toLowerCase()] : [],
    ),
    parentRefs: asRecords(spec.parentRefs).map((p, index) => ({
      ...objectRef(p, `spec.parentRefs[${index}]`, namespace, GATEWAY_GROUP, "Gateway"),
      sectionName: asString(p.sectionName),
      port: asNumber(p.port),
      index,
    })),
    rules,
    source,
  };
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
