import { describe, expect, it } from "vitest";
import type { KubeObject } from "../manifests/types.ts";
import { buildCluster } from "./build.ts";
import { endpointTargets } from "./endpointTargets.ts";
import { deployment, service, sourced } from "./testutil.ts";

const handWrittenSlice = (addresses: string[], ready?: boolean): KubeObject => ({
  apiVersion: "discovery.k8s.io/v1",
  kind: "EndpointSlice",
  metadata: { name: "legacy-1", namespace: "default", labels: { "kubernetes.io/service-name": "legacy" } },
  addressType: "IPv4",
  ports: [{ port: 5432, protocol: "TCP" }],
  endpoints: [{ addresses, ...(ready === undefined ? {} : { conditions: { ready } }) }],
});

describe("endpointTargets", () => {
  // kubernetes.io/docs/concepts/services-networking/endpoint-slices/: an endpoint's targetRef is the object behind it.
  it("gives a selector's Service the pods its EndpointSlices name, not every pod its labels match", () => {
    const cluster = buildCluster(
      sourced([
        deployment("web", 2, { app: "web" }),
        service("web", { selector: { app: "web" }, ports: [{ port: 80 }] }),
      ]),
    );
    const pods = cluster.pods.filter((p) => p.labels.app === "web").map((p) => p.ref);
    expect(
      endpointTargets(cluster)
        .get("svc/default/web")
        ?.map((t) => t.ref)
        .sort(),
    ).toEqual(pods.sort());
    // A slice that leaves a pod out leaves it out of the drawing too.
    const trimmed = {
      ...cluster,
      endpointSlices: cluster.endpointSlices.map((s) =>
        s.service === "svc/default/web" ? { ...s, endpoints: s.endpoints.slice(0, 1) } : s,
      ),
    };
    expect(endpointTargets(trimmed).get("svc/default/web")).toHaveLength(1);
  });

  // kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors: the endpoint is an address written by hand.
  it("gives a selector-less Service the host outside the cluster at its slice's address, by its DNS name", () => {
    const cluster = buildCluster(
      sourced([
        service("legacy", { ports: [{ port: 5432 }] }),
        handWrittenSlice(["192.0.2.20", "192.0.2.99"]),
      ]),
    );
    // The simulated upstream DNS names 192.0.2.20 db.example.com, as the trace does where it delivers.
    expect(endpointTargets(cluster).get("svc/default/legacy")).toEqual([
      { ref: "external/db.example.com", ready: true },
      { ref: "external/192.0.2.99", ready: true },
    ]);
  });

  // discovery.k8s.io/v1 EndpointConditions: ready is "nil" (taken as ready) unless written false.
  it("keeps an endpoint written not ready, marked so", () => {
    const cluster = buildCluster(
      sourced([service("legacy", { ports: [{ port: 5432 }] }), handWrittenSlice(["192.0.2.99"], false)]),
    );
    expect(endpointTargets(cluster).get("svc/default/legacy")).toEqual([
      { ref: "external/192.0.2.99", ready: false },
    ]);
  });
});
