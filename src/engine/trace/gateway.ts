import { envoyContainerPort } from "../cluster/gateways.ts";
import type { PodState } from "../cluster/types.ts";
import { type HopMessage, hopMessage } from "../messages/index.ts";
import type { GatewayState, ListenerState } from "../network/gateway/controller.ts";
import { GRPC_MATCH_ORDER, type GRPCMatch, grpcCallOf, grpcMatches } from "../network/gateway/grpc.ts";
import { hostnameMatches, hostnameRank } from "../network/gateway/hostname.ts";
import {
  byPrecedence,
  type Candidate,
  compareCandidates,
  HTTP_MATCH_ORDER,
  type MatchOrder,
  type MatchRequest,
  matchesRequest,
  type PrecedenceReason,
  type RouteMatch,
} from "../network/gateway/match.ts";
import type {
  BackendRefView,
  FilterView,
  PathModifier,
  RouteRuleBase,
  RouteView,
} from "../network/gateway/spec.ts";
import { routeForSNI } from "../network/gateway/tls.ts";
import { causeOf, type HttpRequest, type TraceContext } from "./hops.ts";
import { upstreamPacket, type Wire } from "./ingress.ts";
import type { Arrival } from "./trace.ts";
import type { PacketHeader } from "./types.ts";

/** A request on its way through Envoy: what the route's filters may change. */
interface ProxiedRequest {
  scheme: "http" | "https";
  host: string;
  path: string;
  query: string;
  method: string;
  /** Lower-cased name → value (repeated headers joined with ",", as Envoy presents them). */
  headers: Map<string, string>;
}

function proxied(http: HttpRequest): ProxiedRequest {
  const headers = new Map<string, string>();
  for (const { name, value } of http.headers ?? []) {
    const key = name.toLowerCase();
    const before = headers.get(key);
    headers.set(key, before === undefined ? value : `${before},${value}`);
  }
  return {
    scheme: http.scheme,
    host: http.host,
    path: http.path,
    query: http.query ?? "",
    method: http.method ?? "GET",
    headers,
  };
}

function queryOf(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of query.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    // A repeated parameter's behaviour is left undefined by the spec: the first one counts here.
    if (!out.has(name)) out.set(name, decodeURIComponent(eq < 0 ? "" : part.slice(eq + 1)));
  }
  return out;
}

function answered(outcome: `http-${number}`): Arrival {
  return { at: "answered", outcome };
}

/** The listeners of a Gateway served on a container port of its proxy. */
function listenersOn(gateway: GatewayState, containerPort: number): ListenerState[] {
  return gateway.listeners.filter((l) => l.valid && envoyContainerPort(l.listener.port) === containerPort);
}

/** Whether a pod of a Gateway's proxy listens on the port a packet reaches. */
export function isGatewayListener(gateway: GatewayState, port: number): boolean {
  return listenersOn(gateway, port).length > 0;
}

/**
 * The listener that takes a request among those on one port (Listener.Hostname): an exact hostname
 * before the longest wildcard before a listener without one.
 */
function listenerFor(listeners: readonly ListenerState[], host: string): ListenerState | undefined {
  const score = (l: ListenerState) => {
    const name = l.listener.hostname;
    if (!name) return 0;
    if (!hostnameMatches(name, host)) return -1;
    return name.startsWith("*.") ? name.length : 1000 + name.length;
  };
  let best: ListenerState | undefined;
  for (const l of listeners) if (score(l) >= 0 && (!best || score(l) > score(best))) best = l;
  return best;
}

interface RouteCandidate<M> extends Candidate<M> {
  view: RouteView;
  rule: RouteRuleBase;
  hostnameMatched: string | undefined;
}

type RulesOf<M> = (route: RouteView) => readonly (RouteRuleBase & { matches: readonly M[] })[] | undefined;
const httpRules: RulesOf<RouteMatch> = (r) => (r.kind === "HTTPRoute" ? r.rules : undefined);
const grpcRules: RulesOf<GRPCMatch> = (r) => (r.kind === "GRPCRoute" ? r.rules : undefined);

