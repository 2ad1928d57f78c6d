import { describe, expect, it } from "vitest";
import { buildCluster } from "../cluster/build.ts";
import { loadManifests } from "../manifests/load.ts";
import { createDataPlane, type DataPlane } from "../network/dataplane.ts";
import { dataPlaneFromYaml, detailOf } from "../network/testing.ts";
import { createTrafficState } from "../network/traffic-state.ts";
import { parseRequest, trace } from "./trace.ts";
import { traffic } from "./traffic.ts";
import type { TraceRequest } from "./types.ts";

/** A Deployment and Service `name` on port 8080, as the conformance suite's infra backends. */
function backend(name: string, namespace = "default"): string {
  return `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: app, image: echo, ports: [{containerPort: 3000}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: {app: ${name}}
  ports: [{port: 8080, targetPort: 3000}]
`;
}

const CLASS = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
`;

/** conformance/base/manifests.yaml's same-namespace Gateway: one HTTP listener on 80 for routes of its namespace. */
const SAME_NAMESPACE = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: same-namespace}
spec:
  gatewayClassName: eg
  listeners:
  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}
`;

const BACKENDS = [backend("infra-backend-v1"), backend("infra-backend-v2"), backend("infra-backend-v3")].join(
  "\n---\n",
);

function plane(...docs: string[]): DataPlane {
  return dataPlaneFromYaml([CLASS, SAME_NAMESPACE, BACKENDS, ...docs].join("\n---\n"));
}

function gatewayIP(dp: DataPlane): string {
  const ip = dp.gateway.addresses.get("gateway/default/same-namespace");
  if (!ip) throw new Error("the Gateway has no address");
  return ip;
}

