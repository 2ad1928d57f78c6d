import type { Lesson } from "../types.ts";
import legacyDb from "./legacy-db.yaml?raw";
import legacyApi from "./solution/legacy-api.yaml?raw";
import twoServers from "./solution/legacy-db.yaml?raw";

export const noSelectorLesson: Lesson = {
  id: "09-no-selector",
  manifests: [{ name: "legacy-db.yaml", text: legacyDb }],
  steps: [
    {
      id: "a-record",
      goal: {
        kind: "dnsAnswer",
        from: "pod/*",
        type: "A",
        addresses: { clusterIPOf: "svc/default/legacy-db" },
      },
      solution: [{ id: "dns", name: "legacy-db", from: "pod/default/client" }],
    },
    {
      id: "send",
      goal: { kind: "delivered", from: "pod/*", via: ["svc/default/legacy-db"], toIP: "192.0.2.20" },
      solution: [{ id: "send", from: "pod/default/client", to: "legacy-db:5432" }],
    },
    {
      id: "add-endpoint",
      goal: { kind: "delivered", from: "pod/*", via: ["svc/default/legacy-db"], distinctBackends: 2 },
      solution: [
        { id: "editManifests", files: [{ name: "legacy-db.yaml", text: twoServers }] },
        { id: "sendMany", from: "pod/default/client", to: "legacy-db:5432", count: 20 },
      ],
    },
    {
      // Best done in the console: kubectl apply of a here-document, the deprecation warning, the mirrored slice.
      id: "endpoints-object",
      goal: {
        kind: "allOf",
        goals: [
          { kind: "serviceExists", ref: "svc/default/legacy-api", selectorless: true, readyEndpoints: 1 },
          { kind: "delivered", from: "pod/*", via: ["svc/default/legacy-api"], toIP: "192.0.2.30" },
        ],
      },
      solution: [
        { id: "editManifests", files: [{ name: "legacy-db.yaml", text: `${twoServers}---\n${legacyApi}` }] },
        { id: "send", from: "pod/default/client", to: "http://legacy-api/" },
      ],
    },
  ],
  tryIt: [
    "kubectl apply -f legacy-db.yaml",
    "kubectl describe service legacy-db",
    "kubectl get endpointslices -l kubernetes.io/service-name=legacy-db",
    "kubectl run dns-test -it --rm --restart=Never --image=busybox:1.37 -- nslookup legacy-db",
    "kubectl get endpoints",
    "kubectl get endpointslices -l kubernetes.io/service-name=legacy-api",
  ],
};