/** Every match of every rule of one kind's routes attached to the listener whose hostnames take the host. */
function candidatesFor<M>(listener: ListenerState, host: string, rulesOf: RulesOf<M>): RouteCandidate<M>[] {
  const out: RouteCandidate<M>[] = [];
  for (const attached of listener.routes) {
    const rank = hostnameRank(attached.hostnames, host);
    const rules = rulesOf(attached.route);
    if (!rank || !rules) continue;
    const { route } = attached;
    for (const rule of rules)
      rule.matches.forEach((match, matchIndex) => {
        out.push({
          route: route.key,
          created: route.created,
          hostname: rank,
          ruleIndex: rule.index,
          matchIndex,
          match,
          view: route,
          rule,
          hostnameMatched: rank.hostname,
        });
      });
  }
  return out;
}

const REASON: Record<PrecedenceReason, HopMessage> = {
  hostname: hopMessage("hop.gw-why-hostname", {}),
  "exact-path": hopMessage("hop.gw-why-exact-path", {}),
  "path-type": hopMessage("hop.gw-why-path-type", {}),
  "longer-prefix": hopMessage("hop.gw-why-longer-prefix", {}),
  method: hopMessage("hop.gw-why-method", {}),
  "more-headers": hopMessage("hop.gw-why-more-headers", {}),
  "more-query-params": hopMessage("hop.gw-why-more-query-params", {}),
  "older-route": hopMessage("hop.gw-why-older-route", {}),
  // The spec's tie-break: alphabetical order of "{namespace}/{name}".
  "route-name": hopMessage("hop.gw-why-route-name", { order: '"{namespace}/{name}"' }),
  "rule-order": hopMessage("hop.gw-why-rule-order", {}),
  "longer-service": hopMessage("hop.gw-why-longer-service", {}),
  "longer-method": hopMessage("hop.gw-why-longer-method", {}),
};

function matchText(match: RouteMatch): string {
  const parts = [`path ${match.path.type} ${match.path.value}`];
  if (match.method) parts.push(`method ${match.method}`);
  for (const h of match.headers) parts.push(`header ${h.name}${h.type === "Exact" ? "=" : "~"}${h.value}`);
  for (const q of match.queryParams) parts.push(`query ${q.name}${q.type === "Exact" ? "=" : "~"}${q.value}`);
  return parts.join(", ");
}

/** A GRPCRouteMatch as text: `service S method M`, `header name=value`. */
function grpcMatchText(match: GRPCMatch): string {
  const { type, service, method } = match.method;
  const op = type === "Exact" ? "" : "~";
  const parts = [`service ${op}${service ?? "*"}`, `method ${op}${method ?? "*"}`];
  for (const h of match.headers) parts.push(`header ${h.name}${h.type === "Exact" ? "=" : "~"}${h.value}`);
  return parts.join(", ");
}

function matchField<M>(candidate: RouteCandidate<M>): string {
  return candidate.rule.written
    ? `${candidate.rule.field}.matches[${candidate.matchIndex}]`
    : candidate.rule.field;
}

/** Why the winning match beats the next rule that also matches, when there is one. */
function whyWins<M>(
  winner: RouteCandidate<M>,
  matching: readonly RouteCandidate<M>[],
  order: MatchOrder<M>,
): HopMessage {
  const runnerUp = matching.find((c) => c.view !== winner.view || c.rule !== winner.rule);
  return runnerUp
    ? hopMessage("hop.gw-wins", {
        route: runnerUp.view.ref,
        field: matchField(runnerUp),
        reason: REASON[compareCandidates(winner, runnerUp, order).reason],
      })
    : hopMessage("hop.none", {});
}

/**
 * The hop on the route whose match takes the request (HTTPRoute or GRPCRoute): the rule's field and
 * the listener hostname it matched on are common; `message` adds what the route kind matched.
 */
function winnerHop<M>(
  ctx: TraceContext,
  winner: RouteCandidate<M>,
  packet: PacketHeader,
  message: (shared: { field: string; hostname: HopMessage }) => HopMessage,
): void {
  if (!ctx.hop) return;
  const field = matchField(winner);
  const hostname = winner.hostnameMatched
    ? hopMessage("hop.gw-match-hostname", { hostname: winner.hostnameMatched })
    : hopMessage("hop.none", {});
  const cause = causeOf(winner.view.ref, winner.view.source, field);
  ctx.hop(winner.view.ref, "l7-route", message({ field, hostname }), packet, packet, cause);
}

/** HTTPPathModifier: the whole path, or the matched PathPrefix replaced (conformance httproute-rewrite-path). */
export function modifiedPath(path: string, modifier: PathModifier, prefix: string): string {
  if (modifier.type === "ReplaceFullPath") return modifier.value;
  const rest = path.slice(prefix.replace(/\/+$/, "").length);
  const out = modifier.value.replace(/\/+$/, "") + rest;
  return out.startsWith("/") ? out : `/${out}`;
}