function send(dp: DataPlane, host: string, path: string, extra: Partial<TraceRequest> = {}) {
  const headers = [{ name: "Host", value: host }, ...(extra.headers ?? [])];
  const parsed = parseRequest(dp, {
    from: "external",
    to: `http://${gatewayIP(dp)}${path}`,
    ...extra,
    headers,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return trace(dp, parsed.value);
}

/** The backend Service a request reached, by its pod's name (`infra-backend-v1-...`). */
function reached(dp: DataPlane, host: string, path: string, extra: Partial<TraceRequest> = {}): string {
  const result = send(dp, host, path, extra);
  const pod = result.backend?.pod ?? result.outcome;
  return pod.replace(/^pod\/default\//, "").replace(/-[a-z0-9]+-[a-z0-9]+$/, "");
}

function status(dp: DataPlane, kind: string, name: string): Record<string, unknown> {
  const found = dp.cluster.objects.find((o) => o.object.kind === kind && o.object.metadata.name === name);
  return (found?.object.status ?? {}) as Record<string, unknown>;
}

// conformance/tests/httproute-matching-across-routes.yaml, as written there.
const ACROSS_ROUTES = `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: matching-part1}
spec:
  parentRefs: [{name: same-namespace}]
  hostnames: [example.com, example.net]
  rules:
  - matches:
    - path: {type: PathPrefix, value: /}
    - headers: [{name: version, value: one}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: matching-part2}
spec:
  hostnames: [example.com]
  parentRefs: [{name: same-namespace}]
  rules:
  - matches:
    - path: {type: PathPrefix, value: /v2}
    - headers: [{name: version, value: two}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
`;

describe("HTTPRoute matching through Envoy Gateway", () => {
  // conformance/tests/httproute-matching-across-routes.go: every expected backend of the test.
  it("picks the rule the spec's precedence picks across routes", () => {
    const dp = plane(ACROSS_ROUTES);
    expect(reached(dp, "example.com", "/")).toBe("infra-backend-v1");
    expect(reached(dp, "example.com", "/example")).toBe("infra-backend-v1");
    expect(reached(dp, "example.net", "/example")).toBe("infra-backend-v1");
    expect(reached(dp, "example.com", "/example", { headers: [{ name: "Version", value: "one" }] })).toBe(
      "infra-backend-v1",
    );
    expect(reached(dp, "example.com", "/v2")).toBe("infra-backend-v2");
    expect(reached(dp, "example.net", "/v2")).toBe("infra-backend-v1");
    expect(reached(dp, "example.com", "/v2/example")).toBe("infra-backend-v2");
    expect(reached(dp, "example.com", "/", { headers: [{ name: "Version", value: "two" }] })).toBe(
      "infra-backend-v2",
    );
  });

  it("says which rule matched, the field that caused it and why it won", () => {
    const dp = plane(ACROSS_ROUTES);
    const hop = send(dp, "example.com", "/v2/x").hops.find((h) => h.kind === "l7-route");
    expect(hop?.at).toBe("httproute/default/matching-part2");
    expect(hop?.cause?.field).toBe("spec.rules[0].matches[0]");
    expect(detailOf(hop)).toContain("its PathPrefix has more characters");
  });

  // HTTPRouteRule.Matches: "When no rules matching a request have been successfully attached ... a HTTP 404 status code MUST be returned".
  it("answers 404 when nothing matches", () => {
    const dp = plane(ACROSS_ROUTES);
    expect(send(dp, "example.org", "/").outcome).toBe("http-404");
  });

  // conformance/tests/httproute-method-matching.yaml: POST to infra-backend-v1, GET to v2.
  it("matches methods", () => {
    const dp = plane(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: method-matching}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{method: POST}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{method: GET}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
`);
    expect(reached(dp, "x", "/", { method: "POST" })).toBe("infra-backend-v1");
    expect(reached(dp, "x", "/", { method: "GET" })).toBe("infra-backend-v2");
    expect(send(dp, "x", "/", { method: "HEAD" }).outcome).toBe("http-404");
  });

  // conformance/tests/httproute-query-param-matching.yaml (first two rules).
  it("matches query parameters", () => {
    const dp = plane(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: query-param-matching}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{queryParams: [{name: animal, value: whale}]}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{queryParams: [{name: animal, value: dolphin}]}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
`);
    expect(reached(dp, "x", "/?animal=whale")).toBe("infra-backend-v1");
    expect(reached(dp, "x", "/?animal=dolphin")).toBe("infra-backend-v2");
    expect(send(dp, "x", "/?animal=shark").outcome).toBe("http-404");
  });
});

describe("weighted backendRefs", () => {
  // conformance/tests/httproute-weight.yaml: weights 70/30/0; BackendRef.Weight: traffic proportional to the weights, 0 gets none.
  it("splits requests in proportion to the weights", () => {
    const dp = plane(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: weighted-backends}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - backendRefs:
    - {name: infra-backend-v1, port: 8080, weight: 70}
    - {name: infra-backend-v2, port: 8080, weight: 30}
    - {name: infra-backend-v3, port: 8080, weight: 0}
`);
    const parsed = parseRequest(dp, { from: "external", to: `http://${gatewayIP(dp)}/` });
    if (!parsed.ok) throw new Error(parsed.message);
    const summary = traffic(dp, parsed.value, 1000, createTrafficState(1));
    const by = (name: string) =>
      Object.entries(summary.backends)
        .filter(([pod]) => pod.startsWith(`default/${name}-`))
        .reduce((sum, [, n]) => sum + (n ?? 0), 0);
    expect(by("infra-backend-v1") + by("infra-backend-v2")).toBe(1000);
    expect(by("infra-backend-v3")).toBe(0);
    // Binomial(1000, 0.7): within 4 standard deviations (14.5) of 700.
    expect(Math.abs(by("infra-backend-v1") - 700)).toBeLessThan(58);
  });

  // HTTPRouteRule.BackendRefs: requests routed to an invalid backend MUST receive 500.
  it("answers 500 for a backendRef that names no Service", () => {
    const dp = plane(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: missing}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - backendRefs: [{name: nope, port: 8080}]
`);
    expect(send(dp, "x", "/").outcome).toBe("http-500");
    const parents = status(dp, "HTTPRoute", "missing").parents as {
      conditions: { type: string; reason: string }[];
    }[];
    expect(parents[0]?.conditions.find((c) => c.type === "ResolvedRefs")?.reason).toBe("BackendNotFound");
  });
});

describe("filters", () => {
  // conformance/tests/httproute-rewrite-path.go: ReplacePrefixMatch and ReplaceFullPath.
  it("rewrites paths as the conformance test expects", () => {
    const dp = plane(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: rewrite-path}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /prefix/one}}]
    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /one}}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /strip-prefix}}]
    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /full/one}}]
    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /one}}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
`);
    const rewritten = (path: string) =>
      detailOf(send(dp, "x", path).hops.find((h) => detailOf(h).startsWith("URLRewrite"))).replace(
        /.*path /,
        "",
      );
    expect(rewritten("/prefix/one/two")).toBe("/one/two");
    expect(rewritten("/strip-prefix/three")).toBe("/three");
    expect(rewritten("/strip-prefix")).toBe("/");
    expect(rewritten("/full/one/two")).toBe("/one");
  });

  // httproute_types.go HTTPRequestRedirectFilter: statusCode defaults to 302; a scheme sets its well-known port, which is not written.
  it("redirects with the status and Location the filter gives", () => {
    const dp = plane(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: redirect}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /scheme}}]
    filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]
  - matches: [{path: {type: PathPrefix, value: /host}}]
    filters: [{type: RequestRedirect, requestRedirect: {hostname: example.org, statusCode: 301}}]
  - matches: [{path: {type: PathPrefix, value: /port}}]
    filters: [{type: RequestRedirect, requestRedirect: {port: 8083}}]
`);
    const location = (path: string) => {
      const result = send(dp, "example.com", path);
      return [
        result.outcome,
        detailOf(result.hops.find((h) => h.kind === "redirect")).replace(/.*Location: /, ""),
      ];
    };
    expect(location("/scheme")).toEqual(["http-302", "https://example.com/scheme"]);
    expect(location("/host")).toEqual(["http-301", "http://example.org/host"]);
    expect(location("/port")).toEqual(["http-302", "http://example.com:8083/port"]);
  });

  it("modifies request headers before the backend", () => {
    const dp = plane(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: headers}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - filters:
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: X-Header-Set, value: set-overwrites-values}], remove: [X-Header-Remove]}
    backendRefs: [{name: infra-backend-v1, port: 8080}]
`);
    const result = send(dp, "x", "/");
    expect(result.outcome).toBe("delivered");
    expect(detailOf(result.hops.find((h) => detailOf(h).startsWith("RequestHeaderModifier")))).toBe(
      "RequestHeaderModifier: set X-Header-Set: set-overwrites-values; remove X-Header-Remove",
    );
  });
});

