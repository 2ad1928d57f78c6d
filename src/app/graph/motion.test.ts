import { describe, expect, it } from "vitest";
import { buildCluster } from "../../engine/cluster/build.ts";
import { loadManifests } from "../../engine/index.ts";
import { type ClusterFlowNode, layoutCluster } from "./layout.ts";
import { changedRefs, nextMotion, STILL, withMotion } from "./motion.ts";

const manifests = (replicas: number, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{containerPort: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80}]
${extra}`;

function layout(
  text: string,
  failedNodes: string[] = [],
  previous: readonly ClusterFlowNode[] = [],
): ClusterFlowNode[] {
  const loaded = loadManifests([{ name: "m.yaml", text }]);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
  const cluster = buildCluster(loaded.value, { failedNodes });
  return layoutCluster(cluster, { foldDns: true, previous: { nodes: previous } }).nodes;
}

const webPods = (refs: readonly string[]) => refs.filter((r) => r.startsWith("pod/default/web-"));
const byId = (nodes: readonly ClusterFlowNode[]) => new Map(nodes.map((n) => [n.id, n]));

describe("changedRefs", () => {
  it("finds the two pods a scale from 3 to 5 replicas adds, and nothing else", () => {
    const { entered, left } = changedRefs(layout(manifests(3)), layout(manifests(5)));
    expect(webPods(entered)).toHaveLength(2);
    expect(entered).toEqual(webPods(entered));
    expect(left).toEqual([]);
  });

  it("finds the pods a scale from 5 to 1 removes", () => {
    const { entered, left } = changedRefs(layout(manifests(5)), layout(manifests(1)));
    expect(entered).toEqual([]);
    expect(webPods(left)).toHaveLength(4);
    expect(left).toEqual(webPods(left));
  });

  it("sees nothing come or go when a node fails: its boxes are redrawn as down, not replaced", () => {
    expect(changedRefs(layout(manifests(3)), layout(manifests(3), ["node-2"]))).toEqual({
      entered: [],
      left: [],
    });
  });

  it("finds a new Service, and a removed one", () => {
    const other =
      "---\napiVersion: v1\nkind: Service\nmetadata: {name: other}\nspec:\n  ports: [{port: 81}]\n";
    expect(changedRefs(layout(manifests(3)), layout(manifests(3, other)))).toEqual({
      entered: ["svc/default/other"],
      left: [],
    });
    expect(changedRefs(layout(manifests(3, other)), layout(manifests(3)))).toEqual({
      entered: [],
      left: ["svc/default/other"],
    });
  });

  it("keeps every box that stays where it was, given the drawing it replaces", () => {
    const three = layout(manifests(3));
    const before = byId(three);
    const after = layout(manifests(5), [], three);
    const kept = after.filter((n) => before.has(n.id));
    expect(kept.length).toBeGreaterThan(0);
    for (const node of kept) expect(node.position).toEqual(before.get(node.id)?.position);
  });
});

describe("nextMotion", () => {
  const three = layout(manifests(3));
  const five = layout(manifests(5));
  const one = layout(manifests(1));

  it("is still when nothing came or went", () => {
    expect(nextMotion(STILL, three, layout(manifests(3)))).toBe(STILL);
  });

  it("marks new boxes entering and keeps the removed ones, as they were drawn, leaving", () => {
    const grown = nextMotion(STILL, three, five);
    expect(webPods([...grown.entering])).toHaveLength(2);
    expect(grown.leaving).toEqual([]);
    const shrunk = nextMotion(STILL, five, one);
    expect(shrunk.entering.size).toBe(0);
    const previous = byId(five);
    expect(shrunk.leaving).toHaveLength(4);
    for (const ghost of shrunk.leaving) expect(ghost).toBe(previous.get(ghost.id));
  });

  it("is still when a change replaces most of the drawing (another cluster pasted)", () => {
    const other = layout(
      "apiVersion: v1\nkind: Node\nmetadata: {name: other-1}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: other-2}\n",
    );
    expect(nextMotion(STILL, five, other)).toBe(STILL);
    expect(nextMotion(STILL, other, five)).toBe(STILL);
  });

  it("carries an unfinished motion on, dropping a leaving box that came back", () => {
    const shrunk = nextMotion(STILL, five, three);
    const regrown = nextMotion(shrunk, three, five);
    expect(regrown.leaving).toEqual([]);
    expect(regrown.entering).toEqual(new Set(shrunk.leaving.map((n) => n.id)));
    const again = nextMotion(nextMotion(STILL, three, five), five, one);
    expect(again.entering.size).toBe(0);
    expect(again.leaving).toHaveLength(4);
  });
});

describe("withMotion", () => {
  it("marks entering boxes and appends leaving ones that cannot be selected, focused or read", () => {
    const five = layout(manifests(5));
    const one = layout(manifests(1));
    const drawn = withMotion(one, nextMotion(STILL, five, one));
    expect(drawn).toHaveLength(one.length + 4);
    const ghosts = drawn.slice(one.length);
    for (const ghost of ghosts) {
      expect(ghost.domAttributes).toMatchObject({ "data-motion": "leaving", "aria-hidden": true });
      expect(ghost).toMatchObject({ selectable: false, focusable: false, selected: false });
      expect(ghost.extent).toBeUndefined();
    }
    const grown = withMotion(five, nextMotion(STILL, layout(manifests(3)), five));
    expect(grown.filter((n) => n.domAttributes)).toHaveLength(2);
    expect(withMotion(five, STILL)).toEqual(five);
  });
});