/**
 * HTTPRequestRedirectFilter's Location: scheme, hostname and path from the filter or the request;
 * the port from the filter, else the scheme's well-known port when the filter sets a scheme, else
 * the listener's; no port written for http:80 and https:443.
 */
export function redirectLocation(
  request: ProxiedRequest,
  filter: FilterView & { type: "RequestRedirect" },
  listenerPort: number,
  prefix: string,
): string {
  const scheme = filter.scheme ?? request.scheme;
  const host = filter.hostname ?? request.host;
  const port = filter.port ?? (filter.scheme ? (scheme === "https" ? 443 : 80) : listenerPort);
  const path = filter.path ? modifiedPath(request.path, filter.path, prefix) : request.path;
  const shown = (scheme === "http" && port === 80) || (scheme === "https" && port === 443) ? "" : `:${port}`;
  return `${scheme}://${host}${shown}${path}${request.query ? `?${request.query}` : ""}`;
}

function headerText(pairs: readonly { name: string; value: string }[]): string {
  return pairs.map((p) => `${p.name}: ${p.value}`).join(", ");
}

/** The rule's filters in order; a redirect ends the request with its status. `prefix`: the PathPrefix matched. */
function applyFilters(
  ctx: TraceContext,
  winner: RouteCandidate<unknown>,
  request: ProxiedRequest,
  listener: ListenerState,
  packet: PacketHeader,
  prefix: string,
): Arrival | null {
  const route = winner.view;
  for (const filter of winner.rule.filters) {
    const cause = causeOf(route.ref, route.source, filter.field);
    if (filter.type === "RequestHeaderModifier") {
      for (const { name, value } of filter.set) request.headers.set(name.toLowerCase(), value);
      for (const { name, value } of filter.add) {
        const before = request.headers.get(name.toLowerCase());
        request.headers.set(name.toLowerCase(), before === undefined ? value : `${before},${value}`);
      }
      for (const name of filter.remove) request.headers.delete(name.toLowerCase());
      const parts = [
        filter.set.length ? `set ${headerText(filter.set)}` : "",
        filter.add.length ? `add ${headerText(filter.add)}` : "",
        filter.remove.length ? `remove ${filter.remove.join(", ")}` : "",
      ].filter((p) => p !== "");
      ctx.hop?.(
        route.ref,
        "route",
        hopMessage("hop.gw-header-modifier", { changes: parts.join("; ") }),
        packet,
        packet,
        cause,
      );
    } else if (filter.type === "RequestRedirect") {
      const location = redirectLocation(request, filter, listener.listener.port, prefix);
      ctx.hop?.(
        route.ref,
        "redirect",
        hopMessage("hop.gw-redirect", { status: filter.statusCode, location }),
        packet,
        packet,
        cause,
      );
      return answered(`http-${filter.statusCode}`);
    } else if (filter.type === "URLRewrite") {
      const before = `${request.host}${request.path}`;
      if (filter.hostname) request.host = filter.hostname;
      if (filter.path) request.path = modifiedPath(request.path, filter.path, prefix);
      ctx.hop?.(
        route.ref,
        "route",
        hopMessage("hop.gw-rewrite", { before, host: request.host, path: request.path }),
        packet,
        packet,
        cause,
      );
    } else {
      ctx.hop?.(
        route.ref,
        "route",
        hopMessage("hop.gw-filter-not-simulated", { filter: filter.name }),
        packet,
        packet,
        cause,
      );
    }
  }
  return null;
}

/** A weighted pick among backendRefs (BackendRef.Weight: "proportional to the sum of all weights"). */
function pickBackend(
  ctx: TraceContext,
  refs: readonly BackendRefView[],
): { ref: BackendRefView; total: number } | undefined {
  const total = refs.reduce((sum, r) => sum + Math.max(r.weight, 0), 0);
  if (total === 0) return undefined;
  let draw = ctx.state.random.int(total);
  for (const ref of refs) {
    if (draw < ref.weight) return { ref, total };
    draw -= ref.weight;
  }
  return undefined;
}

/** How the proxy fails a request it cannot forward: an HTTP status, or (TLSRoute) a closed connection. */
type Refusal = { http: true } | { http: false };