describe("attachment and status", () => {
  function route(spec: string, namespace = "default"): string {
    return `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: ${namespace}}
spec:
${spec}
  rules: [{backendRefs: [{name: infra-backend-v1, namespace: default, port: 8080}]}]
`;
  }

  function accepted(dp: DataPlane): { status: string; reason: string } | undefined {
    const parents = status(dp, "HTTPRoute", "r").parents as {
      conditions: { type: string; status: string; reason: string }[];
    }[];
    return parents[0]?.conditions.find((c) => c.type === "Accepted");
  }

  // conformance/tests/httproute-invalid-parentref-not-matching-section-name.go: Accepted False, NoMatchingParent.
  it("refuses a parentRef to a listener that does not exist", () => {
    const dp = plane(route("  parentRefs: [{name: same-namespace, sectionName: nope}]"));
    expect(accepted(dp)).toMatchObject({ status: "False", reason: "NoMatchingParent" });
    expect(send(dp, "x", "/").outcome).toBe("http-404");
  });

  // conformance/tests/httproute-invalid-cross-namespace-parent-ref.go: NotAllowedByListeners (allowedRoutes from Same).
  it("refuses a route from another namespace when the listener allows only its own", () => {
    const dp = plane(`apiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n---
${route("  parentRefs: [{name: same-namespace, namespace: default}]", "other")}`);
    expect(accepted(dp)).toMatchObject({ status: "False", reason: "NotAllowedByListeners" });
  });

  // conformance/tests/httproute-hostname-intersection.go: a route whose hostnames meet no listener's is not accepted.
  it("refuses a route whose hostnames meet no listener hostname", () => {
    const dp = dataPlaneFromYaml(
      [
        CLASS,
        BACKENDS,
        `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: same-namespace}
spec:
  gatewayClassName: eg
  listeners: [{name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}]
`,
        route("  parentRefs: [{name: same-namespace}]\n  hostnames: [example.net]"),
      ].join("\n---\n"),
    );
    expect(accepted(dp)).toMatchObject({ status: "False", reason: "NoMatchingListenerHostname" });
  });

  // conformance/tests/httproute-invalid-reference-grant.go and httproute-reference-grant.go: RefNotPermitted, then allowed by a grant.
  it("needs a ReferenceGrant for a backend in another namespace", () => {
    const crossRoute = `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r}
spec:
  parentRefs: [{name: same-namespace}]
  rules: [{backendRefs: [{name: web-backend, namespace: backends, port: 8080}]}]
---
apiVersion: v1
kind: Namespace
metadata: {name: backends}
---
${backend("web-backend", "backends")}`;
    const denied = plane(crossRoute);
    const parents = status(denied, "HTTPRoute", "r").parents as {
      conditions: { type: string; reason: string }[];
    }[];
    expect(parents[0]?.conditions.find((c) => c.type === "ResolvedRefs")?.reason).toBe("RefNotPermitted");
    expect(send(denied, "x", "/").outcome).toBe("http-500");
    const granted = plane(
      crossRoute,
      `
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: allow, namespace: backends}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: default}]
  to: [{group: "", kind: Service}]
`,
    );
    expect(send(granted, "x", "/").outcome).toBe("delivered");
  });

  // gateway_types.go: Programmed True with the address assigned; ListenerStatus.attachedRoutes counts accepted routes.
  it("writes the Gateway's address, conditions and attached routes", () => {
    const dp = plane(route("  parentRefs: [{name: same-namespace}]"));
    const gw = status(dp, "Gateway", "same-namespace");
    expect(gw.addresses).toEqual([{ type: "IPAddress", value: gatewayIP(dp) }]);
    expect(gw.conditions).toEqual([
      expect.objectContaining({ type: "Accepted", status: "True", reason: "Accepted" }),
      expect.objectContaining({ type: "Programmed", status: "True", reason: "Programmed" }),
    ]);
    expect(gw.listeners).toEqual([expect.objectContaining({ name: "http", attachedRoutes: 1 })]);
    expect(status(dp, "GatewayClass", "eg").conditions).toEqual([
      expect.objectContaining({ type: "Accepted", status: "True" }),
    ]);
  });

  it("leaves a Gateway of an unknown class pending, with a warning", () => {
    const loaded = loadManifests([
      { name: "t.yaml", text: SAME_NAMESPACE.replace("gatewayClassName: eg", "gatewayClassName: nope") },
    ]);
    if (!loaded.ok) throw new Error("invalid");
    const cluster = buildCluster(loaded.value);
    const dp = createDataPlane(cluster);
    expect(status(dp, "Gateway", "same-namespace").conditions).toEqual([
      expect.objectContaining({ type: "Accepted", status: "Unknown", reason: "Pending" }),
      expect.objectContaining({ type: "Programmed", status: "Unknown", reason: "Pending" }),
    ]);
    expect(cluster.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining('no GatewayClass "nope"'),
    );
  });

  // gateway_types.go Listener.TLS: an HTTPS listener terminates TLS with certificateRefs; a missing Secret is InvalidCertificateRef.
  it("terminates TLS on an HTTPS listener and reports a missing certificate", () => {
    const https = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: secure}
spec:
  gatewayClassName: eg
  listeners:
  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}
`;
    const missing = dataPlaneFromYaml([CLASS, https].join("\n---\n"));
    const listener = (
      status(missing, "Gateway", "secure").listeners as { conditions: { type: string; reason: string }[] }[]
    )[0];
    expect(listener?.conditions.find((c) => c.type === "ResolvedRefs")?.reason).toBe("InvalidCertificateRef");
    const ok = dataPlaneFromYaml(
      [
        CLASS,
        https,
        BACKENDS,
        "apiVersion: v1\nkind: Secret\nmetadata: {name: cert}\ntype: kubernetes.io/tls\ndata: {tls.crt: eA==, tls.key: eA==}\n",
        route("  parentRefs: [{name: secure}]"),
      ].join("\n---\n"),
    );
    const ip = ok.gateway.addresses.get("gateway/default/secure");
    const parsed = parseRequest(ok, { from: "external", to: `https://${ip}/` });
    if (!parsed.ok) throw new Error(parsed.message);
    const result = trace(ok, parsed.value);
    expect(result.outcome).toBe("delivered");
    expect(result.hops.find((h) => h.kind === "tls-terminate")?.cause?.field).toBe(
      "spec.listeners[0].tls.certificateRefs[0]",
    );
  });
});

