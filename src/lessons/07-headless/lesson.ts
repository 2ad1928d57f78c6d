import type { Lesson } from "../types.ts";
import db from "./db.yaml?raw";

export const headlessLesson: Lesson = {
  id: "07-headless",
  manifests: [{ name: "db.yaml", text: db }],
  steps: [
    {
      id: "lookup-service",
      goal: { kind: "dnsAnswer", from: "pod/*", type: "A", addresses: { endpointIPsOf: "svc/default/db" } },
      solution: [{ id: "dns", name: "db", from: "pod/default/client" }],
    },
    {
      id: "lookup-pod",
      goal: {
        kind: "dnsAnswer",
        from: "pod/*",
        name: "db-*",
        type: "A",
        within: { podIPOf: "pod/default/db-*" },
      },
      solution: [{ id: "dns", name: "db-0.db", from: "pod/default/client" }],
    },
    {
      id: "connect-pod",
      goal: {
        kind: "delivered",
        from: "pod/*",
        target: "db-*",
        toPod: "pod/default/db-*",
        notVia: ["svc/*"],
      },
      solution: [{ id: "send", from: "pod/default/client", to: "db-0.db:5432" }],
    },
    {
      // Best done in the console: kubectl scale, then nslookup of the new member's own name.
      id: "scale",
      goal: {
        kind: "dnsAnswer",
        from: "pod/*",
        name: "db-3*",
        type: "A",
        addresses: { podIPOf: "pod/default/db-3" },
      },
      solution: [
        { id: "editManifests", files: [{ name: "db.yaml", text: db.replace("replicas: 3", "replicas: 4") }] },
        { id: "dns", name: "db-3.db", from: "pod/default/client" },
      ],
    },
  ],
  tryIt: [
    "kubectl apply -f db.yaml",
    "kubectl get pods -l app=db -o wide --watch",
    "kubectl get service db",
    "kubectl run dns-test -it --rm --restart=Never --image=busybox:1.37 -- nslookup db",
    "kubectl run dns-test -it --rm --restart=Never --image=busybox:1.37 -- nslookup db-0.db",
    "kubectl scale statefulset db --replicas=4",
    "kubectl run dns-test -it --rm --restart=Never --image=busybox:1.37 -- nslookup db-3.db",
  ],
};
