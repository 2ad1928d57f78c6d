import { describe, expect, it } from "vitest";
import {
  byPrecedence,
  type Candidate,
  compareMatches,
  DEFAULT_MATCH,
  HTTP_MATCH_ORDER,
  type MatchRequest,
  matchesRequest,
  pathMatches,
  type RouteMatch,
} from "./match.ts";

function request(path: string, extra: Partial<MatchRequest> = {}): MatchRequest {
  return { method: "GET", path, headers: new Map(), query: new Map(), ...extra };
}

function match(partial: Partial<RouteMatch>): RouteMatch {
  return { ...DEFAULT_MATCH, ...partial };
}

describe("HTTPPathMatch", () => {
  // gateway-api apis/v1/httproute_types.go PathMatchExact: "/abc" matches only "/abc", not "/abc/", "/Abc" or "/abcd".
  it("Exact is the whole path, case-sensitive", () => {
    const exact = { type: "Exact", value: "/abc" } as const;
    expect(pathMatches(exact, "/abc")).toBe(true);
    for (const p of ["/abc/", "/Abc", "/abcd"]) expect(pathMatches(exact, p)).toBe(false);
  });

  // httproute_types.go PathMatchPathPrefix: "/abc", "/abc/" and "/abc/def" match the prefix "/abc", "/abcd" does not; a trailing "/" is ignored.
  it("PathPrefix goes element by element and ignores a trailing slash", () => {
    const prefix = { type: "PathPrefix", value: "/abc" } as const;
    for (const p of ["/abc", "/abc/", "/abc/def"]) expect(pathMatches(prefix, p)).toBe(true);
    expect(pathMatches(prefix, "/abcd")).toBe(false);
    expect(pathMatches({ type: "PathPrefix", value: "/abc/" }, "/abc")).toBe(true);
  });

  // HTTPRouteRule.Matches default: PathPrefix "/", "which has the effect of matching every HTTP request".
  it("the default match takes every request", () => {
    expect(matchesRequest(DEFAULT_MATCH, request("/anything/at/all"))).toBe(true);
  });
});

describe("HTTPRouteMatch conditions", () => {
  // httproute_types.go HTTPHeaderMatch: "Name matching MUST be case-insensitive"; conformance httproute-header-matching.
  it("matches header names case-insensitively and values exactly", () => {
    const m = match({ headers: [{ type: "Exact", name: "Version", value: "one" }] });
    expect(matchesRequest(m, request("/", { headers: new Map([["version", "one"]]) }))).toBe(true);
    expect(matchesRequest(m, request("/", { headers: new Map([["version", "One"]]) }))).toBe(false);
    expect(matchesRequest(m, request("/"))).toBe(false);
  });

  // httproute_types.go HTTPQueryParamMatch: name matching is exact; conformance httproute-query-param-matching.
  it("matches query parameters by exact name and value", () => {
    const m = match({ queryParams: [{ type: "Exact", name: "animal", value: "whale" }] });
    expect(matchesRequest(m, request("/", { query: new Map([["animal", "whale"]]) }))).toBe(true);
    expect(matchesRequest(m, request("/", { query: new Map([["Animal", "whale"]]) }))).toBe(false);
  });

  // HTTPRouteMatch: "all conditions must be satisfied"; conformance httproute-method-matching.
  it("ANDs path, method and headers", () => {
    const m = match({ path: { type: "PathPrefix", value: "/v2" }, method: "POST" });
    expect(matchesRequest(m, request("/v2", { method: "POST" }))).toBe(true);
    expect(matchesRequest(m, request("/v2", { method: "GET" }))).toBe(false);
    expect(matchesRequest(m, request("/v1", { method: "POST" }))).toBe(false);
  });

  // HTTPPathMatch RegularExpression is implementation-specific: here a whole-path JavaScript RegExp.
  it("reads RegularExpression paths as whole-path expressions", () => {
    const m = match({ path: { type: "RegularExpression", value: "/v[0-9]+/.*" } });
    expect(matchesRequest(m, request("/v2/users"))).toBe(true);
    expect(matchesRequest(m, request("/api/v2/users"))).toBe(false);
  });
});

describe("match precedence", () => {
  // httproute_types.go HTTPRouteRule.Matches: precedence to an "Exact" path match, then the "Prefix" match with the most characters,
  // then a method match, then the most header matches, then the most query param matches.
  it("orders Exact, longer prefix, method, headers, query parameters", () => {
    const exact = match({ path: { type: "Exact", value: "/a" } });
    const longPrefix = match({ path: { type: "PathPrefix", value: "/a/b" } });
    const shortPrefix = match({ path: { type: "PathPrefix", value: "/a" } });
    const method = match({ method: "GET" });
    const twoHeaders = match({
      headers: [
        { type: "Exact", name: "a", value: "1" },
        { type: "Exact", name: "b", value: "2" },
      ],
    });
    const oneHeader = match({ headers: [{ type: "Exact", name: "a", value: "1" }] });
    const query = match({ queryParams: [{ type: "Exact", name: "q", value: "1" }] });
    expect(compareMatches(exact, longPrefix)).toBeLessThan(0);
    expect(compareMatches(longPrefix, shortPrefix)).toBeLessThan(0);
    expect(compareMatches(method, twoHeaders)).toBeLessThan(0);
    expect(compareMatches(twoHeaders, oneHeader)).toBeLessThan(0);
    expect(compareMatches(oneHeader, query)).toBeLessThan(0);
    expect(compareMatches(query, DEFAULT_MATCH)).toBeLessThan(0);
  });

  function candidate(
    route: string,
    ruleIndex: number,
    m: RouteMatch,
    extra: Partial<Candidate> = {},
  ): Candidate {
    return {
      route,
      created: undefined,
      hostname: { exact: 0, any: 0 },
      ruleIndex,
      matchIndex: 0,
      match: m,
      ...extra,
    };
  }

  // HTTPRouteSpec: ties across routes go to the oldest route by creation timestamp, then "{namespace}/{name}" alphabetically;
  // within a route, to the FIRST matching rule in list order.
  it("breaks ties by age, then namespace/name, then rule order", () => {
    const m = DEFAULT_MATCH;
    const order = (list: Candidate[]) =>
      byPrecedence(list, HTTP_MATCH_ORDER).map((c) => `${c.route}#${c.ruleIndex}`);
    expect(
      order([candidate("default/b", 0, m), candidate("default/a", 1, m), candidate("default/a", 0, m)]),
    ).toEqual(["default/a#0", "default/a#1", "default/b#0"]);
    expect(
      order([
        candidate("default/a", 0, m, { created: "2026-01-02T00:00:00Z" }),
        candidate("default/b", 0, m, { created: "2026-01-01T00:00:00Z" }),
      ]),
    ).toEqual(["default/b#0", "default/a#0"]);
  });

  // HTTPRouteSpec.Hostnames: precedence to the route with the most characters in a matching non-wildcard hostname, then in a matching hostname.
  it("puts the route with the more specific hostname first, before any match rule", () => {
    const wildcard = candidate("default/a", 0, match({ path: { type: "Exact", value: "/" } }), {
      hostname: { exact: 0, any: 13 },
    });
    const exact = candidate("default/b", 0, DEFAULT_MATCH, { hostname: { exact: 16, any: 16 } });
    expect(byPrecedence([wildcard, exact], HTTP_MATCH_ORDER)[0]?.route).toBe("default/b");
  });
});
