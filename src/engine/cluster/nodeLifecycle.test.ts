import { describe, expect, it } from "vitest";
import { buildCluster } from "./build.ts";
import { deployment, service, sourced } from "./testutil.ts";

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