function reject(
  ctx: TraceContext,
  at: string,
  message: HopMessage,
  packet: PacketHeader,
  code: number,
  cause?: ReturnType<typeof causeOf>,
  how: Refusal = { http: true },
): Arrival {
  ctx.hop?.(at, "reject", message, packet, packet, cause);
  // tlsroute_types.go BackendRefs: "the underlying implementation must actively reject request
  // attempts to this backend, by rejecting the connection".
  return how.http ? answered(`http-${code}`) : { at: "lost", outcome: "refused" };
}

/** What the upstream hop says: an HTTP request (with its method, host, path) or a TLS stream. */
type Upstream = { http: true; request: ProxiedRequest } | { http: false; sni: string; mode: string };

/** The backend a rule sends to: a weighted pick, checked, then an endpoint of its Service. */
function toBackend(
  ctx: TraceContext,
  wire: Wire,
  pod: PodState,
  winner: { view: RouteView; rule: RouteRuleBase },
  upstream: Upstream,
  packet: PacketHeader,
): Arrival {
  const route = winner.view;
  const rule = winner.rule;
  const fail = (message: HopMessage, code: number, field: string) =>
    reject(ctx, route.ref, message, packet, code, causeOf(route.ref, route.source, field), upstream);
  if (rule.backendRefs.length === 0)
    return fail(hopMessage("hop.gw-no-backends", { field: rule.field }), 500, rule.field);
  const picked = pickBackend(ctx, rule.backendRefs);
  if (!picked)
    return fail(hopMessage("hop.gw-zero-weights", { field: rule.field }), 500, `${rule.field}.backendRefs`);
  const { ref, total } = picked;
  const cause = causeOf(route.ref, route.source, ref.field);
  if (rule.backendRefs.length > 1)
    ctx.hop?.(
      route.ref,
      "lb-choice",
      hopMessage("hop.gw-weighted", {
        weights: rule.backendRefs.map((r) => `${r.name}:${r.port ?? "?"} weight ${r.weight}`).join(", "),
        name: ref.name,
        weight: ref.weight,
        total,
      }),
      packet,
      packet,
      causeOf(route.ref, route.source, `${ref.field}.weight`),
    );
  const state = ctx.dp.gateway.model.routes.find((r) => r.view.ref === route.ref);
  const invalid = state?.invalidBackends.get(ref.field);
  if (invalid)
    return fail(
      hopMessage("hop.gw-invalid-backend", {
        backend: `${ref.namespace}/${ref.name}`,
        reason: invalid.reason,
        message: invalid.text,
      }),
      500,
      ref.field,
    );
  const view = ctx.dp.services.get(`${ref.namespace}/${ref.name}`);
  const port = view?.ports.find((p) => p.spec.port === ref.port);
  if (!view || !port)
    return fail(
      ref.port === undefined
        ? hopMessage("hop.gw-no-port-given", { service: `${ref.namespace}/${ref.name}` })
        : hopMessage("hop.gw-no-port", { service: `${ref.namespace}/${ref.name}`, port: ref.port }),
      500,
      `${ref.field}.port`,
    );
  const ready = port.endpoints.filter((e) => e.ready);
  if (ready.length === 0)
    return fail(
      hopMessage("hop.gw-no-endpoint", { service: `${ref.namespace}/${ref.name}` }),
      503,
      ref.field,
    );
  const endpoint = ready[ctx.state.random.int(ready.length)];
  const node = pod.nodeName ? ctx.dp.nodes.get(pod.nodeName) : undefined;
  const out = endpoint ? upstreamPacket(ctx, pod, endpoint) : null;
  if (!node || !out || !endpoint) return { at: "lost", outcome: "timeout" };
  const common = {
    endpoint: endpoint.key,
    count: ready.length,
    service: `${ref.namespace}/${ref.name}`,
    podIP: pod.podIP ?? "",
  };
  ctx.hop?.(
    pod.ref,
    "lb-choice",
    upstream.http
      ? hopMessage("hop.gw-upstream", {
          ...common,
          method: upstream.request.method,
          host: upstream.request.host,
          path: upstream.request.path,
          client: packet.src.ip,
        })
      : hopMessage("hop.gw-tls-upstream", { ...common, sni: upstream.sni, mode: upstream.mode }),
    packet,
    out,
    cause,
  );
  return wire.leave(ctx, node, out);
}