// conformance/tests/grpcroute-exact-method-matching.yaml and grpcroute-header-matching.yaml (the
// echo service's names), on the same-namespace Gateway's HTTP listener (h2c).
const GRPC_ECHO = "gateway_api_conformance.echo_basic.grpcecho.GrpcEcho";

describe("GRPCRoute through Envoy Gateway", () => {
  const exact = `
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: exact-matching}
spec:
  parentRefs: [{name: same-namespace}]
  hostnames: [grpc.example.com]
  rules:
  - matches: [{method: {service: ${GRPC_ECHO}, method: Echo}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{method: {service: ${GRPC_ECHO}, method: EchoTwo}}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
  - matches:
    - method: {service: ${GRPC_ECHO}}
      headers: [{name: version, value: three}]
    backendRefs: [{name: infra-backend-v3, port: 8080}]
`;
  // A gRPC call is an HTTP/2 POST to /SERVICE/METHOD.
  const call = (headers: { name: string; value: string }[] = []): Partial<TraceRequest> => ({
    method: "POST",
    headers,
  });

  it("grpcroute-exact-method-matching: each method goes to its rule's backend, others get 404 (UNIMPLEMENTED)", () => {
    const dp = plane(exact);
    expect(reached(dp, "grpc.example.com", `/${GRPC_ECHO}/Echo`, call())).toBe("infra-backend-v1");
    expect(reached(dp, "grpc.example.com", `/${GRPC_ECHO}/EchoTwo`, call())).toBe("infra-backend-v2");
    const miss = send(dp, "grpc.example.com", `/${GRPC_ECHO}/EchoThree`, call());
    expect(miss.outcome).toBe("http-404");
    expect(detailOf(miss.hops.at(-1))).toContain("UNIMPLEMENTED");
  });

  it("grpcroute-header-matching: a header match narrows a service-only match", () => {
    const dp = plane(exact);
    const three = [{ name: "Version", value: "three" }];
    expect(reached(dp, "grpc.example.com", `/${GRPC_ECHO}/EchoThree`, call(three))).toBe("infra-backend-v3");
  });

  it("says which GRPCRoute match won, its field, and why (GRPCRouteRule precedence: service, then method)", () => {
    const dp = plane(exact);
    const three = [{ name: "version", value: "three" }];
    const result = send(dp, "grpc.example.com", `/${GRPC_ECHO}/Echo`, call(three));
    const hop = result.hops.find((h) => h.kind === "l7-route");
    expect(hop?.at).toBe("grpcroute/default/exact-matching");
    expect(hop?.cause?.field).toBe("spec.rules[0].matches[0]");
    expect(detailOf(hop)).toContain(`gRPC call ${GRPC_ECHO}/Echo`);
    expect(detailOf(hop)).toContain("its method has more characters");
  });

  it("attaches to HTTP listeners, whose supportedKinds list HTTPRoute and GRPCRoute", () => {
    const dp = plane(exact);
    const listener = (status(dp, "Gateway", "same-namespace").listeners as Record<string, unknown>[])[0];
    expect(listener?.supportedKinds).toEqual([
      { group: "gateway.networking.k8s.io", kind: "HTTPRoute" },
      { group: "gateway.networking.k8s.io", kind: "GRPCRoute" },
    ]);
    expect(listener?.attachedRoutes).toBe(1);
  });

  // grpcroute_types.go Hostnames: an HTTPRoute and a GRPCRoute with intersecting hostnames on one
  // listener: the older is accepted, the other gets Accepted False.
  it("cross serving: the newer of an HTTPRoute and a GRPCRoute sharing a hostname is not accepted", () => {
    const dp = plane(
      exact.replace(
        "metadata: {name: exact-matching}",
        'metadata: {name: exact-matching, creationTimestamp: "2026-02-01T00:00:00Z"}',
      ),
      `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, creationTimestamp: "2026-01-01T00:00:00Z"}
spec:
  parentRefs: [{name: same-namespace}]
  hostnames: ["*.example.com"]
  rules: [{backendRefs: [{name: infra-backend-v3, port: 8080}]}]
`,
    );
    const parents = status(dp, "GRPCRoute", "exact-matching").parents as {
      conditions: { type: string; status: string; reason: string }[];
    }[];
    expect(parents[0]?.conditions.find((c) => c.type === "Accepted")).toMatchObject({
      status: "False",
      reason: "Conflicted",
    });
    expect(reached(dp, "grpc.example.com", `/${GRPC_ECHO}/Echo`, call())).toBe("infra-backend-v3");
  });
});

