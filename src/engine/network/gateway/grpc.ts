/**
 * GRPCRoute matching (gateway.networking.k8s.io/v1, standard since Gateway API v1.1): a gRPC call
 * is an HTTP/2 POST to `/SERVICE/METHOD`; grpcroute_types.go GRPCMethodMatch matches the service
 * and the method (either may be left out, "at least one of Service and Method MUST be a non-empty
 * string"), Exact (the default) or RegularExpression; GRPCHeaderMatch as HTTPRoute's headers.
 */
import type { MatchOrder, ValueMatch } from "./match.ts";

export interface GRPCMethodMatch {
  type: "Exact" | "RegularExpression";
  service: string | undefined;
  method: string | undefined;
}

/** One GRPCRouteMatch after defaulting (`method: {type: Exact}`: every call). */
export interface GRPCMatch {
  method: GRPCMethodMatch;
  headers: ValueMatch[];
}

/** The call a request makes: its service and method from the path, and its headers (lower-cased names). */
export interface GRPCCall {
  service: string;
  method: string;
  headers: ReadonlyMap<string, string>;
}

/** GRPCRouteRule.Matches' default: `{method: {type: Exact}}`, which matches every call. */
export const DEFAULT_GRPC_MATCH: GRPCMatch = {
  method: { type: "Exact", service: undefined, method: undefined },
  headers: [],
};

/** The service and method of a gRPC request path `/pkg.Service/Method`, or null for any other path. */
export function grpcCallOf(path: string): { service: string; method: string } | null {
  const found = /^\/([^/]+)\/([^/]+)$/.exec(path);
  return found ? { service: found[1] ?? "", method: found[2] ?? "" } : null;
}

function regex(pattern: string): RegExp | null {
  try {
    // RegularExpression is implementation-specific: a JavaScript RegExp, anchored like Envoy's safe_regex.
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}

function part(type: GRPCMethodMatch["type"], pattern: string | undefined, actual: string): boolean {
  if (pattern === undefined) return true;
  return type === "Exact" ? pattern === actual : (regex(pattern)?.test(actual) ?? false);
}

/**
 * GRPCRouteMatch: the method match and every header match must hold (conformance
 * grpcroute-exact-method-matching, grpcroute-header-matching). Header names compare
 * case-insensitively, values exactly.
 */
export function grpcMatches(match: GRPCMatch, call: GRPCCall): boolean {
  const { type, service, method } = match.method;
  if (!part(type, service, call.service) || !part(type, method, call.method)) return false;
  return match.headers.every((h) => {
    const actual = call.headers.get(h.name.toLowerCase());
    if (actual === undefined) return false;
    return h.type === "Exact" ? h.value === actual : (regex(h.value)?.test(actual) ?? false);
  });
}

/**
 * GRPCRouteRule.Matches precedence within a hostname tie: the largest number of characters in a
 * matching service, then in a matching method, then the most header matches. Negative when `a`
 * comes first, 0 on a tie (the routes' age and name, then rule order, decide next, as for HTTPRoute).
 */
export function compareGRPCMatches(a: GRPCMatch, b: GRPCMatch): number {
  const length = (s: string | undefined) => s?.length ?? 0;
  return (
    length(b.method.service) - length(a.method.service) ||
    length(b.method.method) - length(a.method.method) ||
    b.headers.length - a.headers.length
  );
}

/** GRPCRouteRule.Matches' order, and which criterion decided (for a hop text). */
export const GRPC_MATCH_ORDER: MatchOrder<GRPCMatch> = {
  compare: compareGRPCMatches,
  reason: (a, b) =>
    (a.method.service?.length ?? 0) !== (b.method.service?.length ?? 0)
      ? "longer-service"
      : (a.method.method?.length ?? 0) !== (b.method.method?.length ?? 0)
        ? "longer-method"
        : "more-headers",
};
