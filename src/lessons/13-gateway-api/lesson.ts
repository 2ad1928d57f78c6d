import type { Lesson } from "../types.ts";
import gateway from "./gateway.yaml?raw";
import shop from "./shop.yaml?raw";
import canary from "./solution/canary.yaml?raw";
import paths from "./solution/paths.yaml?raw";
import redirect from "./solution/redirect.yaml?raw";

/** Through the operator's Gateway (its Envoy proxy), then the learner's route. */
const viaGateway = ["gateway/infra/shop", "httproute/default/shop"];
/** A match of a rule chose the backend. */
const byMatch = { kind: "l7-route", at: "httproute/*", field: "spec.rules[*].matches[*]" } as const;
/** A weight chose the backend. */
const byWeight = {
  kind: "lb-choice",
  at: "httproute/*",
  field: "spec.rules[*].backendRefs[*].weight",
} as const;

export const gatewayApiLesson: Lesson = {
  id: "13-gateway-api",
  manifests: [
    { name: "shop.yaml", text: shop },
    { name: "gateway.yaml", text: gateway },
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
            via: viaGateway,
            hops: [byMatch],
            toPodOf: "svc/default/cart",
          },
          {
            kind: "delivered",
            from: "client/external",
            target: "*://shop.example.com/",
            via: viaGateway,
            toPodOf: "svc/default/web",
          },
        ],
      },
      solution: [
        { id: "editManifests", files: [{ name: "gateway.yaml", text: paths }] },
        { id: "send", from: "client/external", to: "http://shop.example.com/cart" },
        { id: "send", from: "client/external", to: "http://shop.example.com/" },
      ],
    },
    {
      id: "canary",
      goal: {
        kind: "allOf",
        goals: [
          { kind: "delivered", from: "client/external", hops: [byWeight], toPodOf: "svc/default/web-canary" },
          {
            kind: "delivered",
            from: "client/external",
            hops: [byWeight],
            toPodOf: "svc/default/web",
            atLeast: 5,
          },
        ],
      },
      solution: [
        { id: "editManifests", files: [{ name: "gateway.yaml", text: canary }] },
        { id: "sendMany", from: "client/external", to: "http://shop.example.com/", count: 20 },
        { id: "sendMany", from: "client/external", to: "http://shop.example.com/", count: 20 },
      ],
    },
    {
      id: "redirect",
      goal: { kind: "outcome", outcome: "http-301", from: "client/external", target: "*/basket*" },
      solution: [
        { id: "editManifests", files: [{ name: "gateway.yaml", text: redirect }] },
        { id: "send", from: "client/external", to: "http://shop.example.com/basket/items" },
      ],
    },
  ],
  tryIt: [
    "kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.4.0/standard-install.yaml",
    "helm install eg oci://docker.io/envoyproxy/gateway-helm --version v1.5.0 -n envoy-gateway-system --create-namespace",
    "kubectl apply -f shop.yaml -f gateway.yaml",
    "kubectl get gatewayclass eg",
    "kubectl get gateway -n infra shop",
    "kubectl get httproute shop -o jsonpath='{.status.parents[0].conditions}'",
    "ADDRESS=$(kubectl get gateway -n infra shop -o jsonpath='{.status.addresses[0].value}')",
    "for i in $(seq 20); do curl -s --resolve shop.example.com:80:$ADDRESS http://shop.example.com/ | grep -o 'nginx/1.2[78]'; done | sort | uniq -c",
    "curl -i --resolve shop.example.com:80:$ADDRESS http://shop.example.com/basket/items",
  ],
};
