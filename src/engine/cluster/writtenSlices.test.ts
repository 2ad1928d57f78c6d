import { describe, expect, it } from "vitest";
import type { KubeObject } from "../manifests/types.ts";
import { buildCluster } from "./build.ts";
import { service, sourced } from "./testutil.ts";

const slice = (labels: Record<string, string>): KubeObject => ({
  apiVersion: "discovery.k8s.io/v1",
  kind: "EndpointSlice",
  metadata: { name: "db-1", namespace: "default", labels },
  addressType: "IPv4",
  endpoints: [{ addresses: ["192.0.2.42"] }, { addresses: ["192.0.2.43"], conditions: { ready: false } }],
  ports: [{ name: "db", port: 5432, protocol: "TCP" }],
});

describe("user-written EndpointSlices", () => {
  it("tie to their Service by the kubernetes.io/service-name label, kept as written", () => {
    const written = slice({ "kubernetes.io/service-name": "db" });
    const cluster = buildCluster(sourced([service("db", { ports: [{ name: "db", port: 5432 }] }), written]));
    const [s] = cluster.endpointSlices.filter((x) => x.service === "svc/default/db");
    expect(s?.object).toBe(written);
    expect(s?.managedBy).toBe("");
    // discovery/v1: an unset ready means ready, an unset serving follows ready.
    expect(s?.endpoints.map((e) => e.conditions)).toEqual([
      { ready: true, serving: true, terminating: false },
      { ready: false, serving: false, terminating: false },
    ]);
  });

  it("warn when the service-name label is missing, since no Service uses them", () => {
    const cluster = buildCluster(sourced([slice({})]));
    expect(cluster.endpointSlices.some((s) => s.name === "db-1")).toBe(false);
    expect(cluster.warnings.some((w) => w.object === "endpointslice/default/db-1")).toBe(true);
  });

  it("of the EndpointSlice controller, for a Service with a selector, give way to the controller's own (kubernetes/endpointslice reconciler.go)", () => {
    const pasted = slice({
      "kubernetes.io/service-name": "db",
      "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
    });
    const selecting = service("db", { selector: { app: "db" }, ports: [{ name: "db", port: 5432 }] });
    const cluster = buildCluster(sourced([selecting, pasted]));
    const slices = cluster.endpointSlices.filter((x) => x.service === "svc/default/db");
    expect(slices).toHaveLength(1);
    expect(slices[0]?.object).not.toBe(pasted);
    expect(slices[0]?.managedBy).toBe("endpointslice-controller.k8s.io");
    // Without a selector the controller writes none: the pasted slice is the Service's only one.
    const byHand = buildCluster(sourced([service("db", { ports: [{ name: "db", port: 5432 }] }), pasted]));
    expect(byHand.endpointSlices.filter((x) => x.service === "svc/default/db").map((x) => x.object)).toEqual([
      pasted,
    ]);
  });
});