/**
 * A GRPCRoute request: a gRPC call is an HTTP/2 POST to `/SERVICE/METHOD`; the GRPCRouteMatch that
 * wins by GRPCRouteRule's precedence sends it to its weighted backends. No match: Envoy answers 404,
 * which a gRPC client reads as UNIMPLEMENTED (grpc/grpc doc/http-grpc-status-mapping.md).
 */
function grpcRoute(
  ctx: TraceContext,
  wire: Wire,
  pod: PodState,
  listener: ListenerState,
  request: ProxiedRequest,
  packet: PacketHeader,
): Arrival {
  const l = listener.listener;
  const call = grpcCallOf(request.path);
  const matching = call
    ? byPrecedence(candidatesFor(listener, request.host, grpcRules), GRPC_MATCH_ORDER).filter((c) =>
        grpcMatches(c.match, { ...call, headers: request.headers }),
      )
    : [];
  const winner = matching[0];
  const gw = ctx.dp.gateway.proxyPods.get(pod.ref)?.view;
  if (!winner || !call)
    return reject(
      ctx,
      gw?.ref ?? pod.ref,
      hopMessage("hop.gw-grpc-no-match", { listener: l.name, host: request.host, path: request.path }),
      packet,
      404,
    );
  winnerHop(ctx, winner, packet, (shared) =>
    hopMessage("hop.gw-grpc-match", {
      host: request.host,
      service: call.service,
      method: call.method,
      ...shared,
      match: grpcMatchText(winner.match),
      why: whyWins(winner, matching, GRPC_MATCH_ORDER),
    }),
  );
  const filtered = applyFilters(ctx, winner, request, listener, packet, "/");
  if (filtered) return filtered;
  return toBackend(ctx, wire, pod, winner, { http: true, request }, packet);
}

/**
 * A connection to a TLS listener: Envoy reads the ClientHello's SNI (no decryption), picks the
 * listener by hostname and the TLSRoute whose hostname takes the SNI, and passes the stream on
 * (Passthrough) or terminates TLS and sends the plain stream (Terminate). Nothing matches: the
 * connection is closed.
 */
function tlsProxy(
  ctx: TraceContext,
  wire: Wire,
  pod: PodState,
  gateway: GatewayState,
  on: readonly ListenerState[],
  packet: PacketHeader,
): Arrival {
  const gw = gateway.view;
  const closed = (message: HopMessage, cause?: ReturnType<typeof causeOf>) =>
    reject(ctx, gw.ref, message, packet, 0, cause, { http: false });
  const http = ctx.http;
  if (http?.scheme !== "https") return closed(hopMessage("hop.gw-tls-no-hello", {}));
  const sni = http.host.toLowerCase();
  const listener = listenerFor(on, sni);
  if (!listener)
    return closed(hopMessage("hop.gw-tls-no-listener", { port: String(on[0]?.listener.port), sni }));
  const l = listener.listener;
  const routes = listener.routes.flatMap((a) =>
    a.route.kind === "TLSRoute"
      ? [{ route: a.route, hostnames: a.hostnames, key: a.route.key, created: a.route.created }]
      : [],
  );
  const chosen = routeForSNI(routes, sni);
  const rule = chosen?.route.rules[0];
  if (!chosen || !rule)
    return closed(
      hopMessage("hop.gw-tls-no-route", { listener: l.name, sni }),
      causeOf(gw.ref, gw.source, l.field),
    );
  const mode = l.tls?.mode ?? "Terminate";
  const route = chosen.route;
  const index = route.hostnames.findIndex((h) => chosen.hostnames.includes(h) || hostnameMatches(h, sni));
  ctx.hop?.(
    route.ref,
    mode === "Passthrough" ? "l7-route" : "tls-terminate",
    hopMessage(mode === "Passthrough" ? "hop.gw-tls-passthrough" : "hop.gw-tls-terminate-route", {
      listener: l.name,
      port: l.port,
      sni,
      route: route.ref,
      hostnames: chosen.hostnames.join(", "),
    }),
    packet,
    packet,
    causeOf(route.ref, route.source, index >= 0 ? `spec.hostnames[${index}]` : "spec.hostnames"),
  );
  return toBackend(ctx, wire, pod, { view: route, rule }, { http: false, sni, mode }, packet);
}

