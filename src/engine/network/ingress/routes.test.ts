import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../manifests/types.ts";
import { gceRoute, nginxConfig, nginxRoute } from "./routes.ts";
import { readIngress } from "./spec.ts";

type Path = { path: string; pathType: string; service: string };

function ingress(name: string, rules: { host?: string; paths: Path[] }[], defaultBackend?: string) {
  const object: KubeObject = {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name, namespace: "default" },
    spec: {
      ...(defaultBackend
        ? { defaultBackend: { service: { name: defaultBackend, port: { number: 80 } } } }
        : {}),
      rules: rules.map((r) => ({
        ...(r.host ? { host: r.host } : {}),
        http: {
          paths: r.paths.map((p) => ({
            path: p.path,
            pathType: p.pathType,
            backend: { service: { name: p.service, port: { number: 80 } } },
          })),
        },
      })),
    },
  };
  return readIngress({ object, file: "t.yaml", documentIndex: 0, positions: new Map() });
}

function served(route: ReturnType<typeof nginxRoute>): string {
  return route.kind === "none" ? "404" : route.backend.name;
}

describe("ingress-nginx's configuration", () => {
  it("merges the paths of every Ingress for a host; the first Ingress keeps a path both define", () => {
    const config = nginxConfig([
      ingress("a", [
        { host: "shop.example.com", paths: [{ path: "/api", pathType: "Prefix", service: "api-a" }] },
      ]),
      ingress("b", [
        {
          host: "shop.example.com",
          paths: [
            { path: "/api", pathType: "Prefix", service: "api-b" },
            { path: "/web", pathType: "Prefix", service: "web" },
          ],
        },
      ]),
    ]);
    expect(served(nginxRoute(config, "shop.example.com", "/api/v1"))).toBe("api-a");
    expect(served(nginxRoute(config, "shop.example.com", "/web"))).toBe("web");
  });

  it("reads ImplementationSpecific as Prefix (SetDefaultNGINXPathType): element-wise, not a string prefix", () => {
    const config = nginxConfig([
      ingress("a", [
        { host: "h", paths: [{ path: "/foo", pathType: "ImplementationSpecific", service: "s" }] },
      ]),
    ]);
    expect(served(nginxRoute(config, "h", "/foo/bar"))).toBe("s");
    expect(served(nginxRoute(config, "h", "/foobar"))).toBe("404");
  });

  it("prefers an exact server name to a wildcard, and a wildcard to the catch-all", () => {
    const config = nginxConfig([
      ingress("a", [
        { paths: [{ path: "/", pathType: "Prefix", service: "any" }] },
        { host: "*.foo.com", paths: [{ path: "/", pathType: "Prefix", service: "wild" }] },
        { host: "bar.foo.com", paths: [{ path: "/", pathType: "Prefix", service: "exact" }] },
      ]),
    ]);
    expect(served(nginxRoute(config, "bar.foo.com", "/"))).toBe("exact");
    expect(served(nginxRoute(config, "baz.foo.com", "/"))).toBe("wild");
    expect(served(nginxRoute(config, "baz.bar.foo.com", "/"))).toBe("any");
  });

  it("gives a host's unmatched paths the defaultBackend of the Ingress that created its server", () => {
    const config = nginxConfig([
      ingress("a", [{ host: "h", paths: [{ path: "/a", pathType: "Exact", service: "a" }] }], "fallback"),
      ingress("b", [{ host: "h", paths: [{ path: "/b", pathType: "Exact", service: "b" }] }], "other"),
    ]);
    expect(served(nginxRoute(config, "h", "/c"))).toBe("fallback");
    expect(served(nginxRoute(config, "unknown", "/c"))).toBe("404");
  });
});

describe("name-based virtual hosting (the docs' name-virtual-host-ingress-no-third-host.yaml)", () => {
  const all = (service: string) => [{ path: "/", pathType: "Prefix", service }];
  const config = nginxConfig([
    ingress("name-virtual-host-ingress-no-third-host", [
      { host: "first.bar.com", paths: all("service1") },
      { host: "second.bar.com", paths: all("service2") },
      { paths: all("service3") },
    ]),
  ]);

  it("routes each Host to its Service and any other Host to the host-less rule", () => {
    expect(served(nginxRoute(config, "first.bar.com", "/"))).toBe("service1");
    expect(served(nginxRoute(config, "second.bar.com", "/x"))).toBe("service2");
    expect(served(nginxRoute(config, "203.0.113.123", "/"))).toBe("service3");
  });
});

describe("ingress-gce's URL map", () => {
  it("reads ImplementationSpecific paths as globs", () => {
    const ing = ingress("a", [
      {
        paths: [
          { path: "/static/*", pathType: "ImplementationSpecific", service: "static" },
          { path: "/login", pathType: "ImplementationSpecific", service: "login" },
        ],
      },
    ]);
    expect(served(gceRoute(ing, "x", "/static/a.css"))).toBe("static");
    expect(served(gceRoute(ing, "x", "/login"))).toBe("login");
    expect(served(gceRoute(ing, "x", "/login/again"))).toBe("404");
  });

  it("sends what no rule matches to spec.defaultBackend", () => {
    const ing = ingress(
      "a",
      [{ host: "h", paths: [{ path: "/a", pathType: "Prefix", service: "a" }] }],
      "fallback",
    );
    expect(served(gceRoute(ing, "other", "/a"))).toBe("fallback");
    expect(served(gceRoute(ing, "h", "/b"))).toBe("fallback");
  });
});
