import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { svclab } from "./trace.test-helpers.ts";

const SAMPLE = readFileSync(new URL("../../samples/gateway.yaml", import.meta.url), "utf8");
const FILES = { "gw.yaml": SAMPLE };

describe("svclab and Gateway API", () => {
  // The CRDs' additionalPrinterColumns (gateway-api apis/v1 +kubebuilder:printcolumn).
  it("lists gatewayclasses, gateways and httproutes with their status columns", () => {
    expect(svclab(["get", "gc", "-f", "gw.yaml"], FILES).out).toBe(
      "NAME   CONTROLLER                                      ACCEPTED   AGE\neg     gateway.envoyproxy.io/gatewayclass-controller   True       0s\n",
    );
    expect(svclab(["get", "gateways", "-f", "gw.yaml"], FILES).out).toBe(
      "NAME   CLASS   ADDRESS         PROGRAMMED   AGE\nshop   eg      198.51.100.10   True         0s\n",
    );
    expect(svclab(["get", "httproutes", "-f", "gw.yaml"], FILES).out).toBe(
      'NAME   HOSTNAMES              AGE\nweb    ["shop.example.com"]   0s\n',
    );
  });

  // grpcroute_types.go prints Hostnames and Age; tlsroute_types.go (v1) prints Age only.
  it("lists grpcroutes and tlsroutes with their CRDs' printer columns", () => {
    const routes = `${SAMPLE}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: echo}
spec:
  parentRefs: [{name: shop}]
  hostnames: [grpc.example.com]
  rules: [{matches: [{method: {service: pkg.Echo}}], backendRefs: [{name: web-v1, port: 80}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: db}
spec:
  parentRefs: [{name: shop}]
  hostnames: [db.example.com]
  rules: [{backendRefs: [{name: web-v1, port: 80}]}]
`;
    const files = { "gw.yaml": routes };
    expect(svclab(["get", "grpcroutes", "-f", "gw.yaml"], files).out).toBe(
      'NAME   HOSTNAMES              AGE\necho   ["grpc.example.com"]   0s\n',
    );
    expect(svclab(["get", "tlsroutes", "-f", "gw.yaml"], files).out).toBe("NAME   AGE\ndb     0s\n");
  });

  it("takes curl's -H, repeatable, and a Host header that overrides the URL's host", () => {
    const canary = svclab(
      [
        "traffic",
        "--from",
        "external",
        "--to",
        "http://198.51.100.10/",
        "-H",
        "Host: shop.example.com",
        "-H",
        "env: canary",
        "--count",
        "20",
        "-f",
        "gw.yaml",
        "-o",
        "json",
      ],
      FILES,
    );
    expect(canary.code).toBe(0);
    const json = JSON.parse(canary.out);
    expect(Object.keys(json.backends)).toEqual([expect.stringMatching(/^default\/web-v2-/)]);
    const trace = svclab(
      [
        "trace",
        "--from",
        "external",
        "--to",
        "http://198.51.100.10/",
        "-H",
        "Host: shop.example.com",
        "-f",
        "gw.yaml",
      ],
      FILES,
    );
    expect(trace.out).toContain("> Host: shop.example.com");
    expect(trace.out).toContain("httproute/default/web");
  });

  it("refuses a header that is not 'Name: value'", () => {
    const r = svclab(
      ["trace", "--from", "external", "--to", "http://shop.example.com/", "-H", "nonsense", "-f", "gw.yaml"],
      FILES,
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(`-H "nonsense": write a header as 'Name: value'`);
  });
});
