import { describe, expect, it } from "vitest";
import type { KubeObject } from "../manifests/types.ts";
import { buildNodes } from "./nodes.ts";
import { deployment, sourced } from "./testutil.ts";
import { expandWorkloads } from "./workloads.ts";

const SUFFIX = "[bcdfghjklmnpqrstvwxz2456789]{5}";

function workload(kind: string, name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: "apps/v1", kind, metadata: { name, namespace: "default" }, spec };
}

const template = {
  metadata: { labels: { app: "x" } },
  spec: { containers: [{ name: "c", image: "busybox" }] },
};

describe("expandWorkloads", () => {
  const nodes = buildNodes([]);

  it("names Deployment pods NAME-<pod-template-hash>-<5 chars> via a ReplicaSet NAME-<hash> (deployment/sync.go, names/generate.go)", () => {
    const drafts = expandWorkloads(sourced([deployment("web", 3, { app: "web" })]), nodes, 1);
    expect(drafts).toHaveLength(3);
    const hash = drafts[0]?.base.metadata.labels?.["pod-template-hash"] ?? "";
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    for (const d of drafts) {
      expect(d.base.metadata.name).toMatch(new RegExp(`^web-${hash}-${SUFFIX}$`));
      expect(d.base.metadata.generateName).toBe(`web-${hash}-`);
      expect(d.base.metadata.ownerReferences).toEqual([
        {
          apiVersion: "apps/v1",
          kind: "ReplicaSet",
          name: `web-${hash}`,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      expect(d.owner).toBe("deployment/default/web");
    }
    expect(new Set(drafts.map((d) => d.base.metadata.name)).size).toBe(3);
  });

  it("changes the pod-template-hash when the template changes, not when replicas do", () => {
    const hashOf = (o: KubeObject) =>
      expandWorkloads(sourced([o]), nodes, 1)[0]?.base.metadata.labels?.["pod-template-hash"];
    const base = hashOf(deployment("web", 1, { app: "web" }));
    expect(hashOf(deployment("web", 4, { app: "web" }))).toBe(base);
    expect(hashOf(deployment("web", 1, { app: "web", v: "2" }))).not.toBe(base);
  });

  it("keeps a workload's pod names when unrelated objects are added or changed", () => {
    const names = (objects: KubeObject[]) =>
      expandWorkloads(sourced(objects), nodes, 1)
        .filter((d) => d.owner === "deployment/default/web")
        .map((d) => d.base.metadata.name);
    const alone = names([deployment("web", 2, { app: "web" })]);
    expect(names([deployment("api", 5, { app: "api" }), deployment("web", 2, { app: "web" })])).toEqual(
      alone,
    );
    expect(names([deployment("web", 3, { app: "web" })]).slice(0, 2)).toEqual(alone);
  });

  it("gives different names for a different seed", () => {
    const name = (seed: number) =>
      expandWorkloads(sourced([deployment("web", 1, { app: "web" })]), nodes, seed)[0]?.base.metadata.name;
    expect(name(1)).toBe(name(1));
    expect(name(1)).not.toBe(name(2));
  });

  it("names a standalone ReplicaSet's pods NAME-<5 chars>", () => {
    const drafts = expandWorkloads(
      sourced([workload("ReplicaSet", "rs", { replicas: 2, template })]),
      nodes,
      1,
    );
    expect(drafts.map((d) => d.base.metadata.name)).toEqual([
      expect.stringMatching(new RegExp(`^rs-${SUFFIX}$`)),
      expect.stringMatching(new RegExp(`^rs-${SUFFIX}$`)),
    ]);
    expect(drafts[0]?.base.metadata.labels).toEqual({ app: "x" });
  });

  it("names StatefulSet pods NAME-0..N-1 with hostname and subdomain (stateful_set_utils.go newStatefulSetPod)", () => {
    const drafts = expandWorkloads(
      sourced([workload("StatefulSet", "db", { replicas: 3, serviceName: "db-hl", template })]),
      nodes,
      1,
    );
    expect(drafts.map((d) => d.base.metadata.name)).toEqual(["db-0", "db-1", "db-2"]);
    expect(drafts[1]?.base.spec).toMatchObject({ hostname: "db-1", subdomain: "db-hl" });
    expect(drafts[1]?.base.metadata.labels).toMatchObject({
      app: "x",
      "statefulset.kubernetes.io/pod-name": "db-1",
      "apps.kubernetes.io/pod-index": "1",
    });
    expect(drafts[0]?.base.metadata.ownerReferences?.[0]).toMatchObject({ kind: "StatefulSet", name: "db" });
  });

  it("runs one DaemonSet pod per node, cordoned nodes included, pinned by a metadata.name affinity (daemon_controller.go)", () => {
    const cluster = buildNodes(
      sourced([
        { apiVersion: "v1", kind: "Node", metadata: { name: "a" }, spec: { unschedulable: true } },
        { apiVersion: "v1", kind: "Node", metadata: { name: "b" } },
      ]),
    );
    const drafts = expandWorkloads(sourced([workload("DaemonSet", "agent", { template })]), cluster, 1);
    expect(drafts).toHaveLength(2);
    expect(drafts[0]?.base.metadata.name).toMatch(new RegExp(`^agent-${SUFFIX}$`));
    const affinity = drafts[0]?.base.spec?.affinity as {
      nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: unknown };
    };
    const terms = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    expect(terms).toEqual({
      nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["a"] }] }],
    });
    expect(drafts[0]?.base.spec?.tolerations).toContainEqual({
      key: "node.kubernetes.io/unreachable",
      operator: "Exists",
      effect: "NoExecute",
    });
    expect(drafts[0]?.base.spec?.tolerations).toContainEqual({
      key: "node.kubernetes.io/unschedulable",
      operator: "Exists",
      effect: "NoSchedule",
    });
  });

  it("skips the control-plane node for a DaemonSet unless its template tolerates the taint (daemon util tolerations)", () => {
    const cluster = buildNodes(
      sourced([
        {
          apiVersion: "v1",
          kind: "Node",
          metadata: { name: "cp" },
          spec: { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] },
        },
        { apiVersion: "v1", kind: "Node", metadata: { name: "w" } },
      ]),
    );
    expect(expandWorkloads(sourced([workload("DaemonSet", "agent", { template })]), cluster, 1)).toHaveLength(
      1,
    );
    const tolerant = {
      ...template,
      spec: {
        ...template.spec,
        tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists" }],
      },
    };
    expect(
      expandWorkloads(sourced([workload("DaemonSet", "agent", { template: tolerant })]), cluster, 1),
    ).toHaveLength(2);
  });

  it("adds the 300 s not-ready and unreachable tolerations to every pod (admission DefaultTolerationSeconds)", () => {
    const [draft] = expandWorkloads(
      sourced([{ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [] } }]),
      nodes,
      1,
    );
    expect(draft?.base.spec?.tolerations).toEqual([
      {
        key: "node.kubernetes.io/not-ready",
        operator: "Exists",
        effect: "NoExecute",
        tolerationSeconds: 300,
      },
      {
        key: "node.kubernetes.io/unreachable",
        operator: "Exists",
        effect: "NoExecute",
        tolerationSeconds: 300,
      },
    ]);
    expect(draft?.base.metadata.namespace).toBe("default");
  });

  it("keeps bare Pods as written, in manifest order among workloads", () => {
    const drafts = expandWorkloads(
      sourced([
        {
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name: "first", labels: { a: "b" } },
          spec: { containers: [] },
        },
        deployment("web", 1, { app: "web" }),
        { apiVersion: "v1", kind: "Pod", metadata: { name: "last" }, spec: { containers: [] } },
      ]),
      nodes,
      1,
    );
    expect(drafts.map((d) => d.base.metadata.name)).toEqual([
      "first",
      expect.stringMatching(/^web-/),
      "last",
    ]);
    expect(drafts[0]?.base.metadata.labels).toEqual({ a: "b" });
    expect(drafts[0]?.owner).toBeUndefined();
  });
});
