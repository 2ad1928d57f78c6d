import type { Lesson } from "../types.ts";
import movedWeb from "./solution/web.yaml?raw";
import web from "./web.yaml?raw";

export const externalIPLesson: Lesson = {
  id: "04-externalip",
  manifests: [{ name: "web.yaml", text: web }],
  steps: [
    {
      id: "send-external-ip",
      goal: {
        kind: "delivered",
        from: "client/external",
        to: { externalIPOf: "svc/default/web" },
        via: ["svc/default/web"],
        toPodOf: "svc/default/web",
      },
      solution: [{ id: "send", from: "client/external", to: "http://192.168.0.11:8080/" }],
    },
    {
      id: "fail-holder",
      goal: {
        kind: "outcome",
        from: "client/external",
        to: { nodeIPOf: "node/node-1" },
        port: 8080,
        whileFailed: ["node/node-1"],
        outcome: "timeout",
      },
      solution: [
        { id: "failNode", node: "node/node-1" },
        { id: "send", from: "client/external", to: "http://192.168.0.11:8080/" },
      ],
    },
    {
      id: "move-ip",
      goal: {
        kind: "delivered",
        from: "client/external",
        to: { externalIPOf: "svc/default/web" },
        whileFailed: ["node/node-1"],
        toPodOf: "svc/default/web",
      },
      solution: [
        { id: "editManifests", files: [{ name: "web.yaml", text: movedWeb }] },
        { id: "send", from: "client/external", to: "http://192.168.0.12:8080/" },
      ],
    },
  ],
  tryIt: [
    "kubectl get nodes -o wide",
    "kubectl apply -f web.yaml",
    "kubectl get service web",
    "curl http://192.168.0.11:8080/",
    "docker stop kind-worker",
    "curl --max-time 5 http://192.168.0.11:8080/",
  ],
};
