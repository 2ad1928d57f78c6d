import { describe, expect, it } from "vitest";
import { type Cluster, createSession, type SourceFile } from "../engine/index.ts";
import { clusterIPLesson } from "../lessons/03-clusterip/lesson.ts";
import { type ConsoleContext, runLine, type Step } from "./kubectl.ts";

/** Lesson 3's cluster built as the app builds it: an edit keeps running pods where they are. */
function lab(extra: SourceFile[] = []) {
  const session = createSession();
  let files: SourceFile[] = [...clusterIPLesson.manifests, ...extra];
  let cluster = session.build(files, { failedNodes: [] }).cluster as Cluster;
  const context = (): ConsoleContext => ({ cluster, files, activeFile: "web.yaml", shell: null });
  return {
    run(line: string): Step {
      const step = runLine(line, context());
      if (step.kind === "edit") {
        files = step.files;
        const built = session.build(files, { failedNodes: [], ...(step.evict ? { evict: step.evict } : {}) });
        cluster = built.cluster as Cluster;
      }
      return step;
    },
    podsOn: (node: string) =>
      cluster.pods.filter((p) => p.nodeName === node && p.namespace === "default").map((p) => p.name),
    get cluster() {
      return cluster;
    },
    get text() {
      return files.map((f) => f.text).join("\n");
    },
  };
}

const run = (step: Step) => {
  if (step.kind !== "edit" && step.kind !== "print") throw new Error(`expected output, got ${step.kind}`);
  return step.run;
};

const DAEMON_SET = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: busybox}]
`;

describe("kubectl cordon, uncordon and drain", () => {
  // drain.go RunCordonOrUncordon: "cordoned", "already cordoned", "uncordoned"; printers.go printNode adds SchedulingDisabled.
  it("cordons by writing spec.unschedulable, and the pods already there stay", () => {
    const l = lab();
    const before = l.podsOn("node-2");
    expect(run(l.run("kubectl cordon node-2")).out).toBe("node/node-2 cordoned");
    // The simulator's three nodes are written out, in order, so that each keeps its address.
    expect(l.text).toMatch(/kind: Node\nmetadata:\n {2}name: node-2\nspec:\n {2}unschedulable: true/);
    expect(l.cluster.nodes.map((n) => [n.name, n.internalIP, n.unschedulable])).toEqual([
      ["node-1", "192.168.0.11", false],
      ["node-2", "192.168.0.12", true],
      ["node-3", "192.168.0.13", false],
    ]);
    expect(l.podsOn("node-2")).toEqual(before);
    expect(run(l.run("kubectl get nodes")).out).toContain("node-2   Ready,SchedulingDisabled");
    expect(run(l.run("kubectl cordon node/node-2")).out).toBe("node/node-2 already cordoned");
    // A new pod goes around the cordoned node (plugins/nodeunschedulable).
    l.run("kubectl scale deploy web --replicas=6");
    expect(l.podsOn("node-2")).toEqual(before);
    expect(run(l.run("kubectl uncordon node-2")).out).toBe("node/node-2 uncordoned");
    expect(l.text).not.toContain("unschedulable: true");
    expect(run(l.run("kubectl uncordon node-2")).out).toBe("node/node-2 already uncordoned");
  });

  // drain.go RunDrain and filters.go: evicting, evicted, drained; the ReplicaSet's replacements land elsewhere.
  it("drains a node: its workload pods are evicted and scheduled on the other nodes", () => {
    const l = lab();
    const node = l.cluster.pods.find((p) => p.name === "client")?.nodeName ?? "";
    const pods = l.podsOn(node).sort();
    expect(pods).toContain("client");
    const step = l.run(`kubectl drain ${node} --force`);
    expect(run(step).out).toBe(
      [
        `node/${node} cordoned`,
        ...pods.map((name) => `evicting pod default/${name}`),
        ...pods.map((name) => `pod/${name} evicted`),
        `node/${node} drained`,
      ].join("\n"),
    );
    expect(run(step).err).toBe("Warning: deleting Pods that declare no controller: default/client");
    // A pod without a controller does not come back: its document is gone from the manifests.
    expect(l.text).not.toContain("name: client");
    expect(l.podsOn(node)).toEqual([]);
    expect(l.cluster.pods.filter((p) => p.owner === "deployment/default/web" && p.nodeName)).toHaveLength(3);
  });

  // filters.go unmanagedFatal, and RunDrain's "aborting command..." with the pending nodes; the node stays cordoned.
  it("refuses to drain a pod without a controller unless --force", () => {
    const l = lab();
    const node = l.cluster.pods.find((p) => p.name === "client")?.nodeName ?? "";
    const result = run(l.run(`kubectl drain ${node}`));
    expect(result.out).toBe(`node/${node} cordoned`);
    expect(result.err).toBe(
      [
        `error: unable to drain node "${node}", aborting command...`,
        "",
        "There are pending nodes to be drained:",
        ` ${node}`,
        "error: cannot delete Pods that declare no controller (use --force to override): default/client",
      ].join("\n"),
    );
    expect(result.status).toBe(1);
    expect(l.cluster.nodes.find((n) => n.name === node)?.unschedulable).toBe(true);
    expect(l.podsOn(node)).toContain("client");
  });

  // filters.go daemonSetFatal ("cannot delete" put before it by errors()) and daemonSetWarning.
  it("needs --ignore-daemonsets for a DaemonSet's pods, which it then leaves in place", () => {
    const l = lab([{ name: "agent.yaml", text: DAEMON_SET }]);
    const agent = l.cluster.pods.find((p) => p.nodeName === "node-1" && p.name.startsWith("agent-"))?.name;
    const refused = run(l.run("kubectl drain node-1"));
    expect(refused.err).toContain(
      `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/${agent}`,
    );
    const drained = run(l.run("kubectl drain node-1 --ignore-daemonsets --force"));
    expect(drained.out).toMatch(/^node\/node-1 already cordoned\n[\s\S]*node\/node-1 drained$/);
    expect(drained.err).toContain(`Warning: ignoring DaemonSet-managed Pods: default/${agent}`);
    expect(l.podsOn("node-1")).toEqual([agent]);
  });

  it("answers an unknown node and a missing name as kubectl does", () => {
    const l = lab();
    expect(run(l.run("kubectl cordon node-9")).err).toBe(
      'Error from server (NotFound): nodes "node-9" not found',
    );
    expect(run(l.run("kubectl drain")).err).toBe(
      "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples",
    );
  });
});
