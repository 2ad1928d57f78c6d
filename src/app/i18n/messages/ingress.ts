import type { Dictionary } from "../types.ts";

/** Ingresses in the graph and inspector, the L7 hops of a packet, and the Ingress sample. */
export const ingress = {
  "ingress.tls": "TLS",
  "ingress.tlsTitle": "HTTPS is terminated for: {hosts}",
  "ingress.allHosts": "every host of its rules",
  "ingress.implementation.nginx": "ingress-nginx (pods in the cluster)",
  "ingress.implementation.gce": "GKE L7 load balancer (outside the cluster)",
  "ingress.class": "class {name}",
  "ingress.notServed": "not served",
  "ingress.more": "+{count} more",
  "ingress.noRules": "no rules: every request gets the controller's 404",
  "ingress.default": "default",
  "inspector.ingress": "Ingress {name}",
  "field.implementation": "Implemented by",
  "field.enteredThrough": "Entered through",
  "field.rules": "Rules",
  "field.tls": "TLS",
  "field.notServed": "Not served",
  "ingress.rulesCaption": "Host, path and backend, in the order written",
  "ingress.host": "Host",
  "ingress.path": "Path",
  "ingress.pathType": "pathType",
  "ingress.backend": "Backend",
  "ingress.dnsNote":
    "The simulated outside DNS maps each Ingress host to the Ingress's address, as external-dns would.",
  "hop.l7": "L7 routing decision",
  "hop.tls": "TLS terminated here",
  "hop.redirect": "HTTP redirect",
  "sample.ingress.title": "Ingress with ingress-nginx",
  "sample.ingress.description":
    "shop.example.com routed by path to two Services (/ and /cart), HTTPS terminated at the ingress-nginx controller with a certificate from a Secret.",
} satisfies Dictionary;
