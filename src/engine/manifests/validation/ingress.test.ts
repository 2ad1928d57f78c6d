import { describe, expect, it } from "vitest";
import { problems, service } from "../testutil.ts";

const ingress = (spec: Record<string, unknown>) => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name: "web" },
  spec,
});
const rule = (path: Record<string, unknown>, host?: string) => ({ host, http: { paths: [path] } });
const backend = { service: { name: "web", port: { number: 80 } } };
const errorsOf = (spec: Record<string, unknown>) => problems([service({}), ingress(spec)]);

describe("Ingress validation", () => {
  it("accepts a rule with a Prefix path and a service backend", () => {
    expect(
      errorsOf({ rules: [rule({ path: "/", pathType: "Prefix", backend }, "shop.example.com")] }),
    ).toEqual([]);
  });

  // networking/validation ValidateIngressSpec: rules or defaultBackend
  it("requires rules or a defaultBackend", () => {
    expect(errorsOf({})).toEqual([
      "spec: Invalid value: []: either `defaultBackend` or `rules` must be specified",
    ]);
    expect(errorsOf({ defaultBackend: backend })).toEqual([]);
  });

  // networking/validation validateHTTPIngressPath: pathType required
  it("requires pathType, and knows Exact, Prefix and ImplementationSpecific", () => {
    expect(errorsOf({ rules: [rule({ path: "/", backend })] })).toEqual([
      "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified",
    ]);
    expect(errorsOf({ rules: [rule({ path: "/", pathType: "Regex", backend })] })).toEqual([
      'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    ]);
  });

  // networking/validation validateHTTPIngressPath: absolute paths, no '//' or '/..'
  it("requires absolute, clean paths", () => {
    expect(errorsOf({ rules: [rule({ path: "api", pathType: "Prefix", backend })] })).toEqual([
      'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
    ]);
    expect(errorsOf({ rules: [rule({ path: "/a//b", pathType: "Exact", backend })] })).toEqual([
      `spec.rules[0].http.paths[0].path: Invalid value: "/a//b": must not contain '//'`,
    ]);
    expect(errorsOf({ rules: [rule({ pathType: "ImplementationSpecific", backend })] })).toEqual([]);
  });

  // networking/validation validateIngressBackend: port name or number, not both
  it("requires a backend service with a port name or number, not both", () => {
    const withPort = (port: unknown) => ({
      rules: [rule({ path: "/", pathType: "Prefix", backend: { service: { name: "web", port } } })],
    });
    expect(errorsOf(withPort({}))).toEqual([
      "spec.rules[0].http.paths[0].backend.service.port: Required value: port name or number is required",
    ]);
    expect(errorsOf(withPort({ name: "http", number: 80 }))).toEqual([
      'spec.rules[0].http.paths[0].backend.service: Invalid value: "": cannot set both port name & port number',
    ]);
    expect(errorsOf(withPort({ name: "http" }))).toEqual([]);
    expect(errorsOf({ rules: [rule({ path: "/", pathType: "Prefix", backend: {} })] })).toEqual([
      'spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required',
    ]);
  });

  // networking/validation validateIngressRules: host is a DNS name or a wildcard, not an IP
  it("takes hosts as DNS names or *. wildcards, never IP addresses", () => {
    const withHost = (host: string) => ({ rules: [rule({ path: "/", pathType: "Prefix", backend }, host)] });
    expect(errorsOf(withHost("*.example.com"))).toEqual([]);
    expect(errorsOf(withHost("192.0.2.1"))).toEqual([
      'spec.rules[0].host: Invalid value: "192.0.2.1": must be a DNS name, not an IP address',
    ]);
    expect(errorsOf(withHost("a.*.example.com"))[0]).toMatch(
      /a wildcard DNS-1123 subdomain must start with '\*\.'/,
    );
  });

  it("warns when a backend names a Service that is not there", () => {
    expect(problems([ingress({ defaultBackend: backend })])).toEqual([
      "warning spec.defaultBackend.service.name: no Service default/web: the ingress controller answers 503 for this backend",
    ]);
  });

  // networking/validation ValidateIngressClassSpec: controller required, domain-prefixed
  it("requires an IngressClass controller as a domain-prefixed path", () => {
    const cls = (spec: unknown) => ({
      apiVersion: "networking.k8s.io/v1",
      kind: "IngressClass",
      metadata: { name: "nginx" },
      spec,
    });
    expect(problems([cls({ controller: "k8s.io/ingress-nginx" })])).toEqual([]);
    expect(problems([cls({})])).toEqual(["spec.controller: Required value"]);
    expect(problems([cls({ controller: "nginx" })])).toEqual([
      'spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
    ]);
  });

  // networking/validation ValidateIngressCreate: the class annotation and field must agree
  it("rejects a class annotation that differs from ingressClassName", () => {
    const annotated = (className: string) => ({
      ...ingress({ ingressClassName: className, defaultBackend: backend }),
      metadata: { name: "web", annotations: { "kubernetes.io/ingress.class": "nginx" } },
    });
    expect(problems([service({}), annotated("gce")])).toEqual([
      'metadata.annotations.kubernetes.io/ingress.class: Invalid value: "nginx": must match `ingressClassName` when both are specified',
    ]);
    expect(problems([service({}), annotated("nginx")])).toEqual([]);
  });
});
