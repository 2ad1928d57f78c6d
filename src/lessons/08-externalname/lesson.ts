import type { Lesson } from "../types.ts";
import docs from "./docs.yaml?raw";
import movedDocs from "./solution/docs.yaml?raw";

export const externalNameLesson: Lesson = {
  id: "08-externalname",
  manifests: [{ name: "docs.yaml", text: docs }],
  steps: [
    {
      id: "cname",
      goal: { kind: "dnsAnswer", from: "pod/*", type: "CNAME", data: "www.example.com" },
      solution: [{ id: "dns", name: "docs", from: "pod/default/client" }],
    },
    {
      id: "request",
      goal: { kind: "delivered", from: "pod/*", target: "*docs*", via: ["external/www.example.com"] },
      solution: [{ id: "send", from: "pod/default/client", to: "http://docs/" }],
    },
    {
      id: "switch",
      goal: { kind: "delivered", from: "pod/*", target: "*docs*", via: ["external/api.example.org"] },
      solution: [
        { id: "editManifests", files: [{ name: "docs.yaml", text: movedDocs }] },
        { id: "send", from: "pod/default/client", to: "http://docs/" },
      ],
    },
  ],
  tryIt: [
    "kubectl apply -f docs.yaml",
    "kubectl get service docs",
    "kubectl run dns-test -it --rm --restart=Never --image=busybox:1.37 -- nslookup docs",
    'kubectl patch service docs -p \'{"spec":{"externalName":"api.example.org"}}\'',
    "kubectl run dns-test -it --rm --restart=Never --image=busybox:1.37 -- nslookup docs",
  ],
};
