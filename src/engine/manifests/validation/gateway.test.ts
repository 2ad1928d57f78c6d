import { describe, expect, it } from "vitest";
import { problems } from "../testutil.ts";

const GROUP = "gateway.networking.k8s.io/v1";
const gateway = (listeners: unknown[]) => ({
  apiVersion: GROUP,
  kind: "Gateway",
  metadata: { name: "gw" },
  spec: { gatewayClassName: "eg", listeners },
});
const route = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  apiVersion: GROUP,
  kind: "HTTPRoute",
  metadata: { name: "r" },
  spec: { parentRefs: [{ name: "gw" }], rules, ...extra },
});

describe("Gateway validation (the CRD's schema and CEL rules)", () => {
  it("accepts an HTTP listener", () => {
    expect(problems([gateway([{ name: "http", port: 80, protocol: "HTTP" }])])).toEqual([]);
  });

  // apis/v1/gateway_types.go GatewaySpec.Listeners CEL rules.
  it("refuses duplicate listener names, TLS on HTTP and HTTPS without TLS", () => {
    expect(
      problems([
        gateway([
          { name: "a", port: 80, protocol: "HTTP", tls: { certificateRefs: [{ name: "c" }] } },
          { name: "a", port: 443, protocol: "HTTPS" },
        ]),
      ]),
    ).toEqual([
      "spec.listeners[0].tls: Invalid value: {\"certificateRefs\":[{\"name\":\"c\"}]}: tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
      'spec.listeners[1].name: Duplicate value: "a": Listener name must be unique within the Gateway',
      "spec.listeners[1].tls: Required value: tls must be specified for protocols ['HTTPS']",
    ]);
  });
});

describe("HTTPRoute validation", () => {
  // apis/v1/httproute_types.go HTTPPathMatch CEL: Exact and PathPrefix values are absolute paths.
  it("requires absolute paths for Exact and PathPrefix", () => {
    expect(problems([route([{ matches: [{ path: { type: "PathPrefix", value: "api" } }] }])])).toEqual([
      "spec.rules[0].matches[0].path.value: Invalid value: \"api\": value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']",
    ]);
  });

  // HTTPRouteRule.Filters CEL: RequestRedirect and URLRewrite may not be combined.
  it("refuses RequestRedirect with URLRewrite", () => {
    const filters = [
      { type: "RequestRedirect", requestRedirect: { scheme: "https" } },
      { type: "URLRewrite", urlRewrite: { hostname: "example.com" } },
    ];
    expect(problems([route([{ filters }])])).toEqual([
      'spec.rules[0].filters: Invalid value: "RequestRedirect, URLRewrite": May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both',
    ]);
  });

  // BackendObjectReference CEL: "Must have port for Service reference"; BackendRef.Weight is 0..1000000.
  it("requires a Service backend's port and bounds weights", () => {
    expect(problems([route([{ backendRefs: [{ name: "web", weight: 2000000 }] }])])).toEqual([
      "spec.rules[0].backendRefs[0].port: Required value: Must have port for Service reference",
      "spec.rules[0].backendRefs[0].weight: Invalid value: 2000000: should be in the range 0 to 1000000",
    ]);
  });
});

const grpcRoute = (rules: unknown[]) => ({
  apiVersion: GROUP,
  kind: "GRPCRoute",
  metadata: { name: "g" },
  spec: { parentRefs: [{ name: "gw" }], rules },
});

describe("GRPCRoute validation (grpcroute_types.go GRPCMethodMatch CEL rules)", () => {
  it("needs a service or a method, and Exact names as gRPC writes them", () => {
    expect(
      problems([
        grpcRoute([
          { matches: [{ method: { service: "pkg.Echo", method: "Echo" } }] },
          { matches: [{ method: { type: "Exact" } }, { method: { service: "pkg/Echo", method: "Echo!" } }] },
        ]),
      ]),
    ).toEqual([
      "spec.rules[1].matches[0].method: Required value: One or both of 'service' or 'method' must be specified",
      'spec.rules[1].matches[1].method.service: Invalid value: "pkg/Echo": service must only contain valid characters (matching ^\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$)',
      'spec.rules[1].matches[1].method.method: Invalid value: "Echo!": method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$)',
    ]);
  });

  it("takes GRPCRoute's filter types only (no RequestRedirect)", () => {
    expect(problems([grpcRoute([{ filters: [{ type: "RequestRedirect", requestRedirect: {} }] }])])).toEqual([
      'spec.rules[0].filters[0].type: Unsupported value: "RequestRedirect": supported values: "RequestHeaderModifier", "ResponseHeaderModifier", "RequestMirror", "ExtensionRef"',
    ]);
  });
});

describe("TLSRoute validation (tlsroute_types.go TLSRouteSpec)", () => {
  it("needs hostnames, exactly one rule and its backendRefs", () => {
    expect(
      problems([
        {
          apiVersion: GROUP,
          kind: "TLSRoute",
          metadata: { name: "t" },
          spec: { parentRefs: [{ name: "gw" }] },
        },
      ]),
    ).toEqual(["spec.hostnames: Required value", "spec.rules: Required value"]);
    expect(
      problems([
        {
          apiVersion: GROUP,
          kind: "TLSRoute",
          metadata: { name: "t" },
          spec: { hostnames: ["abc.example.com"], rules: [{ backendRefs: [] }, {}] },
        },
      ]),
    ).toEqual([
      "spec.rules: Too many: 2: must have at most 1 items",
      "spec.rules[0].backendRefs: Required value",
      "spec.rules[1].backendRefs: Required value",
    ]);
  });
});
