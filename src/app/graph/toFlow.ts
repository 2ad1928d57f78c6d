import type { Node } from "@xyflow/react";
import type { NodeState } from "../../engine/index.ts";

export const NODE_WIDTH = 260;
export const NODE_HEIGHT = 160;
const GAP = 40;

export type KubeNodeData = {
  name: string;
  internalIP: string;
  podCIDR: string;
  ready: boolean;
};

export type KubeNodeFlowNode = Node<KubeNodeData, "kubeNode">;

/** One React Flow group node per Kubernetes node, its id the node's ref (DESIGN.md). */
export function nodesToFlow(nodes: readonly NodeState[]): KubeNodeFlowNode[] {
  return nodes.map((node, i) => ({
    id: node.ref,
    type: "kubeNode",
    position: { x: i * (NODE_WIDTH + GAP), y: 0 },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    data: {
      name: node.name,
      internalIP: node.internalIP,
      podCIDR: node.podCIDR,
      ready: node.ready && !node.failed,
    },
  }));
}
