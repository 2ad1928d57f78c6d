import type { Lesson } from "../types.ts";
import shop from "./shop.yaml?raw";
import payments from "./solution/payments.yaml?raw";
import shopService from "./solution/shop.yaml?raw";
import shopPublic from "./solution/shop-public.yaml?raw";

const shopPods = { app: "shop" };

export const summaryLesson: Lesson = {
  id: "10-summary",
  manifests: [{ name: "shop.yaml", text: shop }],
  steps: [
    {
      id: "public",
      goal: {
        kind: "allOf",
        goals: [
          { kind: "serviceExists", type: "LoadBalancer", selects: shopPods },
          {
            kind: "delivered",
            from: "client/external",
            whileFailed: ["node/*"],
            via: ["lb/*"],
            toPodLabels: shopPods,
          },
        ],
      },
      solution: [
        { id: "editManifests", files: [{ name: "shop-public.yaml", text: shopPublic }] },
        { id: "failNode", node: "node/node-1" },
        { id: "send", from: "client/external", to: "http://{loadBalancerIP:svc/default/shop-public}/" },
        { id: "recoverNode", node: "node/node-1" },
      ],
    },
    {
      id: "internal",
      goal: {
        kind: "allOf",
        goals: [
          { kind: "serviceExists", type: "ClusterIP", selects: shopPods },
          {
            kind: "delivered",
            from: "pod/*",
            to: { clusterIPOf: { selects: shopPods } },
            toPodLabels: shopPods,
          },
        ],
      },
      solution: [
        { id: "editManifests", files: [{ name: "shop-service.yaml", text: shopService }] },
        { id: "send", from: "pod/default/orders", to: "http://shop/" },
      ],
    },
    {
      id: "payments",
      goal: {
        kind: "anyOf",
        goals: [
          { kind: "dnsAnswer", from: "pod/*", name: "payments*", type: "CNAME", data: "api.example.org" },
          { kind: "delivered", from: "pod/*", target: "*payments*", toIP: "192.0.2.30" },
        ],
      },
      solution: [
        { id: "editManifests", files: [{ name: "payments.yaml", text: payments }] },
        { id: "dns", name: "payments", from: "pod/default/orders" },
      ],
    },
  ],
  tryIt: [
    "kubectl apply -f shop.yaml -f shop-public.yaml -f shop-service.yaml -f payments.yaml",
    "kubectl get services -o wide",
  ],
};
