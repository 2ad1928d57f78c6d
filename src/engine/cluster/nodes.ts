import type { KubeObject, SourcedObject } from "../manifests/types.ts";
import { nodeRef } from "../refs.ts";
import { asRecord } from "./fields.ts";
import { UNSCHEDULABLE_TAINT } from "./scheduler.ts";
import type { NodeState, Taint } from "./types.ts";

/** With no `kind: Node` in the manifests the cluster has three workers, as DESIGN.md states. */
export const DEFAULT_NODE_NAMES = ["node-1", "node-2", "node-3"] as const;

/** A simulator choice: nodes without a stated InternalIP get 192.168.0.(10+N), N counting from 1. */
export function defaultNodeIP(index: number): string {
  return `192.168.0.${10 + index + 1}`;
}

/** DESIGN.md: pod CIDR per node 10.244.N.0/24 unless spec.podCIDR is set, N counting from 1. */
export function defaultPodCIDR(index: number): string {
  return `10.244.${index + 1}.0/24`;
}

/** The node's status.addresses of one type (core/v1 NodeAddressType), as its manifest states them. */
function addressesOf(node: KubeObject | undefined, type: "InternalIP" | "ExternalIP"): string[] {
  const addresses = asRecord(node?.status).addresses;
  if (!Array.isArray(addresses)) return [];
  return addresses
    .map(asRecord)
    .filter((a) => a.type === type && typeof a.address === "string")
    .map((a) => a.address as string);
}

function taintsOf(spec: Record<string, unknown>): Taint[] {
  const taints = spec.taints;
  if (!Array.isArray(taints)) return [];
  return taints
    .map(asRecord)
    .flatMap((t) =>
      typeof t.key === "string" &&
      (t.effect === "NoSchedule" || t.effect === "PreferNoSchedule" || t.effect === "NoExecute")
        ? [{ key: t.key, effect: t.effect, ...(typeof t.value === "string" ? { value: t.value } : {}) }]
        : [],
    );
}

/** node_lifecycle_controller.go: the Ready condition a node shows, as its kubelet (or, once silent, the controller) sets it. */
function readyCondition(node: Omit<NodeState, "object">) {
  if (node.failed) {
    return {
      type: "Ready",
      status: "Unknown",
      reason: "NodeStatusUnknown",
      message: "Kubelet stopped posting node status.",
    };
  }
  return node.ready
    ? { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" }
    : {
        type: "Ready",
        status: "False",
        reason: "KubeletNotReady",
        message: "container runtime network not ready",
      };
}

/**
 * The Node as `kubectl get node -o json` would show it once the kubelet has registered and the IPAM
 * controller has run, derived from its state (and the manifest's own fields, when it has one).
 */
export function nodeObject(node: Omit<NodeState, "object">, base: KubeObject | undefined): KubeObject {
  const status = asRecord(base?.status);
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { ...base?.metadata, name: node.name, labels: node.labels },
    spec: {
      ...asRecord(base?.spec),
      podCIDR: node.podCIDR,
      podCIDRs: [node.podCIDR],
      ...(node.taints.length ? { taints: node.taints } : {}),
      ...(node.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      ...status,
      addresses: [
        { type: "InternalIP", address: node.internalIP },
        ...node.externalIPs.map((address) => ({ type: "ExternalIP", address })),
        { type: "Hostname", address: node.name },
      ],
      conditions: [readyCondition(node)],
    },
  };
}

function nodeState(index: number, name: string, source?: SourcedObject): NodeState {
  const base = source?.object;
  const spec = asRecord(base?.spec);
  // The kubelet labels every node with its hostname (well-known label kubernetes.io/hostname).
  const labels = { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", ...base?.metadata.labels };
  const internalIP = addressesOf(base, "InternalIP")[0] ?? defaultNodeIP(index);
  const podCIDR = typeof spec.podCIDR === "string" ? spec.podCIDR : defaultPodCIDR(index);
  const unschedulable = spec.unschedulable === true;
  const taints = taintsOf(spec);
  // node_lifecycle_controller.go (TaintNodesByCondition): a cordoned node carries the unschedulable taint.
  if (unschedulable && !taints.some((t) => t.key === UNSCHEDULABLE_TAINT.key))
    taints.push(UNSCHEDULABLE_TAINT);
  const state = {
    ref: nodeRef(name),
    name,
    labels,
    internalIP,
    externalIPs: addressesOf(base, "ExternalIP"),
    podCIDR,
    ready: true,
    failed: false,
    unschedulable,
    taints,
    ...(source ? { source } : {}),
  };
  return { ...state, object: nodeObject(state, base) };
}

/** Nodes come from `kind: Node` objects in the manifests; with none, the three default workers. */
export function buildNodes(objects: readonly SourcedObject[]): NodeState[] {
  const declared = objects.filter((o) => o.object.kind === "Node");
  if (declared.length === 0) return DEFAULT_NODE_NAMES.map((name, i) => nodeState(i, name));
  return declared.map((o, i) => nodeState(i, o.object.metadata.name, o));
}
