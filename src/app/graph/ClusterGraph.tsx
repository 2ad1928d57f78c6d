import { Background, Controls, MiniMap, type NodeTypes, ReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { KubeNodeNode } from "./KubeNodeNode.tsx";
import { nodesToFlow } from "./toFlow.ts";

// Defined once at module level: React Flow re-mounts every node when this object changes identity.
const nodeTypes: NodeTypes = { kubeNode: KubeNodeNode };

export function ClusterGraph() {
  const t = useT();
  const cluster = useAppStore((s) => s.cluster);
  const flowNodes = useMemo(() => nodesToFlow(cluster?.nodes ?? []), [cluster]);
  return (
    <ReactFlow
      aria-label={t("graph.label")}
      nodes={flowNodes}
      edges={[]}
      nodeTypes={nodeTypes}
      fitView
      nodesDraggable={false}
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <Controls />
      <MiniMap pannable zoomable ariaLabel={t("graph.minimap")} />
    </ReactFlow>
  );
}
