import { describe, expect, it } from "vitest";
import type { SourcedObject } from "../manifests/types.ts";
import { buildNodes } from "./nodes.ts";

function sourced(object: SourcedObject["object"]): SourcedObject {
  return { object, file: "nodes.yaml", documentIndex: 0, positions: new Map() };
}

describe("buildNodes", () => {
  it("gives three default workers node-1..3 with pod CIDRs 10.244.N.0/24 when no Node is declared (DESIGN.md)", () => {
    const nodes = buildNodes([]);
    expect(nodes.map((n) => n.ref)).toEqual(["node/node-1", "node/node-2", "node/node-3"]);
    expect(nodes.map((n) => n.podCIDR)).toEqual(["10.244.1.0/24", "10.244.2.0/24", "10.244.3.0/24"]);
    expect(new Set(nodes.map((n) => n.internalIP)).size).toBe(3);
    expect(nodes.every((n) => n.ready && !n.failed && !n.unschedulable)).toBe(true);
  });

  it("labels every node with kubernetes.io/hostname, as the kubelet does", () => {
    expect(buildNodes([])[1]?.labels["kubernetes.io/hostname"]).toBe("node-2");
  });

  it("reads kind: Node objects instead of the defaults, honouring spec.podCIDR, InternalIP and taints", () => {
    const nodes = buildNodes([
      sourced({
        apiVersion: "v1",
        kind: "Node",
        metadata: { name: "cp", labels: { "node-role.kubernetes.io/control-plane": "" } },
        spec: {
          podCIDR: "10.244.0.0/24",
          taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }],
        },
        status: { addresses: [{ type: "InternalIP", address: "172.18.0.2" }] },
      }),
      sourced({
        apiVersion: "v1",
        kind: "Node",
        metadata: { name: "worker" },
        spec: { unschedulable: true },
      }),
    ]);
    expect(nodes.map((n) => n.ref)).toEqual(["node/cp", "node/worker"]);
    expect(nodes[0]).toMatchObject({
      internalIP: "172.18.0.2",
      podCIDR: "10.244.0.0/24",
      taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }],
    });
    expect(nodes[1]).toMatchObject({ podCIDR: "10.244.2.0/24", unschedulable: true });
    expect(nodes[1]?.object.status?.addresses).toContainEqual({
      type: "InternalIP",
      address: nodes[1]?.internalIP,
    });
  });
});
