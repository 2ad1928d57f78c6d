import type { StreamGoal } from "../goals.ts";
import type { Lesson } from "../types.ts";
import lb from "./lb.yaml?raw";

const lbClient = { from: "client/external", to: { loadBalancerIPOf: "svc/default/web-lb" } } as const;
/** The same failure in every step: node-3, the node MetalLB's layer-2 election picks for the address. */
const node3Fails = { action: "fail-node", target: "node/node-3" } as const;

function afterFailure(windows: StreamGoal["windows"]): StreamGoal {
  return { kind: "stream", ...lbClient, after: node3Fails, windows };
}

export const loadBalancerProvidersLesson: Lesson = {
  id: "14-lb-providers",
  manifests: [{ name: "lb.yaml", text: lb }],
  settings: { loadBalancerProvider: "gcp" },
  steps: [
    {
      id: "cloud",
      // A cloud load balancer keeps sending node-3 its share until 3 checks 8 s apart have failed
      // (GCP's defaults), and the other nodes answer all along.
      goal: afterFailure([
        { from: 0, to: 5, some: "timeout" },
        { from: 0, to: 5, some: "delivered" },
        { from: 25, to: 60, all: "delivered" },
      ]),
      solution: [
        {
          id: "addStream",
          name: "lb",
          from: "external",
          to: "http://{loadBalancerIP:svc/default/web-lb}/",
          rate: 10,
        },
        { id: "scenarioEvent", at: 10, action: "fail-node", node: "node/node-3" },
      ],
    },
    {
      id: "layer2",
      // MetalLB layer 2: every packet enters through node-3, so all are lost until memberlist
      // declares it dead (about 5 s) and node-2 announces the address.
      goal: afterFailure([
        { from: 0, to: 4, all: "timeout" },
        { from: 6, to: 60, all: "delivered" },
      ]),
      solution: [{ id: "loadBalancerProvider", provider: "metallb-l2" }],
    },
    {
      id: "bgp",
      // MetalLB BGP: the router keeps node-3's route until the BGP hold time (90 s) expires.
      goal: afterFailure([
        { from: 0, to: 5, some: "delivered" },
        { from: 70, to: 85, some: "timeout" },
      ]),
      solution: [{ id: "loadBalancerProvider", provider: "metallb-bgp" }],
    },
  ],
  tryIt: [
    "kubectl apply -f https://raw.githubusercontent.com/metallb/metallb/v0.15.2/config/manifests/metallb-native.yaml",
    "kubectl apply -f lb.yaml",
    "kubectl get service web-lb --watch",
    "kubectl describe service web-lb",
    "kubectl get events --field-selector involvedObject.name=web-lb --watch",
    "arping -I eth0 $(kubectl get service web-lb -o jsonpath='{.status.loadBalancer.ingress[0].ip}')",
  ],
};
