import { describe, expect, it } from "vitest";
import { loadManifests } from "../manifests/load.ts";
import { GCE_CLASS, NGINX_CLASS } from "../network/testing.ts";
import { buildCluster } from "./build.ts";

function clusterOf(yaml: string) {
  const loaded = loadManifests([{ name: "ing.yaml", text: yaml }]);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
  return buildCluster(loaded.value);
}

function ingress(cluster: ReturnType<typeof clusterOf>, name: string) {
  const found = cluster.objects.find((o) => o.object.kind === "Ingress" && o.object.metadata.name === name);
  if (!found) throw new Error(`no Ingress ${name}`);
  return found.object;
}

// The docs' test-ingress.yaml: a single-Service Ingress with only a default backend.
const TEST_INGRESS = `
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

const service = (type: string) => `
apiVersion: v1
kind: Service
metadata: {name: test}
spec:
  type: ${type}
  selector: {app: test}
  ports: [{port: 80, targetPort: 8080}]
`;

describe("ingress-nginx's implicit objects", () => {
  it("exist when an IngressClass names k8s.io/ingress-nginx", () => {
    const cluster = clusterOf(NGINX_CLASS);
    expect(cluster.namespaces).toContain("ingress-nginx");
    const svc = cluster.services.find((s) => s.ref === "svc/ingress-nginx/ingress-nginx-controller");
    expect(svc?.type).toBe("LoadBalancer");
    expect(svc?.externalTrafficPolicy).toBe("Local");
    const pods = cluster.pods.filter((p) => p.owner === "deployment/ingress-nginx/ingress-nginx-controller");
    expect(pods).toHaveLength(1);
    expect(pods[0]?.ref).toMatch(/^pod\/ingress-nginx\/ingress-nginx-controller-/);
  });

  it("do not exist without such a class", () => {
    const cluster = clusterOf(GCE_CLASS);
    expect(cluster.services.some((s) => s.namespace === "ingress-nginx")).toBe(false);
  });

  it("never shift the manifests' own load-balancer addresses", () => {
    const cluster = clusterOf(`${NGINX_CLASS}---${service("LoadBalancer")}`);
    expect(cluster.services.find((s) => s.ref === "svc/default/test")?.loadBalancerIPs).toEqual([
      "198.51.100.10",
    ]);
  });
});

describe("Ingress class admission and status", () => {
  it("gives an Ingress without a class the default IngressClass (DefaultIngressClass admission)", () => {
    const cluster = clusterOf(`${NGINX_CLASS}---${TEST_INGRESS}`);
    expect(ingress(cluster, "test-ingress").spec?.ingressClassName).toBe("nginx-example");
  });

  it("shows ingress-nginx's Service address as an nginx Ingress's address", () => {
    const cluster = clusterOf(`${NGINX_CLASS}---${TEST_INGRESS}`);
    const lbIP = cluster.services.find((s) => s.ref === "svc/ingress-nginx/ingress-nginx-controller")
      ?.loadBalancerIPs[0];
    expect(lbIP).toBe("198.51.100.10");
    expect(ingress(cluster, "test-ingress").status).toEqual({ loadBalancer: { ingress: [{ ip: lbIP }] } });
  });

  it("leaves an Ingress with no class and no default without an address, and says so", () => {
    const cluster = clusterOf(`${GCE_CLASS}---${TEST_INGRESS}`);
    expect(ingress(cluster, "test-ingress").status).toEqual({ loadBalancer: {} });
    expect(cluster.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining("ingress/default/test-ingress is not served"),
    );
  });

  it("serves no Ingress whose class names a controller that does not run here", () => {
    const other = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: external-lb}
spec: {controller: example.com/ingress-controller}
---
${TEST_INGRESS.replace("spec:", "spec:\n  ingressClassName: external-lb")}`;
    const cluster = clusterOf(other);
    expect(ingress(cluster, "test-ingress").status).toEqual({ loadBalancer: {} });
    const warning = cluster.warnings.find((w) => w.object === "ingress/default/test-ingress");
    expect(warning?.path).toBe("spec.ingressClassName");
    expect(warning?.message).toContain("example.com/ingress-controller");
  });

  it("picks the first by name among several default classes (newest wins; all are created at once)", () => {
    const second = NGINX_CLASS.replace("nginx-example", "another").replace("ingress-nginx", "ingress-gce");
    const cluster = clusterOf(`${NGINX_CLASS}---${second}---${TEST_INGRESS}`);
    expect(ingress(cluster, "test-ingress").spec?.ingressClassName).toBe("another");
  });

  it("gives a GCE Ingress its own address after the Services' ones", () => {
    const yaml = `${GCE_CLASS}---${service("NodePort")}---${TEST_INGRESS.replace("spec:", "spec:\n  ingressClassName: gce")}`;
    const cluster = clusterOf(yaml);
    expect(ingress(cluster, "test-ingress").status).toEqual({
      loadBalancer: { ingress: [{ ip: "198.51.100.10" }] },
    });
  });

  it("refuses a ClusterIP backend on GCE with a positioned error, and builds no load balancer", () => {
    const yaml = `${GCE_CLASS}---${service("ClusterIP")}---${TEST_INGRESS.replace("spec:", "spec:\n  ingressClassName: gce")}`;
    const cluster = clusterOf(yaml);
    expect(ingress(cluster, "test-ingress").status).toEqual({ loadBalancer: {} });
    const error = cluster.warnings.find((w) => w.severity === "error");
    expect(error).toMatchObject({
      path: "spec.defaultBackend.service.name",
      message:
        'ingress-gce: service "default/test" is type "ClusterIP", expected "NodePort" or "LoadBalancer"',
      object: "ingress/default/test-ingress",
      file: "ing.yaml",
    });
    expect(error?.line).toBeGreaterThan(1);
  });
});
