import {
  type Cluster,
  envoyDeploymentRef,
  type GRPCMatch,
  gatewayClassRef,
  gatewayRef,
  isGatewayKind,
  type KubeObject,
  type PodState,
  type Ref,
  type RouteMatch,
  type RouteView,
  readGateway,
  readRoute,
  svcRef,
} from "../../engine/index.ts";
import type { GatewayClassFlowNode, GatewayFlowNode, HTTPRouteFlowNode } from "./layout.ts";

// How Gateway API is drawn: a GatewayClass, each Gateway with its listeners and the routes attached
// to each, and each route (HTTPRoute, GRPCRoute, TLSRoute) with its rules and weighted backends. Everything is read from the
// objects as the simulated Envoy Gateway wrote their status, so the graph shows what the cluster says.

export interface GatewayClassSummary {
  ref: Ref;
  name: string;
  controller: string;
  accepted: boolean;
}

export interface GatewaySummary {
  ref: Ref;
  name: string;
  className: string;
  address: string | null;
  programmed: boolean;
  listeners: {
    name: string;
    protocol: string;
    port: number;
    hostname: string | null;
    attachedRoutes: number;
  }[];
  /** The Envoy pods that serve it. */
  proxyPods: Ref[];
}

export interface RouteBackend {
  service: Ref;
  text: string;
  /** The share of the rule's requests, "90%"; empty when the rule has one backend. */
  share: string;
}

export interface HTTPRouteSummary {
  ref: Ref;
  kind: RouteView["kind"];
  name: string;
  hostnames: string[];
  /** The Gateways that accepted it (status.parents[] Accepted True). */
  gateways: Ref[];
  rules: { match: string; backends: RouteBackend[] }[];
}

export type GatewayClassData = { gatewayClass: GatewayClassSummary };
export type GatewayData = { gateway: GatewaySummary };
export type HTTPRouteData = { route: HTTPRouteSummary };

type Condition = { type?: string; status?: string };

function conditionTrue(conditions: unknown, type: string): boolean {
  return (
    Array.isArray(conditions) && conditions.some((c: Condition) => c?.type === type && c.status === "True")
  );
}

function objectsOf(cluster: Cluster, kind: string) {
  return cluster.objects.filter((o) => isGatewayKind(o, kind));
}

export function gatewayClasses(cluster: Cluster): GatewayClassSummary[] {
  return objectsOf(cluster, "GatewayClass").map(({ object }) => ({
    ref: gatewayClassRef(object.metadata.name),
    name: object.metadata.name,
    controller: String(object.spec?.controllerName ?? ""),
    accepted: conditionTrue(object.status?.conditions, "Accepted"),
  }));
}

function attached(object: KubeObject, name: string): number {
  const listeners = (object.status?.listeners ?? []) as { name?: string; attachedRoutes?: number }[];
  return listeners.find((l) => l.name === name)?.attachedRoutes ?? 0;
}

export function gateways(cluster: Cluster): GatewaySummary[] {
  return objectsOf(cluster, "Gateway").map((source) => {
    const view = readGateway(source);
    const addresses = (source.object.status?.addresses ?? []) as { value?: string }[];
    const deployment = envoyDeploymentRef(view.namespace, view.name);
    return {
      ref: view.ref,
      name: view.name,
      className: view.className,
      address: addresses[0]?.value ?? null,
      programmed: conditionTrue(source.object.status?.conditions, "Programmed"),
      listeners: view.listeners.map((l) => ({
        name: l.name,
        protocol: l.protocol,
        port: l.port,
        hostname: l.hostname ?? null,
        attachedRoutes: attached(source.object, l.name),
      })),
      proxyPods: cluster.pods.filter((p: PodState) => p.owner === deployment).map((p) => p.ref),
    };
  });
}

/** A match as short as the box allows: `/v2`, `= /exact`, `~ regex`, `GET`, `env=canary`, `?q=1`. */
function compactMatch(match: RouteMatch): string {
  const { path } = match;
  const parts: string[] = [];
  if (path.type === "Exact") parts.push(`= ${path.value}`);
  else if (path.type === "RegularExpression") parts.push(`~ ${path.value}`);
  else if (path.value !== "/" || (!match.method && !match.headers.length && !match.queryParams.length))
    parts.push(path.value);
  if (match.method) parts.push(match.method);
  for (const h of match.headers) parts.push(`${h.name}${h.type === "Exact" ? "=" : "~"}${h.value}`);
  for (const q of match.queryParams) parts.push(`?${q.name}${q.type === "Exact" ? "=" : "~"}${q.value}`);
  return parts.join(" ");
}

