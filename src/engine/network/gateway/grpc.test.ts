import { describe, expect, it } from "vitest";
import { compareGRPCMatches, DEFAULT_GRPC_MATCH, type GRPCMatch, grpcCallOf, grpcMatches } from "./grpc.ts";

const call = (path: string, headers: Record<string, string> = {}) => {
  const parsed = grpcCallOf(path);
  if (!parsed) throw new Error(`not a gRPC path: ${path}`);
  return { ...parsed, headers: new Map(Object.entries(headers)) };
};

const exact = (service?: string, method?: string, headers: GRPCMatch["headers"] = []): GRPCMatch => ({
  method: { type: "Exact", service, method },
  headers,
});

describe("GRPCRoute matching (grpcroute_types.go; conformance tests in kubernetes-sigs/gateway-api)", () => {
  it("reads a call's service and method from its path /SERVICE/METHOD", () => {
    expect(grpcCallOf("/grpc.health.v1.Health/Check")).toEqual({
      service: "grpc.health.v1.Health",
      method: "Check",
    });
    expect(grpcCallOf("/index.html")).toBeNull();
  });

  it("the default match {method: {type: Exact}} matches every call (GRPCRouteRule.Matches default)", () => {
    expect(grpcMatches(DEFAULT_GRPC_MATCH, call("/any.Service/Any"))).toBe(true);
  });

  it("grpcroute-exact-method-matching: service and method exactly; a service alone matches all its methods", () => {
    const both = exact("gateway_api_conformance.echo_basic.grpcecho.GrpcEcho", "Echo");
    expect(grpcMatches(both, call("/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo"))).toBe(true);
    expect(grpcMatches(both, call("/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/EchoTwo"))).toBe(
      false,
    );
    const service = exact("gateway_api_conformance.echo_basic.grpcecho.GrpcEcho");
    expect(grpcMatches(service, call("/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/EchoTwo"))).toBe(
      true,
    );
    expect(grpcMatches(exact(undefined, "Echo"), call("/other.Service/Echo"))).toBe(true);
  });

  it("grpcroute-header-matching: header names case-insensitive, values exact, all must hold", () => {
    const match = exact("svc.Echo", undefined, [{ type: "Exact", name: "Version", value: "one" }]);
    expect(grpcMatches(match, call("/svc.Echo/Echo", { version: "one" }))).toBe(true);
    expect(grpcMatches(match, call("/svc.Echo/Echo", { version: "two" }))).toBe(false);
    expect(grpcMatches(match, call("/svc.Echo/Echo"))).toBe(false);
  });

  it("RegularExpression method matches, anchored", () => {
    const match: GRPCMatch = {
      method: { type: "RegularExpression", service: "svc\\..*", method: "Echo.*" },
      headers: [],
    };
    expect(grpcMatches(match, call("/svc.Echo/EchoTwo"))).toBe(true);
    expect(grpcMatches(match, call("/x.svc.Echo/Echo"))).toBe(false);
  });

  it("precedence: more characters in the service, then in the method, then more header matches (GRPCRouteRule)", () => {
    const ordered = [
      exact("a"),
      exact("a.b", undefined, [{ type: "Exact", name: "x", value: "1" }]),
      exact("a.b", "M"),
      exact("a.b", "Method"),
    ].sort(compareGRPCMatches);
    expect(ordered.map((m) => `${m.method.service}/${m.method.method ?? ""}/${m.headers.length}`)).toEqual([
      "a.b/Method/0",
      "a.b/M/0",
      "a.b//1",
      "a//0",
    ]);
  });
});
