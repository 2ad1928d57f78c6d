import { describe, expect, it } from "vitest";
import { type EventMessage, renderMessage } from "../messages/index.ts";
import { buildNodes } from "./nodes.ts";
import { filterNode, schedulePods, tolerates } from "./scheduler.ts";
import { sourced } from "./testutil.ts";

const CONTROL_PLANE_TAINT = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const };

function node(name: string, spec: Record<string, unknown> = {}, labels: Record<string, string> = {}) {
  return { apiVersion: "v1", kind: "Node", metadata: { name, labels }, spec };
}

describe("scheduler", () => {
  const workers = buildNodes([]);

  it("spreads pods to the node with the fewest pods, ties going to the earlier node", () => {
    const placements = schedulePods([{}, {}, {}, {}], workers);
    expect(placements.map((p) => p.nodeName)).toEqual(["node-1", "node-2", "node-3", "node-1"]);
  });

  it("honours spec.nodeName without filtering, as the scheduler is bypassed", () => {
    const nodes = buildNodes(sourced([node("a", { taints: [CONTROL_PLANE_TAINT] }), node("b")]));
    expect(schedulePods([{ nodeName: "a" }], nodes)[0]?.nodeName).toBe("a");
  });

  it("leaves a pod whose spec.nodeName names no node Pending with a reason", () => {
    const [placement] = schedulePods([{ nodeName: "ghost" }], workers);
    expect(placement?.nodeName).toBeNull();
    expect(renderMessage(placement?.reason as EventMessage)).toContain('"ghost"');
  });

  it("places pods only on nodes whose labels match nodeSelector", () => {
    const nodes = buildNodes(sourced([node("a"), node("b", {}, { disk: "ssd" })]));
    expect(schedulePods([{ nodeSelector: { disk: "ssd" } }], nodes)[0]?.nodeName).toBe("b");
  });

  it("reports an unmatched nodeSelector as the scheduler's FitError (framework/types.go)", () => {
    const [placement] = schedulePods([{ nodeSelector: { disk: "ssd" } }], workers);
    expect(placement?.nodeName).toBeNull();
    expect(renderMessage(placement?.reason as EventMessage)).toBe(
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.",
    );
  });

  it("keeps pods off the control-plane node unless they tolerate its taint (plugins/tainttoleration)", () => {
    const nodes = buildNodes(sourced([node("cp", { taints: [CONTROL_PLANE_TAINT] }), node("w")]));
    expect(schedulePods([{}, {}], nodes).map((p) => p.nodeName)).toEqual(["w", "w"]);
    const tolerant = {
      tolerations: [{ key: CONTROL_PLANE_TAINT.key, operator: "Exists", effect: "NoSchedule" }],
    };
    expect(schedulePods([tolerant], nodes)[0]?.nodeName).toBe("cp");
  });

  it("sorts and counts reasons per node in the FitError message", () => {
    const nodes = buildNodes(
      sourced([
        node("cp", { taints: [CONTROL_PLANE_TAINT] }),
        node("w1"),
        node("w2", { unschedulable: true }),
      ]),
    );
    expect(
      renderMessage(schedulePods([{ nodeSelector: { x: "y" } }], nodes)[0]?.reason as EventMessage),
    ).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable.",
    );
  });

  it("skips nodes with spec.unschedulable unless the pod tolerates node.kubernetes.io/unschedulable (plugins/nodeunschedulable)", () => {
    const nodes = buildNodes(sourced([node("a", { unschedulable: true }), node("b")]));
    expect(schedulePods([{}, {}], nodes).map((p) => p.nodeName)).toEqual(["b", "b"]);
    const tolerant = {
      tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }],
    };
    const [cordoned] = nodes;
    expect(cordoned && filterNode(tolerant, cordoned)).toBeNull();
  });

  it("filters on NoSchedule and NoExecute taints but not PreferNoSchedule", () => {
    const nodes = buildNodes(
      sourced([
        node("soft", { taints: [{ key: "k", effect: "PreferNoSchedule" }] }),
        node("hard", { taints: [{ key: "k", value: "v", effect: "NoExecute" }] }),
      ]),
    );
    expect(schedulePods([{}, {}], nodes).map((p) => p.nodeName)).toEqual(["soft", "soft"]);
  });

  it("matches tolerations by key, operator, value and effect (toleration.go ToleratesTaint)", () => {
    const taint = { key: "k", value: "v", effect: "NoSchedule" as const };
    expect(tolerates({ key: "k", operator: "Equal", value: "v" }, taint)).toBe(true);
    expect(tolerates({ key: "k", value: "v" }, taint)).toBe(true);
    expect(tolerates({ key: "k", value: "w" }, taint)).toBe(false);
    expect(tolerates({ key: "k", operator: "Exists", effect: "NoExecute" }, taint)).toBe(false);
    expect(tolerates({ operator: "Exists" }, taint)).toBe(true);
    expect(tolerates({ key: "other", operator: "Exists" }, taint)).toBe(false);
  });

  it("honours required node affinity, terms ORed and expressions ANDed, including matchFields metadata.name", () => {
    const affinity = (terms: unknown[]) => ({
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
      },
    });
    const byName = affinity([
      { matchFields: [{ key: "metadata.name", operator: "In", values: ["node-3"] }] },
    ]);
    expect(schedulePods([byName], workers)[0]?.nodeName).toBe("node-3");
    const byLabel = affinity([
      {
        matchExpressions: [
          { key: "kubernetes.io/hostname", operator: "NotIn", values: ["node-1", "node-2"] },
        ],
      },
    ]);
    expect(schedulePods([byLabel], workers)[0]?.nodeName).toBe("node-3");
    expect(schedulePods([affinity([{}])], workers)[0]?.nodeName).toBeNull();
  });
});