// conformance/tests/tlsroute-simple-same-namespace.yaml: a TLS Passthrough listener and a TLSRoute by SNI.
describe("TLSRoute through Envoy Gateway", () => {
  const tls = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gateway-tlsroute}
spec:
  gatewayClassName: eg
  listeners:
  - {name: https, port: 443, protocol: TLS, tls: {mode: Passthrough}, allowedRoutes: {namespaces: {from: Same}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: gateway-conformance-infra-test}
spec:
  parentRefs: [{name: gateway-tlsroute}]
  hostnames: [abc.example.com]
  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]
`;
  function sni(dp: DataPlane, url: string) {
    const ip = dp.gateway.addresses.get("gateway/default/gateway-tlsroute");
    const host = new URL(url).hostname;
    const parsed = parseRequest(dp, {
      from: "external",
      to: url.replace(host, String(ip)),
      headers: [{ name: "Host", value: host }],
    });
    if (!parsed.ok) throw new Error(parsed.message);
    return trace(dp, parsed.value);
  }

  it("passes the stream for a route's SNI to its backend without terminating TLS", () => {
    const dp = plane(tls);
    const result = sni(dp, "https://abc.example.com/");
    expect(result.outcome).toBe("delivered");
    expect(result.backend?.pod).toMatch(/^pod\/default\/infra-backend-v1-/);
    const hop = result.hops.find((h) => h.at === "tlsroute/default/gateway-conformance-infra-test");
    expect(hop?.cause?.field).toBe("spec.hostnames[0]");
    expect(detailOf(hop)).toContain("without decrypting");
  });

  it("closes the connection for an SNI no TLSRoute has, and for plain text", () => {
    const dp = plane(tls);
    expect(sni(dp, "https://other.example.com/").outcome).toBe("refused");
    expect(sni(dp, "http://abc.example.com:443/").outcome).toBe("refused");
  });

  it("is Accepted on the TLS listener; on an HTTP listener it is UnsupportedValue (tlsroute_types.go)", () => {
    const dp = plane(
      tls,
      tls
        .split("---")[1]
        ?.replace("gateway-conformance-infra-test", "wrong")
        .replace("gateway-tlsroute}", "same-namespace}") ?? "",
    );
    const accepted = (name: string) =>
      (
        status(dp, "TLSRoute", name).parents as {
          conditions: { type: string; status: string; reason: string }[];
        }[]
      )[0]?.conditions.find((c) => c.type === "Accepted");
    expect(accepted("gateway-conformance-infra-test")).toMatchObject({ status: "True" });
    expect(accepted("wrong")).toMatchObject({ status: "False", reason: "UnsupportedValue" });
  });
});

// GatewaySpec.Listeners (gateway_types.go): listeners on one port are compatible when "each Listener
// within the group specifies either the HTTPS or TLS Protocol" with unique hostnames; HTTP beside
// either is not, and is a ProtocolConflict.
describe("listeners sharing a port", () => {
  const mixed = (second: string) => `
apiVersion: v1
kind: Secret
metadata: {name: cert}
type: kubernetes.io/tls
data: {tls.crt: eA==, tls.key: eA==}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: mixed}
spec:
  gatewayClassName: eg
  listeners:
  - {name: https, port: 443, protocol: HTTPS, hostname: shop.example.com, tls: {certificateRefs: [{name: cert}]}}
  - ${second}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop}
