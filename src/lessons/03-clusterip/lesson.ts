import type { Lesson } from "../types.ts";
import web from "./web.yaml?raw";

export const clusterIPLesson: Lesson = {
  id: "03-clusterip",
  manifests: [{ name: "web.yaml", text: web }],
  steps: [
    {
      id: "send-clusterip",
      goal: {
        kind: "delivered",
        from: "pod/*",
        to: { clusterIPOf: "svc/default/web" },
        via: ["svc/default/web"],
        toPodOf: "svc/default/web",
      },
      solution: [{ id: "send", from: "pod/default/client", to: "http://{clusterIP:svc/default/web}/" }],
    },
    {
      id: "outside",
      goal: {
        kind: "outcome",
        from: "client/external",
        to: { clusterIPOf: "svc/default/web" },
        outcome: "timeout",
      },
      solution: [{ id: "send", from: "client/external", to: "http://{clusterIP:svc/default/web}/" }],
    },
    {
      id: "kubernetes",
      goal: {
        kind: "dnsAnswer",
        from: "pod/*",
        type: "A",
        addresses: { clusterIPOf: "svc/default/kubernetes" },
      },
      solution: [{ id: "dns", name: "kubernetes.default", from: "pod/default/client" }],
    },
    {
      // Best done in the console: curl by name from inside the pod, as on a real cluster.
      id: "console",
      goal: {
        kind: "delivered",
        from: "pod/*",
        target: "http://web*",
        via: ["svc/default/web"],
        toPodOf: "svc/default/web",
      },
      solution: [{ id: "send", from: "pod/default/client", to: "http://web/" }],
    },
  ],
  tryIt: [
    "kubectl apply -f web.yaml",
    "kubectl get services",
    "kubectl get service web -o wide",
    "kubectl get endpointslices -l kubernetes.io/service-name=web",
    "kubectl exec client -- curl -s http://$(kubectl get service web -o jsonpath='{.spec.clusterIP}')/",
    "kubectl exec client -- cat /etc/resolv.conf",
    "kubectl exec client -- curl -sv http://web/",
    "kubectl run dns-test -it --rm --restart=Never --image=busybox:1.37 -- nslookup kubernetes.default",
  ],
};
