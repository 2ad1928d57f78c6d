import { describe, expect, it } from "vitest";
import type { KubeObject } from "../manifests/types.ts";
import { type EventMessage, renderMessage } from "../messages/index.ts";
import { buildNodes } from "./nodes.ts";
import { placePods } from "./pods.ts";
import { deployment, sourced } from "./testutil.ts";
import { expandWorkloads } from "./workloads.ts";

function pod(name: string, extra: Partial<KubeObject> & { spec?: Record<string, unknown> } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    ...extra,
    metadata: { name, namespace: "default", ...extra.metadata },
    spec: {
      containers: [{ name: "c", ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }] }],
      ...extra.spec,
    },
  };
}

function place(objects: KubeObject[]) {
  const nodes = buildNodes([]);
  return placePods(expandWorkloads(sourced(objects), nodes, 1), nodes);
}

describe("placePods", () => {
  it("gives pod IPs from each node's pod CIDR, starting at .2", () => {
    const { pods } = place([pod("a"), pod("b"), pod("c"), pod("d")]);
    expect(pods.map((p) => [p.nodeName, p.podIP])).toEqual([
      ["node-1", "10.244.1.2"],
      ["node-2", "10.244.2.2"],
      ["node-3", "10.244.3.2"],
      ["node-1", "10.244.1.3"],
    ]);
    expect(pods[0]).toMatchObject({ phase: "Running", ready: true, hostIP: "192.168.0.11" });
  });

  it("gives hostNetwork pods their node's IP without using a pod CIDR address", () => {
    const { pods } = place([pod("host", { spec: { hostNetwork: true } }), pod("a"), pod("b"), pod("c")]);
    expect(pods[0]).toMatchObject({ nodeName: "node-1", podIP: "192.168.0.11", hostNetwork: true });
    expect(pods[3]).toMatchObject({ nodeName: "node-1", podIP: "10.244.1.2" });
  });

  it("keeps the podIP a pasted pod's status reports, inside its node's pod CIDR (a kubectl get -o yaml dump; kubelet reports status.podIP)", () => {
    const { pods } = place([
      pod("reported", { spec: { nodeName: "node-2" }, status: { podIP: "10.244.2.7" } }),
      pod("outside", { spec: { nodeName: "node-2" }, status: { podIP: "10.244.3.9" } }),
      pod("twice", { spec: { nodeName: "node-2" }, status: { podIP: "10.244.2.7" } }),
      pod("unbound", { status: { podIP: "10.244.1.5" } }),
    ]);
    expect(pods.map((p) => [p.name, p.nodeName, p.podIP])).toEqual([
      ["reported", "node-2", "10.244.2.7"],
      // Not node-2's address, or already another pod's: the next free one, after those in use.
      ["outside", "node-2", "10.244.2.8"],
      ["twice", "node-2", "10.244.2.9"],
      // Not bound to a node (no spec.nodeName): scheduled here, given an address here.
      ["unbound", "node-1", "10.244.1.2"],
    ]);
  });

  it("gives addresses after the highest in use, then wraps round to the free ones below it (host-local's range iterator)", () => {
    const { pods } = place([
      pod("high", { spec: { nodeName: "node-1" }, status: { podIP: "10.244.1.253" } }),
      ...["a", "b", "c"].map((name) => pod(name, { spec: { nodeName: "node-1" } })),
    ]);
    expect(pods.map((p) => p.podIP)).toEqual(["10.244.1.253", "10.244.1.254", "10.244.1.2", "10.244.1.3"]);
  });

  it('is not Ready when its status.conditions say Ready False or it has svclab.dev/ready: "false" (DESIGN.md)', () => {
    const { pods } = place([
      pod("cond", { status: { conditions: [{ type: "Ready", status: "False" }] } }),
      pod("annotated", { metadata: { name: "annotated", annotations: { "svclab.dev/ready": "false" } } }),
      pod("fine"),
    ]);
    expect(pods.map((p) => p.ready)).toEqual([false, false, true]);
    expect(pods[0]?.object.status?.conditions).toContainEqual({ type: "Ready", status: "False" });
    expect(pods[2]?.object.status?.conditions).toContainEqual({ type: "Ready", status: "True" });
  });

  it("leaves unschedulable pods Pending, not Ready, without IPs, with the reason and a warning", () => {
    const { pods, warnings } = place([pod("p", { spec: { nodeSelector: { disk: "ssd" } } })]);
    const reason = "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.";
    expect(pods[0]).toMatchObject({
      phase: "Pending",
      ready: false,
      nodeName: null,
      podIP: null,
    });
    expect(renderMessage(pods[0]?.pendingReason as EventMessage)).toBe(reason);
    expect(pods[0]?.object.status).toEqual({
      phase: "Pending",
      conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: reason }],
    });
    expect(warnings).toEqual([
      expect.objectContaining({ severity: "warning", file: "test.yaml", object: "pod/default/p" }),
    ]);
    expect(warnings[0]?.message).toContain(reason);
  });

  it("writes the real pod shape: spec.nodeName, status.podIP(s), hostIP(s), phase and conditions", () => {
    const [web] = place([deployment("web", 1, { app: "web" })]).pods;
    expect(web?.object).toMatchObject({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { namespace: "default", labels: { app: "web" } },
      spec: { nodeName: "node-1" },
      status: {
        phase: "Running",
        podIP: "10.244.1.2",
        podIPs: [{ ip: "10.244.1.2" }],
        hostIP: "192.168.0.11",
        hostIPs: [{ ip: "192.168.0.11" }],
      },
    });
    expect(web?.owner).toBe("deployment/default/web");
  });

  it("reads containers and their ports for the EndpointSlice controller", () => {
    const [p] = place([pod("a")]).pods;
    expect(p?.containers).toEqual([
      { name: "c", ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }] },
    ]);
  });

  it("keeps a pod Pending when its node's pod CIDR has no address left", () => {
    const node = {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "tiny" },
      spec: { podCIDR: "10.244.9.0/30" },
    };
    const nodes = buildNodes(sourced([node]));
    const { pods } = placePods(expandWorkloads(sourced([pod("a"), pod("b")]), nodes, 1), nodes);
    expect(pods.map((p) => p.podIP)).toEqual(["10.244.9.2", null]);
    expect(pods[1]).toMatchObject({ phase: "Pending", nodeName: "tiny", ready: false });
  });

  it("places more pods into a running cluster: spreading counts the pods there, new IPs follow the highest in use", () => {
    const nodes = buildNodes([]);
    const first = place([pod("a"), pod("b"), pod("c"), pod("d")]).pods;
    const { pods } = placePods(expandWorkloads(sourced([pod("e"), pod("f")]), nodes, 1), nodes, first);
    expect(pods.map((p) => [p.nodeName, p.podIP])).toEqual([
      ["node-2", "10.244.2.3"],
      ["node-3", "10.244.3.3"],
    ]);
  });
});
