import { matchLength } from "../ingress/path.ts";

/** httproute_types.go PathMatchType. */
export type PathMatchType = "Exact" | "PathPrefix" | "RegularExpression";

export interface PathMatch {
  type: PathMatchType;
  value: string;
}

/** HTTPHeaderMatch and HTTPQueryParamMatch: Exact (the default) or RegularExpression. */
export interface ValueMatch {
  type: "Exact" | "RegularExpression";
  name: string;
  value: string;
}

/** One HTTPRouteMatch after defaulting: its conditions are ANDed. */
export interface RouteMatch {
  path: PathMatch;
  headers: ValueMatch[];
  queryParams: ValueMatch[];
  method: string | undefined;
}

/** The parts of a request that HTTPRoute matches read. Header names are lower-cased keys. */
export interface MatchRequest {
  method: string;
  path: string;
  headers: ReadonlyMap<string, string>;
  query: ReadonlyMap<string, string>;
}

/** HTTPRouteRule.Matches' default: "a prefix path match on "/", which has the effect of matching every HTTP request". */
export const DEFAULT_MATCH: RouteMatch = {
  path: { type: "PathPrefix", value: "/" },
  headers: [],
  queryParams: [],
  method: undefined,
};

function regex(pattern: string): RegExp | null {
  try {
    // RegularExpression is implementation-specific; the simulator reads it as a JavaScript RegExp,
    // anchored like Envoy's full-string safe_regex match.
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}

/**
 * PathMatchType: Exact is the whole path, case-sensitive (`/abc` matches neither `/abc/` nor
 * `/abcd`); PathPrefix is element by element, its trailing `/` ignored (`/abc` matches `/abc`,
 * `/abc/` and `/abc/def`, not `/abcd`) — the Ingress API's Prefix.
 */
export function pathMatches(match: PathMatch, path: string): boolean {
  if (match.type === "Exact") return match.value === path;
  if (match.type === "PathPrefix") return matchLength("prefix", match.value, path) !== null;
  return regex(match.value)?.test(path) ?? false;
}

function valueMatches(match: ValueMatch, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  if (match.type === "Exact") return match.value === actual;
  return regex(match.value)?.test(actual) ?? false;
}

/**
 * HTTPRouteMatch: every condition must hold. Header names compare case-insensitively, their values
 * exactly (HTTPHeaderMatch); query parameter names and values compare exactly (HTTPQueryParamMatch).
 */
export function matchesRequest(match: RouteMatch, request: MatchRequest): boolean {
  if (!pathMatches(match.path, request.path)) return false;
  if (match.method !== undefined && match.method !== request.method) return false;
  for (const header of match.headers)
    if (!valueMatches(header, request.headers.get(header.name.toLowerCase()))) return false;
  for (const param of match.queryParams)
    if (!valueMatches(param, request.query.get(param.name))) return false;
  return true;
}

/**
 * The rank of a path match: Exact first, then (implementation-specific, the simulator's choice)
 * RegularExpression, then PathPrefix.
 */
const PATH_RANK: Record<PathMatchType, number> = { Exact: 0, RegularExpression: 1, PathPrefix: 2 };

/** The characters of a PathPrefix, as "largest number of characters" counts them (trailing `/` ignored). */
function prefixLength(match: PathMatch): number {
  return match.type === "PathPrefix" ? (matchLength("prefix", match.value, match.value) ?? 0) : 0;
}

/**
 * HTTPRouteRule.Matches precedence, "continuing on ties": an Exact path match; a Prefix path match
 * with the largest number of characters; a method match; the largest number of header matches; the
 * largest number of query param matches. Negative when `a` comes first, 0 on a tie.
 */
export function compareMatches(a: RouteMatch, b: RouteMatch): number {
  const rank = PATH_RANK[a.path.type] - PATH_RANK[b.path.type];
  if (rank !== 0) return rank;
  const prefix = prefixLength(b.path) - prefixLength(a.path);
  if (prefix !== 0) return prefix;
  const method = (b.method !== undefined ? 1 : 0) - (a.method !== undefined ? 1 : 0);
  if (method !== 0) return method;
  const headers = b.headers.length - a.headers.length;
  if (headers !== 0) return headers;
  return b.queryParams.length - a.queryParams.length;
}

/** Which of these decided that `a` comes before `b`, for a hop text. */
export type PrecedenceReason =
  | "hostname"
  | "exact-path"
  | "path-type"
  | "longer-prefix"
  | "method"
  | "more-headers"
  | "more-query-params"
  | "longer-service"
  | "longer-method"
  | "older-route"
  | "route-name"
  | "rule-order";

/** One match of one rule of one route, as the proxy orders them for a request's host. */
export interface Candidate<M = RouteMatch> {
  /** "NS/NAME", the alphabetical tie-breaker. */
  route: string;
  /** metadata.creationTimestamp as written (RFC 3339 compares as text), or undefined. */
  created: string | undefined;
  hostname: { exact: number; any: number };
  ruleIndex: number;
  matchIndex: number;
  match: M;
}

/** How a route kind orders its matches within a hostname tie, and which criterion decided. */
export interface MatchOrder<M> {
  compare(a: M, b: M): number;
  reason(a: M, b: M): PrecedenceReason;
}

/** HTTPRouteRule.Matches' order. */
export const HTTP_MATCH_ORDER: MatchOrder<RouteMatch> = {
  compare: (a, b) => compareMatches(a, b),
  reason: (a, b) => matchReason(a, b),
};

/**
 * HTTPRouteSpec precedence across routes: the most specific matching hostname; then the match
 * precedence above; then "the oldest Route based on creation timestamp"; then the Route "first in
 * alphabetical order by {namespace}/{name}"; within a route, "the FIRST matching rule (in list
 * order)". Returns the order and, when `a` wins, why.
 */
export function compareCandidates<M = RouteMatch>(
  a: Candidate<M>,
  b: Candidate<M>,
  matchOrder: MatchOrder<M>,
): { order: number; reason: PrecedenceReason } {
  if (a.hostname.exact !== b.hostname.exact)
    return { order: b.hostname.exact - a.hostname.exact, reason: "hostname" };
  if (a.hostname.any !== b.hostname.any)
    return { order: b.hostname.any - a.hostname.any, reason: "hostname" };
  const byMatch = matchOrder.compare(a.match, b.match);
  if (byMatch !== 0) return { order: byMatch, reason: matchOrder.reason(a.match, b.match) };
  if (a.route !== b.route) {
    const ca = a.created ?? "";
    const cb = b.created ?? "";
    if (ca !== cb && ca !== "" && cb !== "") return { order: ca < cb ? -1 : 1, reason: "older-route" };
    return { order: a.route < b.route ? -1 : 1, reason: "route-name" };
  }
  const order = a.ruleIndex - b.ruleIndex || a.matchIndex - b.matchIndex;
  return { order, reason: "rule-order" };
}

function matchReason(a: RouteMatch, b: RouteMatch): PrecedenceReason {
  if (a.path.type !== b.path.type)
    return a.path.type === "Exact" || b.path.type === "Exact" ? "exact-path" : "path-type";
  if (prefixLength(a.path) !== prefixLength(b.path)) return "longer-prefix";
  if ((a.method === undefined) !== (b.method === undefined)) return "method";
  if (a.headers.length !== b.headers.length) return "more-headers";
  return "more-query-params";
}

/** Candidates in precedence order (a stable sort: equal candidates keep their order). */
export function byPrecedence<M, T extends Candidate<M>>(
  candidates: readonly T[],
  matchOrder: MatchOrder<M>,
): T[] {
  return [...candidates].sort((a, b) => compareCandidates(a, b, matchOrder).order);
}
