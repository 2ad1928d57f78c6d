import { syncEndpointSlices } from "./endpointSlices.ts";
import { nodeObject } from "./nodes.ts";
import { podObject } from "./objects.ts";
import { conditionStatus } from "./readiness.ts";
import type { Cluster, NodeState, PodState, Taint } from "./types.ts";

/** node_lifecycle_controller.go: an unreachable node is tainted so that nothing new lands on it and NoExecute eviction can start. */
const UNREACHABLE_TAINTS: Taint[] = [
  { key: "node.kubernetes.io/unreachable", effect: "NoSchedule" },
  { key: "node.kubernetes.io/unreachable", effect: "NoExecute" },
];

/**
 * A node that stopped answering, once node-monitor-grace-period has passed: its Ready condition
 * becomes Unknown (NodeStatusUnknown) and it is tainted unreachable.
 */
export function markNodeFailed(node: NodeState): NodeState {
  const taints = [
    ...node.taints,
    ...UNREACHABLE_TAINTS.filter((t) => !node.taints.some((u) => u.key === t.key && u.effect === t.effect)),
  ];
  const state = { ...node, ready: false, failed: true, taints };
  return { ...state, object: nodeObject(state, node.source?.object ?? node.object) };
}

/**
 * node_lifecycle_controller.go MarkPodsNotReady: every pod on the node gets Ready False; the
 * kubelet's last report (ContainersReady) stays as it was.
 */
export function markPodsNotReady(pods: readonly PodState[], nodeName: string): PodState[] {
  return pods.map((pod) => {
    if (pod.nodeName !== nodeName || !pod.ready) return pod;
    const state = { ...pod, ready: false };
    return {
      ...state,
      object: podObject(state, pod.object, conditionStatus(pod.object, "ContainersReady") === "True"),
    };
  });
}

/**
 * DESIGN.md's `--fail-node`: the state once the control plane has reacted and before eviction. The
 * nodes are failed, their pods not Ready, and the EndpointSlice controller has run again, so those
 * pods' endpoints are ready=false. Names that are not nodes of the cluster are ignored.
 */
export function applyNodeFailures(cluster: Cluster, names: readonly string[]): Cluster {
  const failing = new Set(names.filter((name) => cluster.nodes.some((n) => n.name === name && !n.failed)));
  if (failing.size === 0) return cluster;
  const nodes = cluster.nodes.map((n) => (failing.has(n.name) ? markNodeFailed(n) : n));
  let pods = cluster.pods;
  for (const name of failing) pods = markPodsNotReady(pods, name);
  return { ...cluster, nodes, pods, endpointSlices: syncEndpointSlices(cluster, pods, nodes) };
}
