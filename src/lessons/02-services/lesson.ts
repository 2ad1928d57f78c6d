import type { Lesson } from "../types.ts";
import webService from "./solution/web-service.yaml?raw";
import web from "./web.yaml?raw";

export const servicesLesson: Lesson = {
  id: "02-services",
  manifests: [{ name: "web.yaml", text: web }],
  steps: [
    {
      id: "selector",
      goal: { kind: "serviceExists", selects: { app: "web" }, readyEndpoints: 3 },
      solution: [{ id: "editManifests", files: [{ name: "web-service.yaml", text: webService }] }],
    },
    {
      id: "balance",
      goal: {
        kind: "delivered",
        from: "pod/*",
        via: ["svc/default/*"],
        toPodOf: { selects: { app: "web" } },
        distinctBackends: 2,
      },
      solution: [{ id: "sendMany", from: "pod/default/client", to: "http://web/", count: 20 }],
    },
    {
      id: "dns",
      goal: {
        kind: "dnsAnswer",
        from: "pod/*",
        type: "A",
        within: { clusterIPOf: { selects: { app: "web" } } },
      },
      solution: [{ id: "dns", name: "web", from: "pod/default/client" }],
    },
  ],
  tryIt: [
    "kubectl apply -f web.yaml -f web-service.yaml",
    "kubectl get pods -l app=web -o wide",
    "kubectl get endpointslices -l kubernetes.io/service-name=web",
    "kubectl run dns-test -it --rm --restart=Never --image=busybox:1.37 -- nslookup web",
    "kubectl exec client -- curl -s http://web/",
  ],
};
