import { describe, expect, it } from "vitest";
import ingressSample from "../../../samples/ingress.yaml?raw";
import { dataPlaneFromYaml } from "../testing.ts";
import { summarizeIngresses } from "./summary.ts";

const summaries = (text: string) => summarizeIngresses(dataPlaneFromYaml(text));

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
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: site}
spec:
  ingressClassName: gce
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: orphan}
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
`;

describe("summarizeIngresses", () => {
  it("an nginx Ingress enters through the controller's LoadBalancer, with its rules, backends and TLS", () => {
    const [shop] = summaries(ingressSample);
    expect(shop).toMatchObject({
      ref: "ingress/default/shop",
      className: "nginx",
      implementation: "nginx",
      notServed: null,
      frontDoor: "lb/ingress-nginx/ingress-nginx-controller",
      tls: [{ hosts: ["shop.example.com"], secretName: "shop-example-tls" }],
      paths: [
        {
          host: "shop.example.com",
          path: "/cart",
          pathType: "Prefix",
          backend: { text: "cart:http", service: "svc/default/cart" },
        },
        { host: "shop.example.com", path: "/", backend: { text: "web:80", service: "svc/default/web" } },
      ],
    });
    expect(shop?.address).toMatch(/^198\.51\.100\./);
  });

  it("a gce Ingress has its own L7 load balancer; one with no class and no default is served by no one", () => {
    const [orphan, site] = summaries(gce);
    expect(site).toMatchObject({
      implementation: "gce",
      frontDoor: "lb/ingress/default/site",
      defaultBackend: { text: "web:80", service: "svc/default/web" },
    });
    expect(orphan).toMatchObject({ implementation: null, frontDoor: null, address: null });
    expect(orphan?.notServed).toEqual({ code: "ingress.why.noClass", params: {} });
  });
});
