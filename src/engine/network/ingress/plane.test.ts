import { describe, expect, it } from "vitest";
import { dataPlaneFromYaml } from "../testing.ts";
import { publishedHost } from "./plane.ts";

const yaml = `
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: wild}
spec:
  tls: [{hosts: [secure.example.net], secretName: tls}]
  rules:
  - host: "*.foo.com"
    http:
      paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
`;

describe("the outside DNS (external-dns)", () => {
  const plane = dataPlaneFromYaml(yaml).ingress;

  it("publishes rule and TLS hosts at the Ingress's address", () => {
    expect(publishedHost(plane, "secure.example.net")).toMatchObject({
      ip: "198.51.100.10",
      ingress: "ingress/default/wild",
      field: "spec.tls[0].hosts[0]",
    });
  });

  it("answers a wildcard record for names any depth below it (RFC 4592), not for the domain itself", () => {
    expect(publishedHost(plane, "bar.foo.com")?.field).toBe("spec.rules[0].host");
    expect(publishedHost(plane, "baz.bar.foo.com")?.ip).toBe("198.51.100.10");
    expect(publishedHost(plane, "foo.com")).toBeUndefined();
  });

  it("knows the controller's pods", () => {
    expect([...plane.controllerPods]).toEqual([
      expect.stringMatching(/^pod\/ingress-nginx\/ingress-nginx-controller-/),
    ]);
  });
});
