import { describe, expect, it } from "vitest";
import { dataPlaneFromYaml, detailOf, GCE_CLASS, NGINX_CLASS, traceOf } from "../network/testing.ts";
import { createTrafficState } from "../network/traffic-state.ts";
import type { Trace } from "./types.ts";

/** A Deployment `name` of two pods listening on 8080, behind a Service `name` on port `port`. */
function app(name: string, port: number, type = "ClusterIP", replicas = 2): string {
  return `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: app
        image: nginx
        ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  type: ${type}
  selector: {app: ${name}}
  ports: [{name: web, port: ${port}, targetPort: http}]
`;
}

// The docs' simple-fanout-example.yaml.
const FANOUT = `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: simple-fanout-example
spec:
  rules:
  - host: foo.bar.com
    http:
      paths:
      - path: /foo
        pathType: Prefix
        backend:
          service:
            name: service1
            port:
              number: 4200
      - path: /bar
        pathType: Prefix
        backend:
          service:
            name: service2
            port:
              number: 8080
`;

// The docs' ingress-wildcard-host.yaml.
const WILDCARD = `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ingress-wildcard-host
spec:
  rules:
  - host: "foo.bar.com"
    http:
      paths:
      - pathType: Prefix
        path: "/bar"
        backend:
          service:
            name: service1
            port:
              number: 80
  - host: "*.foo.com"
    http:
      paths:
      - pathType: Prefix
        path: "/foo"
        backend:
          service:
            name: service2
            port:
              number: 80
`;

// The docs' tls-example-ingress.yaml and its Secret.
const TLS = `
apiVersion: v1
kind: Secret
metadata:
  name: testsecret-tls
  namespace: default
data:
  tls.crt: Y2VydA==
  tls.key: a2V5
type: kubernetes.io/tls
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: tls-example-ingress
spec:
  tls:
  - hosts:
      - https-example.foo.com
    secretName: testsecret-tls
  rules:
  - host: https-example.foo.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: service1
            port:
              number: 80
`;

function yaml(...docs: string[]): string {
  return docs.join("\n---\n");
}

function kinds(trace: Trace): string[] {
  return trace.hops.filter((h) => h.phase === "request").map((h) => `${h.kind} ${h.at}`);
}

function hop(trace: Trace, kind: string) {
  const found = trace.hops.find((h) => h.kind === kind);
  if (!found) throw new Error(`no ${kind} hop in ${kinds(trace).join(", ")}`);
  return found;
}

