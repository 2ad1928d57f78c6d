import type { Lesson } from "../types.ts";
import web from "./web.yaml?raw";

const nodePort = { nodePortOf: "svc/default/web" };

export const nodePortLesson: Lesson = {
  id: "05-nodeport",
  manifests: [{ name: "web.yaml", text: web }],
  steps: [
    {
      id: "node-port",
      goal: {
        kind: "delivered",
        from: "client/external",
        to: { nodeIPOf: "node/*" },
        port: nodePort,
        toPodOf: "svc/default/web",
      },
      solution: [{ id: "send", from: "client/external", to: "http://192.168.0.11:30080/" }],
    },
    {
      id: "no-local-pod",
      goal: {
        kind: "delivered",
        from: "client/external",
        to: { nodeIPOf: "node/node-3" },
        port: nodePort,
        toPodOf: "svc/default/web",
        clientIP: "translated",
      },
      solution: [{ id: "send", from: "client/external", to: "http://192.168.0.13:30080/" }],
    },
    {
      id: "pinned",
      goal: {
        kind: "allOf",
        goals: [
          {
            kind: "outcome",
            from: "client/external",
            to: { nodeIPOf: "node/node-1" },
            port: nodePort,
            whileFailed: ["node/node-1"],
            outcome: "timeout",
          },
          {
            kind: "delivered",
            from: "client/external",
            to: { nodeIPOf: "node/*" },
            port: nodePort,
            whileFailed: ["node/node-1"],
            toPodOf: "svc/default/web",
          },
        ],
      },
      solution: [
        { id: "failNode", node: "node/node-1" },
        { id: "send", from: "client/external", to: "http://192.168.0.11:30080/" },
        { id: "send", from: "client/external", to: "http://192.168.0.12:30080/" },
      ],
    },
    {
      // Best done in the console: a node's shell (kubectl debug node), its kube-proxy rules, curl from there.
      id: "node-shell",
      goal: { kind: "delivered", from: "node/*", port: nodePort, toPodOf: "svc/default/web" },
      solution: [{ id: "send", from: "node/node-3", to: "http://192.168.0.13:30080/" }],
    },
  ],
  tryIt: [
    "kubectl get nodes -o wide",
    "kubectl apply -f web.yaml",
    "kubectl get service web",
    "curl http://$(kubectl get node node-1 -o jsonpath='{.status.addresses[0].address}'):30080/",
    "kubectl debug node/node-3 -it --image=busybox",
  ],
};
