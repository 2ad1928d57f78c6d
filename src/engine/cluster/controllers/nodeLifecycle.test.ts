import { describe, expect, it } from "vitest";
import { buildCluster } from "../build.ts";
import { deployment, service, sourced } from "../testutil.ts";
import { nodeNotReady, nodeRecovered } from "./nodeLifecycle.ts";

const objects = sourced([
  deployment("web", 3, { app: "web" }),
  service("web", { selector: { app: "web" }, ports: [{ port: 80 }] }),
]);

describe("node failure (DESIGN.md --fail-node)", () => {
  const healthy = buildCluster(objects);
  const failed = buildCluster(objects, { failedNodes: ["node-2"] });

  it("marks the node failed and not ready, its Ready condition Unknown (node_lifecycle_controller.go)", () => {
    const node = failed.nodes.find((n) => n.name === "node-2");
    expect(node).toMatchObject({ failed: true, ready: false });
    expect(node?.object.status?.conditions).toEqual([
      {
        type: "Ready",
        status: "Unknown",
        reason: "NodeStatusUnknown",
        message: "Kubelet stopped posting node status.",
      },
    ]);
    expect(node?.taints).toEqual(
      expect.arrayContaining([
        { key: "node.kubernetes.io/unreachable", effect: "NoSchedule" },
        { key: "node.kubernetes.io/unreachable", effect: "NoExecute" },
      ]),
    );
  });

  it("marks its pods not Ready, leaving ContainersReady as the kubelet last said (MarkPodsNotReady)", () => {
    const onNode = failed.pods.filter((p) => p.nodeName === "node-2");
    expect(onNode.length).toBeGreaterThan(0);
    for (const pod of onNode) {
      expect(pod.ready).toBe(false);
      expect(pod.podIP).not.toBeNull();
      expect(pod.object.status?.conditions).toEqual(
        expect.arrayContaining([
          { type: "Ready", status: "False" },
          { type: "ContainersReady", status: "True" },
        ]),
      );
    }
    expect(failed.pods.filter((p) => p.nodeName !== "node-2").every((p) => p.ready)).toBe(true);
  });

  it("turns those pods' endpoints ready=false while keeping slice names and placement", () => {
    const slices = failed.endpointSlices.filter((s) => s.service === "svc/default/web");
    expect(slices.map((s) => s.name)).toEqual(
      healthy.endpointSlices.filter((s) => s.service === "svc/default/web").map((s) => s.name),
    );
    for (const e of slices.flatMap((s) => s.endpoints))
      expect(e.conditions.ready).toBe(e.nodeName !== "node-2");
    expect(failed.pods.map((p) => p.podIP)).toEqual(healthy.pods.map((p) => p.podIP));
  });

  it("ignores names that are not nodes", () => {
    expect(buildCluster(objects, { failedNodes: ["nope"] })).toEqual(healthy);
  });
});

describe("node lifecycle controller on the clock (pkg/controller/nodelifecycle)", () => {
  const healthy = buildCluster(objects);
  const onNode2 = healthy.pods.filter((p) => p.nodeName === "node-2");

  it("records NodeNotReady on the node, then on each pod MarkPodsNotReady changed (controller_utils.go)", () => {
    const { events, nodes } = nodeNotReady(healthy, "node-2");
    expect(events.map((e) => `${e.type} ${e.reason} ${e.object}`)).toEqual([
      "Normal NodeNotReady node/node-2",
      ...onNode2.filter((p) => p.ready).map((p) => `Warning NodeNotReady ${p.ref}`),
    ]);
    expect(nodes.find((n) => n.name === "node-2")).toMatchObject({ ready: false, failed: true });
  });

  it("is what --fail-node applies: the same nodes and pods as the static build's applyNodeFailures", () => {
    const { nodes, pods } = nodeNotReady(healthy, "node-2");
    const failed = buildCluster(objects, { failedNodes: ["node-2"] });
    expect(nodes).toEqual(failed.nodes);
    expect(pods).toEqual(failed.pods);
  });

  it("on recovery: the kubelet stops the pods deleted meanwhile (Killing), the others are Ready again", () => {
    const down = nodeNotReady(healthy, "node-2");
    const node = down.nodes.find((n) => n.name === "node-2");
    if (!node) throw new Error("no node-2");
    const [gone, ...stay] = onNode2;
    const kubelet = new Map(healthy.pods.map((p) => [p.ref, true]));
    const back = nodeRecovered(node, down.pods, new Set(gone ? [gone.ref] : []), kubelet);
    expect(back.events.map((e) => `${e.reason} ${e.object}`)).toEqual([
      "NodeReady node/node-2",
      ...(gone ? [`Killing ${gone.ref}`] : []),
    ]);
    expect(back.removed.map((p) => p.ref)).toEqual(gone ? [gone.ref] : []);
    for (const pod of stay) expect(back.pods.find((p) => p.ref === pod.ref)?.ready).toBe(true);
  });

  it("says NodeReachable for a node back within the grace period, never marked NotReady", () => {
    const node = healthy.nodes.find((n) => n.name === "node-2");
    if (!node) throw new Error("no node-2");
    const back = nodeRecovered({ ...node, failed: true }, healthy.pods, new Set(), new Map());
    expect(back.events.map((e) => e.reason)).toEqual(["NodeReachable"]);
    expect(back.pods).toEqual(healthy.pods);
  });
});