describe("ingress-nginx", () => {
  const dp = dataPlaneFromYaml(yaml(NGINX_CLASS, app("service1", 4200), app("service2", 8080), FANOUT));
  const controller = dp.cluster.pods.find((p) => p.ref.startsWith("pod/ingress-nginx/"));

  it("routes by path to the backend's endpoint pod, bypassing the ClusterIP", () => {
    const trace = traceOf(dp, "external", "http://foo.bar.com/foo/x");
    expect(trace.outcome).toBe("delivered");
    expect(trace.backend?.pod).toMatch(/^pod\/default\/service1-/);
    expect(trace.backend?.port).toBe(8080);
    expect(kinds(trace)).toContain("l7-route ingress/default/simple-fanout-example");
    expect(kinds(trace)).not.toContain("dnat svc/default/service1");
    const route = hop(trace, "l7-route");
    expect(route.cause).toMatchObject({
      object: "ingress/default/simple-fanout-example",
      field: "spec.rules[0].http.paths[0].path",
    });
    expect(route.cause?.position?.line).toBeGreaterThan(0);
  });

  it("goes through the controller's LoadBalancer Service and its pod", () => {
    const trace = traceOf(dp, "external", "http://foo.bar.com/bar");
    expect(kinds(trace)).toEqual(
      expect.arrayContaining([
        "lb-choice lb/ingress-nginx/ingress-nginx-controller",
        "dnat svc/ingress-nginx/ingress-nginx-controller",
        `lb-choice ${controller?.ref}`,
      ]),
    );
    // The controller pod reads the request before it routes it, so the packet passes through the pod.
    expect(kinds(trace).indexOf(`route ${controller?.ref}`)).toBe(
      kinds(trace).indexOf("l7-route ingress/default/simple-fanout-example") - 1,
    );
    expect(trace.backend?.pod).toMatch(/^pod\/default\/service2-/);
    expect(hop(trace, "l7-route").cause?.field).toBe("spec.rules[0].http.paths[1].path");
  });

  it("shows the backend the controller pod's address, with the client's in X-Forwarded-For", () => {
    const trace = traceOf(dp, "external", "http://foo.bar.com/foo");
    expect(trace.backend?.clientIP).toBe(controller?.podIP);
    const proxied = trace.hops.find((h) => h.kind === "lb-choice" && h.at === controller?.ref);
    expect(detailOf(proxied)).toContain("X-Forwarded-For: 203.0.113.10");
  });

  it("resolves the Ingress host outside to the Ingress's address, as external-dns would publish it", () => {
    const trace = traceOf(dp, "external", "http://foo.bar.com/foo");
    const answer = trace.hops.find((h) => h.kind === "dns-answer");
    expect(detailOf(answer)).toContain("198.51.100.10");
    expect(detailOf(answer)).toContain("external-dns");
    expect(answer?.cause?.field).toBe("spec.rules[0].host");
  });

  it("answers 404 from the controller's default backend when no path matches", () => {
    const trace = traceOf(dp, "external", "http://foo.bar.com/foobar");
    expect(trace.outcome).toBe("http-404");
    expect(trace.backend).toBeNull();
  });

  it("answers 404 to a host no rule names (by address, no Host rule applies)", () => {
    expect(traceOf(dp, "external", "http://198.51.100.10/foo").outcome).toBe("http-404");
  });

  it("balances round robin over the endpoints", () => {
    const state = createTrafficState(1);
    const pods = new Set(
      [1, 2, 3, 4].map((_) => traceOf(dp, "external", "http://foo.bar.com/foo", state).backend?.pod),
    );
    expect(pods.size).toBe(2);
  });

  it("serves the Ingress to pods inside the cluster too", () => {
    const pod = dp.cluster.pods.find((p) => p.ref.startsWith("pod/default/service2-"));
    const trace = traceOf(dp, pod?.ref ?? "", "http://foo.bar.com/foo");
    expect(trace.outcome).toBe("delivered");
    expect(trace.backend?.pod).toMatch(/^pod\/default\/service1-/);
  });

  it("answers 503 when the backend Service has no ready endpoint", () => {
    const none = dataPlaneFromYaml(
      yaml(NGINX_CLASS, app("service1", 4200, "ClusterIP", 0), app("service2", 8080), FANOUT),
    );
    const trace = traceOf(none, "external", "http://foo.bar.com/foo");
    expect(trace.outcome).toBe("http-503");
    expect(detailOf(hop(trace, "reject"))).toContain("503");
  });

  it("answers 503 when the backend Service does not exist", () => {
    const missing = dataPlaneFromYaml(yaml(NGINX_CLASS, app("service2", 8080), FANOUT));
    expect(traceOf(missing, "external", "http://foo.bar.com/foo").outcome).toBe("http-503");
  });

  it("finds a backend port by name", () => {
    const byName = dataPlaneFromYaml(
      yaml(
        NGINX_CLASS,
        app("service1", 4200),
        app("service2", 8080),
        FANOUT.replace("number: 4200", "name: web"),
      ),
    );
    const trace = traceOf(byName, "external", "http://foo.bar.com/foo");
    expect(trace.outcome).toBe("delivered");
    expect(hop(trace, "lb-choice").cause).toBeDefined();
  });
});

describe("wildcard hosts (the docs' ingress-wildcard-host.yaml)", () => {
  const dp = dataPlaneFromYaml(yaml(NGINX_CLASS, app("service1", 80), app("service2", 80), WILDCARD));

  it("routes bar.foo.com by the wildcard *.foo.com", () => {
    const trace = traceOf(dp, "external", "http://bar.foo.com/foo");
    expect(trace.backend?.pod).toMatch(/^pod\/default\/service2-/);
    expect(detailOf(hop(trace, "l7-route"))).toContain("wildcard");
  });

  it("does not match baz.bar.foo.com (the wildcard is one label), though DNS answers for it", () => {
    const trace = traceOf(dp, "external", "http://baz.bar.foo.com/foo");
    expect(detailOf(trace.hops.find((h) => h.kind === "dns-answer"))).toContain("198.51.100.10");
    expect(trace.outcome).toBe("http-404");
  });

  it("has no DNS record for foo.com itself", () => {
    expect(traceOf(dp, "external", "http://foo.com/foo").outcome).toBe("nxdomain");
  });

  it("routes the precise host foo.bar.com", () => {
    const trace = traceOf(dp, "external", "http://foo.bar.com/bar");
    expect(trace.backend?.pod).toMatch(/^pod\/default\/service1-/);
  });
});

