import type { Lesson } from "../types.ts";
import ingress from "./ingress.yaml?raw";
import shop from "./shop.yaml?raw";
import gke from "./solution/gke.yaml?raw";
import ingressHost from "./solution/ingress-host.yaml?raw";
import ingressPaths from "./solution/ingress-paths.yaml?raw";
import ingressTls from "./solution/ingress-tls.yaml?raw";

const controllerAddress = "{loadBalancerIP:svc/ingress-nginx/ingress-nginx-controller}";
/** ingress-nginx's path: its LoadBalancer, the Ingress whose rules a controller pod applies, then that pod's own connection. */
const viaNginx = ["lb/ingress-nginx/ingress-nginx-controller", "ingress/default/*", "pod/ingress-nginx/*"];
/** A path of a rule chose the backend (not the default backend). */
const byPath = { kind: "l7-route", at: "ingress/*", field: "spec.rules[*].http.paths[*].path" } as const;

export const ingressLesson: Lesson = {
  id: "11-ingress",
  manifests: [
    { name: "shop.yaml", text: shop },
    { name: "ingress.yaml", text: ingress },
  ],
  steps: [
    {
      id: "paths",
      goal: {
        kind: "allOf",
        goals: [
          {
            kind: "delivered",
            from: "client/external",
            target: "*/cart*",
            via: viaNginx,
            hops: [byPath],
            toPodOf: "svc/default/cart",
          },
          {
            kind: "delivered",
            from: "client/external",
            via: viaNginx,
            hops: [byPath],
            toPodOf: "svc/default/web",
          },
        ],
      },
      solution: [
        { id: "editManifests", files: [{ name: "ingress.yaml", text: ingressPaths }] },
        { id: "send", from: "client/external", to: `http://${controllerAddress}/cart` },
        { id: "send", from: "client/external", to: `http://${controllerAddress}/` },
      ],
    },
    {
      id: "host",
      goal: {
        kind: "allOf",
        goals: [
          {
            kind: "delivered",
            from: "client/external",
            target: "*://shop.example.com/*",
            via: viaNginx,
            hops: [byPath],
          },
          {
            kind: "outcome",
            outcome: "http-404",
            from: "client/external",
            to: { loadBalancerIPOf: "svc/ingress-nginx/ingress-nginx-controller" },
          },
        ],
      },
      solution: [
        { id: "editManifests", files: [{ name: "ingress.yaml", text: ingressHost }] },
        { id: "send", from: "client/external", to: "http://shop.example.com/cart" },
        { id: "send", from: "client/external", to: `http://${controllerAddress}/cart` },
      ],
    },
    {
      id: "https",
      goal: {
        kind: "allOf",
        goals: [
          {
            kind: "delivered",
            from: "client/external",
            target: "https://shop.example.com*",
            hops: [{ kind: "tls-terminate", at: "pod/ingress-nginx/*", field: "spec.tls[*]" }, byPath],
          },
          {
            kind: "outcome",
            outcome: "http-308",
            from: "client/external",
            target: "http://shop.example.com*",
          },
        ],
      },
      solution: [
        { id: "editManifests", files: [{ name: "ingress.yaml", text: ingressTls }] },
        { id: "send", from: "client/external", to: "https://shop.example.com/cart" },
        { id: "send", from: "client/external", to: "http://shop.example.com/" },
      ],
    },
    {
      id: "gke",
      goal: {
        kind: "delivered",
        from: "client/external",
        via: ["lb/ingress/default/*", "ingress/default/*", "node/*", "svc/default/*"],
        hops: [byPath],
      },
      solution: [
        { id: "editManifests", files: [{ name: "gke.yaml", text: gke }] },
        { id: "send", from: "client/external", to: "http://gke.example.com/" },
      ],
    },
  ],
  tryIt: [
    "kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.11.3/deploy/static/provider/cloud/deploy.yaml",
    "kubectl get ingressclass",
    "kubectl apply -f shop.yaml -f ingress.yaml",
    "kubectl get ingress shop --watch",
    "kubectl describe ingress shop",
    "ADDRESS=$(kubectl get ingress shop -o jsonpath='{.status.loadBalancer.ingress[0].ip}')",
    "curl -k --resolve shop.example.com:443:$ADDRESS https://shop.example.com/cart",
    "curl -i --resolve shop.example.com:80:$ADDRESS http://shop.example.com/",
    "kubectl logs -n ingress-nginx deployment/ingress-nginx-controller --tail=5",
  ],
};
