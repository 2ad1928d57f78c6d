import { describe, expect, it } from "vitest";
import type { IngressSummary } from "../../engine/index.ts";
import { ingressSuggestions } from "./ingressSuggestions.ts";

const shop: IngressSummary = {
  ref: "ingress/default/shop",
  name: "shop",
  namespace: "default",
  className: "nginx",
  implementation: "nginx",
  notServed: null,
  address: "198.51.100.10",
  paths: [
    {
      host: "shop.example.com",
      path: "/cart",
      pathType: "Prefix",
      backend: { text: "cart:http", service: "svc/default/cart" },
    },
    {
      host: "api.example.com",
      path: "/",
      pathType: "Prefix",
      backend: { text: "api:80", service: "svc/default/api" },
    },
    {
      host: "*.example.com",
      path: "/",
      pathType: "Prefix",
      backend: { text: "web:80", service: "svc/default/web" },
    },
    { host: "", path: "/", pathType: "Prefix", backend: { text: "web:80", service: "svc/default/web" } },
  ],
  defaultBackend: null,
  tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }],
  frontDoor: "lb/ingress-nginx/ingress-nginx-controller",
};

describe("ingressSuggestions", () => {
  it("offers each rule host's paths, HTTPS where TLS covers the host, and the address for a rule without a host", () => {
    expect(ingressSuggestions([shop]).map((s) => s.value)).toEqual([
      "https://shop.example.com/cart",
      "http://api.example.com/",
      "http://198.51.100.10/",
    ]);
  });

  it("offers nothing for an Ingress no controller serves or that has no address yet", () => {
    expect(
      ingressSuggestions([
        { ...shop, implementation: null },
        { ...shop, address: null },
      ]),
    ).toEqual([]);
  });
});