spec:
  parentRefs: [{name: mixed, sectionName: https}]
  rules: [{backendRefs: [{name: infra-backend-v2, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: secure}
spec:
  parentRefs: [{name: mixed, sectionName: tls}]
  hostnames: [secure.example.com]
  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]
`;
  const conflicted = (dp: DataPlane) =>
    (
      status(dp, "Gateway", "mixed").listeners as {
        name: string;
        conditions: { type: string; reason: string }[];
      }[]
    ).map((l) => `${l.name} ${l.conditions.find((c) => c.type === "Conflicted")?.reason}`);
  function to(dp: DataPlane, host: string) {
    const ip = dp.gateway.addresses.get("gateway/default/mixed");
    const parsed = parseRequest(dp, {
      from: "external",
      to: `https://${ip}/`,
      headers: [{ name: "Host", value: host }],
    });
    if (!parsed.ok) throw new Error(parsed.message);
    return trace(dp, parsed.value);
  }

  it("HTTPS and TLS on port 443 are compatible: no ProtocolConflict, and the SNI picks the listener", () => {
    const dp = plane(
      mixed("{name: tls, port: 443, protocol: TLS, hostname: secure.example.com, tls: {mode: Passthrough}}"),
    );
    expect(conflicted(dp)).toEqual(["https NoConflicts", "tls NoConflicts"]);
    const shop = to(dp, "shop.example.com");
    expect(shop.backend?.pod).toMatch(/^pod\/default\/infra-backend-v2-/);
    expect(shop.hops.some((h) => h.kind === "tls-terminate" && h.at === "gateway/default/mixed")).toBe(true);
    const secure = to(dp, "secure.example.com");
    expect(secure.backend?.pod).toMatch(/^pod\/default\/infra-backend-v1-/);
    expect(detailOf(secure.hops.find((h) => h.at === "tlsroute/default/secure"))).toContain(
      "without decrypting",
    );
  });

  it("HTTP beside HTTPS on one port is still a ProtocolConflict", () => {
    const dp = plane(mixed("{name: tls, port: 443, protocol: HTTP}"));
    expect(conflicted(dp)).toEqual(["https ProtocolConflict", "tls ProtocolConflict"]);
  });
});