/**
 * A request reaching a Gateway's Envoy proxy pod: the listener for its port and Host (TLS
 * terminated with the listener's certificate), the HTTPRoute (or GRPCRoute) match that wins by the
 * spec's precedence, the rule's filters, then a weighted backendRef and a new connection from the
 * pod to an endpoint of its Service; on a TLS listener, the TLSRoute for the SNI.
 */
export function gatewayProxy(
  ctx: TraceContext,
  wire: Wire,
  pod: PodState,
  gateway: GatewayState,
  packet: PacketHeader,
): Arrival {
  const all = listenersOn(gateway, packet.dst.port);
  const isTLS = (l: ListenerState) => l.listener.protocol === "TLS";
  const http = ctx.http ?? { scheme: "http", host: packet.dst.ip, path: "/" };
  // HTTPS and TLS listeners may share a port (GatewaySpec.Listeners): the SNI's listener decides.
  const bySNI = http.scheme === "https" ? listenerFor(all, http.host.toLowerCase()) : undefined;
  if (bySNI ? isTLS(bySNI) : all.every(isTLS))
    return tlsProxy(ctx, wire, pod, gateway, all.filter(isTLS), packet);
  const on = all.filter((l) => !isTLS(l));
  const tls = on.some((l) => l.listener.protocol === "HTTPS");
  const gw = gateway.view;
  if (tls !== (http.scheme === "https")) {
    if (tls) {
      ctx.hop?.(gw.ref, "reject", hopMessage("hop.gw-http-to-https", {}), packet);
      return { at: "lost", outcome: "refused" };
    }
    return reject(ctx, gw.ref, hopMessage("hop.gw-tls-to-http", {}), packet, 400);
  }
  const listener = listenerFor(on, http.host);
  if (!listener)
    return reject(
      ctx,
      gw.ref,
      hopMessage("hop.gw-no-listener", { port: String(on[0]?.listener.port), host: http.host }),
      packet,
      404,
    );
  const l = listener.listener;
  const lcause = causeOf(gw.ref, gw.source, l.field);
  if (l.protocol === "HTTPS") {
    const cert = l.tls?.certificateRefs[0];
    ctx.hop?.(
      gw.ref,
      "tls-terminate",
      hopMessage("hop.gw-tls", {
        listener: l.name,
        port: l.port,
        host: http.host,
        secret: `${cert?.namespace}/${cert?.name}`,
      }),
      packet,
      packet,
      causeOf(gw.ref, gw.source, `${l.field}.tls.certificateRefs[0]`),
    );
  } else {
    ctx.hop?.(
      gw.ref,
      "route",
      hopMessage("hop.gw-listener", {
        listener: l.name,
        port: l.port,
        hostname: l.hostname
          ? hopMessage("hop.gw-listener-hostname", { hostname: l.hostname })
          : hopMessage("hop.none", {}),
        host: http.host,
        path: http.path,
        count: listener.routes.length,
      }),
      packet,
      packet,
      lcause,
    );
  }
  const request = proxied(http);
  // grpcroute_types.go Hostnames: an HTTPRoute and a GRPCRoute never share a hostname on a
  // listener (the newer one is not attached), so the host names the one kind that serves it.
  const grpc = listener.routes.some(
    (a) => a.route.kind === "GRPCRoute" && hostnameRank(a.hostnames, http.host),
  );
  if (grpc) return grpcRoute(ctx, wire, pod, listener, request, packet);
  const matchRequest: MatchRequest = {
    method: request.method,
    path: request.path,
    headers: request.headers,
    query: queryOf(request.query),
  };
  const matching = byPrecedence(candidatesFor(listener, http.host, httpRules), HTTP_MATCH_ORDER).filter((c) =>
    matchesRequest(c.match, matchRequest),
  );
  const winner = matching[0];
  if (!winner)
    return reject(
      ctx,
      gw.ref,
      hopMessage("hop.gw-no-match", { listener: l.name, host: http.host, path: http.path }),
      packet,
      404,
      lcause,
    );
  winnerHop(ctx, winner, packet, (shared) =>
    hopMessage("hop.gw-match", {
      host: http.host,
      path: http.path,
      ...shared,
      match: matchText(winner.match),
      why: whyWins(winner, matching, HTTP_MATCH_ORDER),
    }),
  );
  const prefix = winner.match.path.type === "PathPrefix" ? winner.match.path.value : "/";
  const filtered = applyFilters(ctx, winner, request, listener, packet, prefix);
  if (filtered) return filtered;
  return toBackend(ctx, wire, pod, winner, { http: true, request }, packet);
}