describe("TLS at ingress-nginx (the docs' tls-example-ingress.yaml)", () => {
  const dp = dataPlaneFromYaml(yaml(NGINX_CLASS, app("service1", 80), TLS));

  it("terminates HTTPS with the Secret's certificate and forwards HTTP to the pod", () => {
    const trace = traceOf(dp, "external", "https://https-example.foo.com/");
    expect(trace.outcome).toBe("delivered");
    const tls = hop(trace, "tls-terminate");
    expect(tls.at).toMatch(/^pod\/ingress-nginx\/ingress-nginx-controller-/);
    expect(detailOf(tls)).toContain("Secret default/testsecret-tls");
    expect(tls.cause?.field).toBe("spec.tls[0].hosts[0]");
    expect(trace.backend?.port).toBe(8080);
    expect(kinds(trace).indexOf(`tls-terminate ${tls.at}`)).toBeLessThan(
      kinds(trace).indexOf("l7-route ingress/default/tls-example-ingress"),
    );
  });

  it("redirects plain HTTP for a TLS host with 308 (ssl-redirect)", () => {
    const trace = traceOf(dp, "external", "http://https-example.foo.com/x");
    expect(trace.outcome).toBe("http-308");
    expect(hop(trace, "redirect")).toMatchObject({ at: "ingress/default/tls-example-ingress" });
    expect(detailOf(hop(trace, "redirect"))).toContain("https://https-example.foo.com/x");
  });

  it("does not redirect when the Ingress turns ssl-redirect off", () => {
    const off = dataPlaneFromYaml(
      yaml(
        NGINX_CLASS,
        app("service1", 80),
        TLS.replace(
          "name: tls-example-ingress",
          'name: tls-example-ingress\n  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: "false"',
        ),
      ),
    );
    expect(traceOf(off, "external", "http://https-example.foo.com/").outcome).toBe("delivered");
  });

  it("serves the default (fake) certificate when the Secret is missing, and says so", () => {
    const missing = dataPlaneFromYaml(yaml(NGINX_CLASS, app("service1", 80), TLS.split("---")[1] ?? ""));
    const trace = traceOf(missing, "external", "https://https-example.foo.com/");
    expect(trace.outcome).toBe("delivered");
    expect(detailOf(hop(trace, "tls-terminate"))).toContain("Fake Certificate");
    expect(hop(trace, "tls-terminate").cause?.field).toBe("spec.tls[0].secretName");
  });

  it("serves the default certificate to a host without one", () => {
    const both = dataPlaneFromYaml(yaml(NGINX_CLASS, app("service1", 4200), app("service2", 8080), FANOUT));
    const trace = traceOf(both, "external", "https://foo.bar.com/foo");
    expect(trace.outcome).toBe("delivered");
    expect(detailOf(hop(trace, "tls-terminate"))).toContain("default certificate");
  });

  it("answers 400 to plain HTTP sent to the HTTPS port", () => {
    expect(traceOf(dp, "external", "http://https-example.foo.com:443/").outcome).toBe("http-400");
  });
});

describe("default backends", () => {
  // The docs' test-ingress.yaml: one Service behind an Ingress with no rules.
  const TEST = `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: test-ingress
spec:
  defaultBackend:
    service:
      name: test
      port:
        number: 80
`;

  it("sends everything to an Ingress's defaultBackend when it has no rules (catch-all server)", () => {
    const dp = dataPlaneFromYaml(yaml(NGINX_CLASS, app("test", 80), TEST));
    const trace = traceOf(dp, "external", "http://198.51.100.10/anything");
    expect(trace.backend?.pod).toMatch(/^pod\/default\/test-/);
    expect(hop(trace, "l7-route").cause?.field).toBe("spec.defaultBackend");
  });

  it("uses an Ingress's defaultBackend for its hosts' unmatched paths", () => {
    const withDefault = FANOUT.replace(
      "spec:\n  rules:",
      "spec:\n  defaultBackend:\n    service:\n      name: test\n      port:\n        number: 80\n  rules:",
    );
    const dp = dataPlaneFromYaml(yaml(NGINX_CLASS, app("service1", 4200), app("test", 80), withDefault));
    expect(traceOf(dp, "external", "http://foo.bar.com/other").backend?.pod).toMatch(/^pod\/default\/test-/);
  });
});

describe("IngressClass selection", () => {
  it("does not serve an Ingress with no class and no default: its host has no address", () => {
    const dp = dataPlaneFromYaml(yaml(GCE_CLASS, app("service1", 4200), FANOUT));
    expect(traceOf(dp, "external", "http://foo.bar.com/foo").outcome).toBe("nxdomain");
  });

  it("serves an Ingress that names its class", () => {
    const noDefault = NGINX_CLASS.replace(
      'ingressclass.kubernetes.io/is-default-class: "true"',
      "{}",
    ).replace("annotations:\n    {}", "annotations: {}");
    const named = FANOUT.replace("spec:\n  rules:", "spec:\n  ingressClassName: nginx-example\n  rules:");
    const dp = dataPlaneFromYaml(yaml(noDefault, app("service1", 4200), named));
    expect(traceOf(dp, "external", "http://foo.bar.com/foo").outcome).toBe("delivered");
  });
});

