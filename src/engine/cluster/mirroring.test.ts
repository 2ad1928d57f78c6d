import { describe, expect, it } from "vitest";
import type { KubeObject } from "../manifests/types.ts";
import { buildCluster } from "./build.ts";
import { MIRRORING_CONTROLLER } from "./mirroring.ts";
import { service, sourced } from "./testutil.ts";

function endpoints(name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: { name, namespace: "default", labels },
    subsets: [
      {
        addresses: [{ ip: "192.0.2.42" }, { ip: "192.0.2.43" }],
        notReadyAddresses: [{ ip: "192.0.2.44" }],
        ports: [{ name: "db", port: 5432, protocol: "TCP" }],
      },
    ],
  } as KubeObject;
}

describe("EndpointSlice mirroring controller", () => {
  it("mirrors Endpoints of a selector-less Service into a slice <name>-<5 chars> (pkg/controller/endpointslicemirroring)", () => {
    const cluster = buildCluster(
      sourced([service("db", { ports: [{ name: "db", port: 5432 }] }), endpoints("db", { team: "data" })]),
    );
    const [slice, ...rest] = cluster.endpointSlices.filter((s) => s.service === "svc/default/db");
    expect(rest).toEqual([]);
    expect(slice?.name).toMatch(/^db-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice?.managedBy).toBe(MIRRORING_CONTROLLER);
    expect(slice?.endpoints.map((e) => [e.addresses[0], e.conditions.ready])).toEqual([
      ["192.0.2.42", true],
      ["192.0.2.43", true],
      ["192.0.2.44", false],
    ]);
    expect(slice?.object).toMatchObject({
      metadata: {
        labels: {
          team: "data",
          "kubernetes.io/service-name": "db",
          "endpointslice.kubernetes.io/managed-by": "endpointslicemirroring-controller.k8s.io",
        },
        ownerReferences: [{ kind: "Endpoints", name: "db" }],
      },
      ports: [{ name: "db", port: 5432, protocol: "TCP" }],
      endpoints: [
        { addresses: ["192.0.2.42"], conditions: { ready: true } },
        {},
        { conditions: { ready: false } },
      ],
    });
    expect(cluster.objects.some((o) => o.object.kind === "Endpoints")).toBe(true);
  });

  it("does not mirror Endpoints with the skip-mirror label", () => {
    const cluster = buildCluster(
      sourced([
        service("db", { ports: [{ port: 5432 }] }),
        endpoints("db", { "endpointslice.kubernetes.io/skip-mirror": "true" }),
      ]),
    );
    expect(cluster.endpointSlices.filter((s) => s.service === "svc/default/db")).toEqual([]);
  });

  it("does not mirror Endpoints of a Service that has a selector, nor of a missing Service, and warns", () => {
    const cluster = buildCluster(
      sourced([
        service("db", { selector: { app: "db" }, ports: [{ port: 5432 }] }),
        endpoints("db"),
        endpoints("ghost"),
      ]),
    );
    expect(cluster.endpointSlices.filter((s) => s.managedBy === MIRRORING_CONTROLLER)).toEqual([]);
    expect(cluster.warnings.map((w) => w.object)).toEqual(
      expect.arrayContaining(["endpoints/default/db", "endpoints/default/ghost"]),
    );
  });
});
