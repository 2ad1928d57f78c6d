import { describe, expect, it } from "vitest";
import { summarizeIngresses } from "../../engine/index.ts";
import { dataPlaneFromYaml } from "../../engine/network/testing.ts";
import { createTrafficState } from "../../engine/network/traffic-state.ts";
import { parseRequest, trace } from "../../engine/trace/trace.ts";
import ingressSample from "../../samples/ingress.yaml?raw";
import { ingressLines } from "./ingress.ts";
import { layoutCluster, resolveRef } from "./layout.ts";

function model(text: string) {
  const dp = dataPlaneFromYaml(text);
  return { dp, model: layoutCluster(dp.cluster, { foldDns: true, ingresses: summarizeIngresses(dp) }) };
}

const gce = `
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: gce}
spec: {controller: k8s.io/ingress-gce}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: site}
spec:
  ingressClassName: gce
  rules:
    - host: site.example.com
      http:
        paths:
          - {path: /, pathType: Exact, backend: {service: {name: web, port: {number: 80}}}}
`;

const edgeIds = (m: ReturnType<typeof layoutCluster>) => m.edges.map((e) => e.id);

describe("Ingresses in the graph", () => {
  it("an nginx Ingress has no load balancer of its own: the controller's LB, Service and pods lead to it", () => {
    const { model: m } = model(ingressSample);
    const ids = new Set(m.nodes.map((n) => n.id));
    expect(ids.has("ingress/default/shop")).toBe(true);
    expect(ids.has("lb/ingress/default/shop")).toBe(false);
    expect(ids.has("lb/ingress-nginx/ingress-nginx-controller")).toBe(true);
    expect(ids.has("svc/ingress-nginx/ingress-nginx-controller")).toBe(true);
    const controller = m.nodes.find((n) => n.id.startsWith("pod/ingress-nginx/ingress-nginx-controller-"));
    expect(controller?.parentId).toMatch(/^node\//);
    expect(edgeIds(m)).toEqual(
      expect.arrayContaining([
        "route:client/external->lb/ingress-nginx/ingress-nginx-controller",
        `route:${controller?.id}->ingress/default/shop`,
        "route:ingress/default/shop->svc/default/cart",
        "route:ingress/default/shop->svc/default/web",
      ]),
    );
  });

  it("a gce Ingress is reached through its own L7 load balancer, drawn level with it", () => {
    const { model: m } = model(gce);
    const lb = m.boxes.get("lb/ingress/default/site");
    expect(lb).toBeDefined();
    expect(lb?.y).toBe(m.boxes.get("ingress/default/site")?.y);
    expect(edgeIds(m)).toEqual(
      expect.arrayContaining([
        "route:client/external->lb/ingress/default/site",
        "route:lb/ingress/default/site->ingress/default/site",
        "route:ingress/default/site->svc/default/web",
      ]),
    );
  });

  it("every hop of an HTTPS request through ingress-nginx lands on a drawn box", () => {
    const { dp, model: m } = model(ingressSample);
    const parsed = parseRequest(dp, { from: "client/external", to: "https://shop.example.com/cart" });
    if (!parsed.ok) throw new Error(parsed.message);
    const result = trace(dp, parsed.value, createTrafficState(1));
    expect(result.outcome).toBe("delivered");
    expect(result.hops.map((h) => h.kind)).toContain("tls-terminate");
    for (const hop of result.hops) expect(resolveRef(m, hop.at), hop.at).not.toBeNull();
  });

  it("summarises rules by host, marking Exact paths and the default backend", () => {
    const { dp } = model(gce);
    const [site] = summarizeIngresses(dp);
    if (!site) throw new Error("no ingress");
    expect(ingressLines({ ...site, defaultBackend: { text: "web:80", service: "svc/default/web" } })).toEqual(
      [
        { kind: "host", text: "site.example.com" },
        { kind: "path", text: "/ (Exact)", backend: "web:80" },
        { kind: "default", backend: "web:80" },
      ],
    );
  });
});