describe("ingress-gce", () => {
  const gceFanout = FANOUT.replace("spec:\n  rules:", "spec:\n  ingressClassName: gce\n  rules:");
  const dp = dataPlaneFromYaml(
    yaml(GCE_CLASS, app("service1", 4200, "NodePort"), app("service2", 8080, "NodePort"), gceFanout),
  );

  it("routes at its own load balancer to a node's NodePort, then kube-proxy to a pod", () => {
    const trace = traceOf(dp, "external", "http://foo.bar.com/bar/x");
    expect(trace.outcome).toBe("delivered");
    expect(trace.backend?.pod).toMatch(/^pod\/default\/service2-/);
    const order = kinds(trace);
    const lb = order.indexOf("lb-choice lb/ingress/default/simple-fanout-example");
    expect(order.indexOf("l7-route ingress/default/simple-fanout-example")).toBeLessThan(lb);
    expect(lb).toBeGreaterThan(0);
    expect(order.slice(lb)).toContain("dnat svc/default/service2");
    const choice = hop(trace, "lb-choice");
    expect(choice.after.dst.port).toBe(dp.services.get("default/service2")?.state.ports[0]?.nodePort);
    expect(detailOf(choice)).toContain("X-Forwarded-For: 203.0.113.10");
  });

  it("has its own address, not ingress-nginx's", () => {
    expect(dp.cluster.services.some((s) => s.namespace === "ingress-nginx")).toBe(false);
    const trace = traceOf(dp, "external", "http://foo.bar.com/foo");
    expect(detailOf(trace.hops.find((h) => h.kind === "dns-answer"))).toContain("198.51.100.10");
    expect(trace.hops.find((h) => h.phase === "request")?.after.dst.ip).toBe("198.51.100.10");
  });

  it("answers 404 from GKE's default backend when nothing matches", () => {
    const trace = traceOf(dp, "external", "http://foo.bar.com/baz");
    expect(trace.outcome).toBe("http-404");
    expect(hop(trace, "reject").at).toBe("lb/ingress/default/simple-fanout-example");
  });

  it("answers 502 when no node passes the health check (no ready endpoint)", () => {
    const none = dataPlaneFromYaml(
      yaml(GCE_CLASS, app("service1", 4200, "NodePort", 0), app("service2", 8080, "NodePort"), gceFanout),
    );
    expect(traceOf(none, "external", "http://foo.bar.com/foo").outcome).toBe("http-502");
  });

  it("has no HTTPS frontend without spec.tls", () => {
    expect(traceOf(dp, "external", "https://foo.bar.com/foo").outcome).toBe("timeout");
  });

  it("terminates TLS at the load balancer and does not redirect HTTP", () => {
    const tls = TLS.replace("spec:\n  tls:", "spec:\n  ingressClassName: gce\n  tls:");
    const gce = dataPlaneFromYaml(yaml(GCE_CLASS, app("service1", 80, "NodePort"), tls));
    const https = traceOf(gce, "external", "https://https-example.foo.com/");
    expect(https.outcome).toBe("delivered");
    expect(hop(https, "tls-terminate").at).toBe("lb/ingress/default/tls-example-ingress");
    expect(traceOf(gce, "external", "http://https-example.foo.com/").outcome).toBe("delivered");
  });

  it("reads ImplementationSpecific paths as GCE globs", () => {
    const glob = gceFanout.replace(
      "path: /foo\n        pathType: Prefix",
      "path: /foo/*\n        pathType: ImplementationSpecific",
    );
    const gce = dataPlaneFromYaml(
      yaml(GCE_CLASS, app("service1", 4200, "NodePort"), app("service2", 8080, "NodePort"), glob),
    );
    expect(traceOf(gce, "external", "http://foo.bar.com/foo/x").outcome).toBe("delivered");
    expect(traceOf(gce, "external", "http://foo.bar.com/foo").outcome).toBe("http-404");
  });

  it("is reached from inside the cluster through the node's egress", () => {
    const pod = dp.cluster.pods.find((p) => p.ref.startsWith("pod/default/service1-"));
    const trace = traceOf(dp, pod?.ref ?? "", "http://foo.bar.com/bar");
    expect(trace.outcome).toBe("delivered");
    expect(kinds(trace)).toContain("lb-choice lb/ingress/default/simple-fanout-example");
  });
});
