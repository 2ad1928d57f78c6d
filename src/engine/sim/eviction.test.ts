import { describe, expect, it } from "vitest";
import { eventLines, run, stateAt } from "./testing.ts";

const CONTAINER = "containers: [{name: app, image: nginx, ports: [{containerPort: 8080}]}]";

/** Workloads of every kind, each with a pod on node-2: web's and the DaemonSet's also elsewhere, db-0 only there. */
const ON_NODE_2 = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      nodeSelector: {zone: b}
      ${CONTAINER}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      nodeSelector: {kubernetes.io/hostname: node-2}
      ${CONTAINER}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      ${CONTAINER}
---
apiVersion: v1
kind: Pod
metadata: {name: bare, labels: {app: bare}}
spec:
  nodeName: node-2
  ${CONTAINER}
`;

/** Three nodes, node-2 and node-3 in zone b, so that node-2's pods have somewhere to go. */
const NODES = ["node-1", "node-2", "node-3"]
  .map(
    (name) => `apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {zone: ${name === "node-1" ? "a" : "b"}}}
`,
  )
  .join("---\n");

const MANIFESTS = `${NODES}---\n${ON_NODE_2}`;

function podsOn(sim: ReturnType<typeof run>, t: number, node: string): string[] {
  return stateAt(sim, t)
    .cluster.pods.filter((p) => p.nodeName === node && p.namespace === "default")
    .map((p) => p.name);
}

describe("simulate: taint-based eviction (docs: Taints and Tolerations, tolerationSeconds 300 from DefaultTolerationSeconds)", () => {
  // At the start node-2 holds one of web's pods, db-0, one of agent's pods and the bare pod.
  const failAt10 = { duration: "400s", events: [{ at: "10s", action: "fail-node", target: "node/node-2" }] };

  it("evicts pods 300s after the node was tainted unreachable (NotReady at 60, grace 50s since 1.32): at 360, not at 310", () => {
    const sim = run(MANIFESTS, failAt10);
    const evicted = eventLines(sim, ["PodEvicted"]);
    expect(evicted.every((line) => line.startsWith("360 "))).toBe(true);
    expect(evicted.map((l) => l.split(" ")[2]?.replace(/-[a-z0-9]+-[a-z0-9]{5}$/, "-*"))).toEqual(
      expect.arrayContaining(["pod/default/db-0", "pod/default/bare"]),
    );
  });

  it("recreates a Deployment's pod elsewhere at once, with the ReplicaSet's generated name", () => {
    const sim = run(MANIFESTS, failAt10);
    const created = eventLines(sim, ["SuccessfulCreate", "PodScheduled"]).filter((l) => l.includes("web-"));
    expect(created).toEqual([
      expect.stringMatching(/^360 SuccessfulCreate replicaset\/default\/web-[a-z0-9]+$/),
      expect.stringMatching(/^360 PodScheduled pod\/default\/web-[a-z0-9]+-[a-z0-9]{5}$/),
    ]);
    expect(podsOn(sim, 360, "node-3").some((name) => name.startsWith("web-"))).toBe(true);
  });

  it("does not replace a StatefulSet pod while its node is unreachable: db-0 stays Terminating (docs: Force Delete StatefulSet Pods)", () => {
    const sim = run(MANIFESTS, failAt10);
    expect(eventLines(sim, ["SuccessfulCreate"]).some((l) => l.includes("statefulset/"))).toBe(false);
    expect(stateAt(sim, 399).terminatingPods).toContain("pod/default/db-0");
  });

  it("never evicts a DaemonSet pod: the DaemonSet controller tolerates unreachable without tolerationSeconds", () => {
    const sim = run(MANIFESTS, failAt10);
    expect(eventLines(sim, ["PodEvicted"]).some((l) => l.includes("agent-"))).toBe(false);
    expect(podsOn(sim, 399, "node-2").some((name) => name.startsWith("agent-"))).toBe(true);
    expect(eventLines(sim, ["SuccessfulCreate"]).some((l) => l.includes("daemonset/"))).toBe(false);
  });

  it("follows other settings: grace 20s and podEvictionTimeout 60s evict at 10 + 20 + 60 = 90", () => {
    const sim = run(MANIFESTS, {
      duration: "100s",
      settings: { nodeMonitorGracePeriod: "20s", podEvictionTimeout: "60s" },
      events: [{ at: "10s", action: "fail-node", target: "node/node-2" }],
    });
    expect(new Set(eventLines(sim, ["PodEvicted"]).map((l) => l.split(" ")[0]))).toEqual(new Set(["90"]));
  });

  it("honours a toleration the manifest writes (tolerationSeconds 30)", () => {
    const tolerant = MANIFESTS.replace(
      "  nodeName: node-2\n",
      "  nodeName: node-2\n  tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30}]\n",
    );
    const sim = run(tolerant, failAt10);
    expect(eventLines(sim, ["PodEvicted"])).toContain("90 PodEvicted pod/default/bare");
  });
});

describe("simulate: recovery", () => {
  it("completes the evictions when the kubelet returns, and only then recreates the StatefulSet's pod", () => {
    const sim = run(MANIFESTS, {
      duration: "420s",
      events: [
        { at: "10s", action: "fail-node", target: "node/node-2" },
        { at: "400s", action: "recover-node", target: "node/node-2" },
      ],
    });
    const lines = eventLines(sim, ["NodeReady", "Killing", "SuccessfulCreate"]).filter((l) =>
      l.startsWith("400 "),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        "400 NodeReady node/node-2",
        "400 Killing pod/default/db-0",
        "400 Killing pod/default/bare",
        "400 SuccessfulCreate statefulset/default/db",
      ]),
    );
    expect(stateAt(sim, 400).terminatingPods).toEqual([]);
    expect(stateAt(sim, 400).cluster.pods.find((p) => p.name === "db-0")?.ready).toBe(true);
  });

  it("brings a node's surviving pods back Ready when it recovers before eviction", () => {
    const sim = run(MANIFESTS, {
      duration: "120s",
      events: [
        { at: "10s", action: "fail-node", target: "node/node-2" },
        { at: "100s", action: "recover-node", target: "node/node-2" },
      ],
    });
    expect(eventLines(sim, ["PodEvicted"])).toEqual([]);
    const pods = stateAt(sim, 100).cluster.pods.filter((p) => p.nodeName === "node-2");
    expect(pods.length).toBeGreaterThan(2);
    expect(pods.every((p) => p.ready)).toBe(true);
    expect(eventLines(sim, ["ProxyRulesSynced"]).filter((l) => l.startsWith("101 ")).length).toBeGreaterThan(
      0,
    );
  });

  it("needs no eviction bookkeeping when the node comes back within the grace period", () => {
    const sim = run(MANIFESTS, {
      duration: "60s",
      events: [
        { at: "10s", action: "fail-node", target: "node/node-2" },
        { at: "30s", action: "recover-node", target: "node/node-2" },
      ],
    });
    expect(eventLines(sim, ["NodeNotReady", "NodeReachable"])).toEqual(["30 NodeReachable node/node-2"]);
    expect(eventLines(sim, ["EndpointRemoved", "EndpointAdded"])).toEqual([]);
  });
});
