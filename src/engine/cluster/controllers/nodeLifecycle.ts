import { message } from "../../messages/index.ts";
import { nodeObject } from "../nodes.ts";
import { podObject } from "../objects.ts";
import { conditionStatus, withReady } from "../readiness.ts";
import type { Cluster, NodeState, PodState, Ref, Taint } from "../types.ts";
import { syncEndpointSlices } from "./endpointSlices.ts";
import type { ControllerEvent } from "./events.ts";

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
 * pkg/controller/nodelifecycle: node-monitor-grace-period passed without a heartbeat from `name`.
 * The node turns NotReady and tainted unreachable, its pods not Ready; the events are the node's
 * NodeNotReady and, as controller_utils.go MarkPodsNotReady records, one on each pod it changed.
 */
export function nodeNotReady(
  cluster: Pick<Cluster, "nodes" | "pods">,
  name: string,
): { nodes: NodeState[]; pods: PodState[]; events: ControllerEvent[] } {
  const node = cluster.nodes.find((n) => n.name === name);
  if (!node) return { nodes: [...cluster.nodes], pods: [...cluster.pods], events: [] };
  const nodes = cluster.nodes.map((n) => (n === node ? markNodeFailed(n) : n));
  const pods = markPodsNotReady(cluster.pods, name);
  const events: ControllerEvent[] = [
    {
      type: "Normal",
      reason: "NodeNotReady",
      object: node.ref,
      text: message("event.node.notReady", { node: name }),
    },
  ];
  pods.forEach((pod, i) => {
    if (pod !== cluster.pods[i])
      events.push({
        type: "Warning",
        reason: "NodeNotReady",
        object: pod.ref,
        text: message("event.pod.nodeNotReady"),
      });
  });
  return { nodes, pods, events };
}

/**
 * `node`'s kubelet reports again: its Ready condition True, the unreachable taints gone
 * (NodeReady, or the simulator's NodeReachable when it came back within the grace period). The
 * pods deleted while it was away (`terminating`) are stopped by the kubelet and removed by the API
 * server at last (Killing); the others are Ready again as their kubelet reports (`kubeletReady`).
 */
export function nodeRecovered(
  node: NodeState,
  pods: readonly PodState[],
  terminating: ReadonlySet<Ref>,
  kubeletReady: ReadonlyMap<Ref, boolean>,
): { pods: PodState[]; removed: PodState[]; events: ControllerEvent[] } {
  const name = node.name;
  const events: ControllerEvent[] = [
    node.ready
      ? {
          type: "Normal",
          reason: "NodeReachable",
          object: node.ref,
          text: message("event.node.reachable", { node: name }),
        }
      : {
          type: "Normal",
          reason: "NodeReady",
          object: node.ref,
          text: message("event.node.ready", { node: name }),
        },
  ];
  const kept: PodState[] = [];
  const removed: PodState[] = [];
  for (const pod of pods) {
    if (pod.nodeName !== name) {
      kept.push(pod);
    } else if (terminating.has(pod.ref)) {
      removed.push(pod);
      const text = message("event.pod.killedOnRecovery", { node: name });
      events.push({ type: "Normal", reason: "Killing", object: pod.ref, text });
    } else {
      kept.push(withReady(pod, kubeletReady.get(pod.ref) ?? pod.ready));
    }
  }
  return { pods: kept, removed, events };
}

/**
 * DESIGN.md's `--fail-node`: the state once the control plane has reacted and before eviction. The
 * nodes are NotReady (nodeNotReady, as the clock does it at the grace period's end), their pods not
 * Ready, and the EndpointSlice controller has run again, so those pods' endpoints are ready=false.
 * Names that are not nodes of the cluster are ignored.
 */
export function applyNodeFailures(cluster: Cluster, names: readonly string[]): Cluster {
  const failing = new Set(names.filter((name) => cluster.nodes.some((n) => n.name === name && !n.failed)));
  if (failing.size === 0) return cluster;
  let state: Pick<Cluster, "nodes" | "pods"> = cluster;
  for (const name of failing) state = nodeNotReady(state, name);
  const { nodes, pods } = state;
  return { ...cluster, nodes, pods, endpointSlices: syncEndpointSlices(cluster, pods, nodes) };
}
