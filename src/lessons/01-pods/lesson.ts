import type { Lesson } from "../types.ts";
import pods from "./pods.yaml?raw";
import web2 from "./solution/web-2.yaml?raw";

export const podsLesson: Lesson = {
  id: "01-pods",
  manifests: [{ name: "pods.yaml", text: pods }],
  steps: [
    {
      id: "pod-ip",
      goal: {
        kind: "delivered",
        from: "pod/default/client",
        to: { podIPOf: "pod/default/web" },
        toPod: "pod/default/web",
        notVia: ["svc/*"],
        clientIP: "preserved",
      },
      solution: [{ id: "send", from: "pod/default/client", to: "http://{podIP:pod/default/web}/" }],
    },
    {
      id: "localhost",
      goal: { kind: "delivered", from: "pod/default/web", to: { ip: "127.0.0.1" }, toPod: "pod/default/web" },
      solution: [{ id: "send", from: "pod/default/web", to: "http://localhost:80/" }],
    },
    {
      id: "from-node",
      goal: {
        kind: "delivered",
        from: "node/*",
        to: { podIPOf: "pod/default/web" },
        toPod: "pod/default/web",
      },
      solution: [{ id: "send", from: "node/node-3", to: "http://{podIP:pod/default/web}/" }],
    },
    {
      id: "second-pod",
      goal: {
        kind: "delivered",
        from: "pod/default/client",
        toPodLabels: { app: "web" },
        notVia: ["svc/*"],
        distinctBackends: 2,
      },
      solution: [
        { id: "editManifests", files: [{ name: "web-2.yaml", text: web2 }] },
        { id: "send", from: "pod/default/client", to: "http://{podIP:pod/default/web-2}/" },
      ],
    },
  ],
  tryIt: [
    "kubectl apply -f pods.yaml",
    "kubectl get pods -o wide",
    "kubectl get nodes -o custom-columns=NAME:.metadata.name,POD_CIDR:.spec.podCIDR",
    "kubectl exec client -- curl -s http://$(kubectl get pod web -o jsonpath='{.status.podIP}')/",
  ],
};