/** A GRPCRouteMatch as short as the box allows: `pkg.Svc/Method`, a star for a missing part, `~ regex`, `name=value`. */
function compactGRPCMatch(match: GRPCMatch): string {
  const { type, service, method } = match.method;
  const parts = [`${type === "Exact" ? "" : "~ "}${service ?? "*"}/${method ?? "*"}`];
  for (const h of match.headers) parts.push(`${h.name}${h.type === "Exact" ? "=" : "~"}${h.value}`);
  return parts.join(" ");
}

function ruleMatchText(view: RouteView, index: number): string {
  if (view.kind === "HTTPRoute") {
    const rule = view.rules[index];
    return rule?.written ? rule.matches.map(compactMatch).join(" | ") : "";
  }
  if (view.kind === "GRPCRoute") {
    const rule = view.rules[index];
    return rule?.written ? rule.matches.map(compactGRPCMatch).join(" | ") : "";
  }
  // A TLSRoute's rule has no matches: its hostnames (the SNI) chose it.
  return "";
}

/** Every route of every kind the simulated Envoy Gateway serves, as the graph draws it. */
export function httpRoutes(cluster: Cluster): HTTPRouteSummary[] {
  return cluster.objects.flatMap((source) => {
    const view = readRoute(source);
    if (!view) return [];
    const parents = (source.object.status?.parents ?? []) as {
      parentRef?: { namespace?: string; name?: string };
      conditions?: unknown;
    }[];
    return {
      ref: view.ref,
      kind: view.kind,
      name: view.name,
      hostnames: view.hostnames,
      gateways: parents
        .filter((p) => conditionTrue(p.conditions, "Accepted"))
        .map((p) => gatewayRef(p.parentRef?.namespace ?? view.namespace, p.parentRef?.name ?? "")),
      rules: view.rules.map((rule) => {
        const total = rule.backendRefs.reduce((sum, b) => sum + b.weight, 0);
        return {
          match: ruleMatchText(view, rule.index),
          backends: rule.backendRefs.map((b) => ({
            service: svcRef(b.namespace, b.name),
            text: `${b.name}:${b.port ?? "?"}`,
            share: rule.backendRefs.length > 1 && total > 0 ? `${Math.round((100 * b.weight) / total)}%` : "",
          })),
        };
      }),
    };
  });
}

export const GATEWAY_BOX = { width: 200, header: 44, line: 15, pad: 8, maxLines: 6 } as const;

function boxHeight(lines: number): number {
  return GATEWAY_BOX.header + Math.min(lines, GATEWAY_BOX.maxLines) * GATEWAY_BOX.line + GATEWAY_BOX.pad;
}

export type GatewayApiFlowNode = GatewayClassFlowNode | GatewayFlowNode | HTTPRouteFlowNode;

/** Gateway API boxes stacked from `top` in column `x`: classes, then Gateways, then HTTPRoutes. */
export function placeGatewayApi(cluster: Cluster, x: number, top: number, gap: number): GatewayApiFlowNode[] {
  let y = top;
  const at = (id: Ref, height: number) => {
    const placed = { id, position: { x, y }, width: GATEWAY_BOX.width, height };
    y += height + gap;
    return placed;
  };
  const routeLines = (route: HTTPRouteSummary) =>
    route.rules.reduce((n, r) => n + Math.max(r.backends.length, 1) + (r.match ? 1 : 0), 0);
  return [
    ...gatewayClasses(cluster).map(
      (gatewayClass): GatewayApiFlowNode => ({
        ...at(gatewayClass.ref, 40),
        type: "gatewayClass",
        data: { gatewayClass },
      }),
    ),
    ...gateways(cluster).map(
      (gateway): GatewayApiFlowNode => ({
        ...at(gateway.ref, boxHeight(gateway.listeners.length)),
        type: "gateway",
        data: { gateway },
      }),
    ),
    ...httpRoutes(cluster).map(
      (route): GatewayApiFlowNode => ({
        ...at(route.ref, boxHeight(routeLines(route))),
        type: "httpRoute",
        data: { route },
      }),
    ),
  ];
}

/**
 * The routes a request through a Gateway takes beyond Services: from each Envoy pod to its Gateway,
 * from a Gateway to each HTTPRoute it accepted, from a route to the Services its rules name.
 */
export function gatewayRoutes(cluster: Cluster): [source: Ref, target: Ref][] {
  const routes: [Ref, Ref][] = [];
  for (const gateway of gateways(cluster))
    for (const pod of gateway.proxyPods) routes.push([pod, gateway.ref]);
  for (const route of httpRoutes(cluster)) {
    for (const gateway of route.gateways) routes.push([gateway, route.ref]);
    const services = new Set(route.rules.flatMap((r) => r.backends.map((b) => b.service)));
    for (const service of services) routes.push([route.ref, service]);
  }
  return routes;
}
