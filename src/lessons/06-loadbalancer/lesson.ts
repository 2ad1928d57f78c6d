import type { Lesson } from "../types.ts";
import localWeb from "./solution/web.yaml?raw";
import web from "./web.yaml?raw";

const lbAddress = { loadBalancerIPOf: "svc/default/web" };
const toLoadBalancer = "http://{loadBalancerIP:svc/default/web}/";

export const loadBalancerLesson: Lesson = {
  id: "06-loadbalancer",
  manifests: [{ name: "web.yaml", text: web }],
  steps: [
    {
      id: "via-lb",
      goal: {
        kind: "delivered",
        from: "client/external",
        to: lbAddress,
        via: ["lb/default/web", "node/*"],
        toPodOf: "svc/default/web",
      },
      solution: [{ id: "send", from: "client/external", to: toLoadBalancer }],
    },
    {
      id: "survive",
      goal: {
        kind: "delivered",
        from: "client/external",
        to: lbAddress,
        whileFailed: ["node/node-2"],
        via: ["lb/default/web"],
        toPodOf: "svc/default/web",
        inARow: 10,
      },
      solution: [
        { id: "failNode", node: "node/node-2" },
        { id: "sendMany", from: "client/external", to: toLoadBalancer, count: 20 },
      ],
    },
    {
      id: "client-ip",
      goal: {
        kind: "delivered",
        from: "client/external",
        to: lbAddress,
        via: ["lb/default/web"],
        toPodOf: "svc/default/web",
        clientIP: "preserved",
      },
      solution: [
        { id: "editManifests", files: [{ name: "web.yaml", text: localWeb }] },
        { id: "send", from: "client/external", to: toLoadBalancer },
      ],
    },
  ],
  tryIt: [
    "kubectl apply -f web.yaml",
    "kubectl get service web --watch",
    "curl http://$(kubectl get service web -o jsonpath='{.status.loadBalancer.ingress[0].ip}')/",
    'kubectl patch service web -p \'{"spec":{"externalTrafficPolicy":"Local"}}\'',
    "kubectl get service web -o jsonpath='{.spec.healthCheckNodePort}'",
    "kubectl logs deployment/web --tail=5",
  ],
};
