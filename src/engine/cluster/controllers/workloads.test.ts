import { describe, expect, it } from "vitest";
import { buildCluster } from "../build.ts";
import { daemonSet, deployment, sourced, statefulSet } from "../testutil.ts";
import { WorkloadControllers } from "./workloads.ts";

const WEB = "deployment/default/web";
const DB = "statefulset/default/db";
const AGENT = "daemonset/default/agent";

function setUp() {
  const cluster = buildCluster(
    sourced([deployment("web", 3, { app: "web" }), statefulSet("db", 3), daemonSet("agent")]),
  );
  return { cluster, controllers: new WorkloadControllers(cluster) };
}

describe("workload controllers (pkg/controller/replicaset, statefulset, daemon)", () => {
  it("have nothing to do on the pods the static build made: those are their first sync", () => {
    const { cluster, controllers } = setUp();
    for (const ref of [WEB, DB, AGENT])
      expect(controllers.sync(ref, cluster.pods, cluster.nodes, new Set())).toEqual({
        deletions: [],
        drafts: [],
      });
  });

  it("scale a Deployment through its ReplicaSet: ScalingReplicaSet, then new pods named RS-NAME-xxxxx", () => {
    const { cluster, controllers } = setUp();
    const rs = cluster.pods.find((p) => p.owner === WEB)?.object.metadata.ownerReferences?.[0]?.name;
    expect(controllers.scale(WEB, 5, cluster.pods)).toMatchObject({
      reason: "ScalingReplicaSet",
      object: WEB,
      text: { code: "event.deployment.scaledUp", params: { replicaSet: rs, from: 3, to: 5 } },
    });
    const { drafts } = controllers.sync(WEB, cluster.pods, cluster.nodes, new Set());
    expect(drafts.map((d) => d.base.metadata.name)).toEqual([
      expect.stringMatching(new RegExp(`^${rs}-[a-z0-9]{5}$`)),
      expect.stringMatching(new RegExp(`^${rs}-[a-z0-9]{5}$`)),
    ]);
    const names = new Set(cluster.pods.map((p) => p.name));
    for (const d of drafts) expect(names.has(d.base.metadata.name)).toBe(false);
  });

  it("scale down newest first, not-ready before ready (replica_set.go getPodsToDelete)", () => {
    const { cluster, controllers } = setUp();
    const web = cluster.pods.filter((p) => p.owner === WEB);
    const pods = cluster.pods.map((p) => (p === web[0] ? { ...p, ready: false } : p));
    controllers.scale(WEB, 1, pods);
    const { deletions } = controllers.sync(WEB, pods, cluster.nodes, new Set());
    expect(deletions.map((d) => d.pod.name)).toEqual([web[0]?.name, web[2]?.name]);
    expect(deletions[0]?.event).toMatchObject({
      reason: "SuccessfulDelete",
      object: expect.stringMatching(/^replicaset\//),
    });
  });

  it("replace a pod Terminating on an unreachable node: it is not active (replica_set.go)", () => {
    const { cluster, controllers } = setUp();
    const gone = cluster.pods.find((p) => p.owner === WEB);
    const { drafts } = controllers.sync(WEB, cluster.pods, cluster.nodes, new Set(gone ? [gone.ref] : []));
    expect(drafts).toHaveLength(1);
  });

  it("delete a StatefulSet's highest ordinals first and never re-create a name still Terminating (stateful_set_control.go)", () => {
    const { cluster, controllers } = setUp();
    controllers.scale(DB, 1, cluster.pods);
    const down = controllers.sync(DB, cluster.pods, cluster.nodes, new Set());
    expect(down.deletions.map((d) => d.pod.name)).toEqual(["db-2", "db-1"]);
    controllers.scale(DB, 3, cluster.pods);
    const terminating = new Set(cluster.pods.filter((p) => p.name === "db-1").map((p) => p.ref));
    const without = cluster.pods.filter((p) => p.name !== "db-2");
    const up = controllers.sync(DB, without, cluster.nodes, terminating);
    expect(up.drafts.map((d) => d.base.metadata.name)).toEqual(["db-2"]);
  });

  it("give a node without its DaemonSet pod a new one (daemon_controller.go)", () => {
    const { cluster, controllers } = setUp();
    const pods = cluster.pods.filter((p) => !(p.owner === AGENT && p.nodeName === "node-3"));
    const { drafts } = controllers.sync(AGENT, pods, cluster.nodes, new Set());
    expect(drafts).toHaveLength(1);
    expect(JSON.stringify(drafts[0]?.base.spec)).toContain('"values":["node-3"]');
  });

  it("record SuccessfulCreate on the ReplicaSet, or on the StatefulSet", () => {
    const { cluster, controllers } = setUp();
    const web = cluster.pods.find((p) => p.owner === WEB);
    const db = cluster.pods.find((p) => p.owner === DB);
    if (!web || !db) throw new Error("no pods");
    expect(controllers.created(WEB, web)).toMatchObject({
      reason: "SuccessfulCreate",
      object: expect.stringMatching(/^replicaset\/default\/web-/),
    });
    expect(controllers.created(DB, db)).toMatchObject({ reason: "SuccessfulCreate", object: DB });
  });
});
