import {
  Background,
  Controls,
  type EdgeTypes,
  MiniMap,
  type NodeChange,
  type NodeTypes,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { useT } from "../i18n/useT.ts";
import { PacketLayer } from "../packets/PacketLayer.tsx";
import { planPacket } from "../packets/plan.ts";
import { shownCluster } from "../store/timeSlice.ts";
import { appStore, useAppStore } from "../store/useAppStore.ts";
import { GraphModelContext } from "./context.ts";
import { IngressNode } from "./IngressNode.tsx";
import { KubeNodeNode } from "./KubeNodeNode.tsx";
import { type ClusterFlowNode, layoutCluster, type RouteFlowEdge, routeEdge } from "./layout.ts";
import { ClientNode, ExternalNode, LoadBalancerNode } from "./OutsideNodes.tsx";
import { PodNode } from "./PodNode.tsx";
import { RouteEdge } from "./RouteEdge.tsx";
import { ServiceNode } from "./ServiceNode.tsx";
import { installTestHook } from "./testHook.ts";

// Defined once at module level: React Flow re-mounts every node when these objects change identity.
const nodeTypes: NodeTypes = {
  kubeNode: KubeNodeNode,
  pod: PodNode,
  service: ServiceNode,
  loadBalancer: LoadBalancerNode,
  ingress: IngressNode,
  client: ClientNode,
  external: ExternalNode,
};
const edgeTypes: EdgeTypes = { route: RouteEdge };

installTestHook(appStore);

const FIT = { padding: 0.04 } as const;

function externalHostsOf(refs: readonly string[]): string[] {
  return [
    ...new Set(refs.filter((r) => r.startsWith("external/")).map((r) => r.slice("external/".length))),
  ].sort();
}

function Graph() {
  const t = useT();
  // The time view draws the cluster as the engine recomputed it at the clock's second.
  const cluster = useAppStore(shownCluster);
  const foldDns = useAppStore((s) => s.foldDns);
  const ingresses = useAppStore((s) => s.ingresses);
  const selectedRef = useAppStore((s) => s.selectedRef);
  const inspectObject = useAppStore((s) => s.inspectObject);
  const selectRequest = useAppStore((s) => s.selectRequest);
  const requests = useAppStore((s) => s.requests);
  const selectedRequest = useAppStore((s) => s.selectedRequest);
  const hostsKey = externalHostsOf(requests.flatMap((r) => r.trace.hops.map((h) => h.at))).join(" ");
  const model = useMemo(
    () =>
      cluster
        ? layoutCluster(cluster, { foldDns, externalHosts: hostsKey ? hostsKey.split(" ") : [], ingresses })
        : null,
    [cluster, foldDns, hostsKey, ingresses],
  );
  const nodes = useMemo<ClusterFlowNode[]>(
    () => (model?.nodes ?? []).map((n) => (n.id === selectedRef ? { ...n, selected: true } : n)),
    [model, selectedRef],
  );
  const traced = requests.find((r) => r.id === selectedRequest);
  const edges = useMemo<RouteFlowEdge[]>(() => {
    if (!model) return [];
    if (!traced) return model.edges;
    const route = planPacket(traced.trace, model).route;
    const taken = route.slice(1).flatMap((to, i) => {
      const edge = routeEdge(model.router, route[i] ?? to, to, "trace");
      return edge ? [edge] : [];
    });
    const unique = [...new Map(taken.map((e) => [e.id, e])).values()];
    return [...model.edges, ...unique];
  }, [model, traced]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ClusterFlowNode>[]) => {
      for (const change of changes) {
        if (change.type === "select" && change.selected) inspectObject(change.id);
      }
    },
    [inspectObject],
  );

  // Fit the view when the cluster first arrives, and again when the graph's panel changes size (a side
  // panel shown, hidden or resized) until the learner pans or zooms; the Controls' button fits it again.
  const { fitView } = useReactFlow();
  const fitted = useRef(false);
  const moved = useRef(false);
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!model || fitted.current) return;
    fitted.current = true;
    requestAnimationFrame(() => void fitView(FIT));
  }, [model, fitView]);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (fitted.current && !moved.current) void fitView(FIT);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fitView]);

  return (
    <div ref={frame} className="h-full w-full">
      {model && (
        <GraphModelContext.Provider value={model}>
          <ReactFlow<ClusterFlowNode, RouteFlowEdge>
            aria-label={t("graph.label")}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onNodeClick={(_, node) => inspectObject(node.id)}
            onPaneClick={() => {
              inspectObject(null);
              selectRequest(null);
            }}
            onMoveStart={(event) => {
              if (event) moved.current = true;
            }}
            nodesDraggable={false}
            nodesConnectable={false}
            minZoom={0.05}
            proOptions={{ hideAttribution: true }}
          >
            <Background />
            <Controls fitViewOptions={FIT} onFitView={() => (moved.current = false)} />
            <MiniMap
              pannable
              zoomable
              ariaLabel={t("graph.minimap")}
              style={{ width: 132, height: 88 }}
              className="opacity-75 hover:opacity-100"
            />
            <PacketLayer model={model} />
          </ReactFlow>
        </GraphModelContext.Provider>
      )}
    </div>
  );
}

/** The cluster as React Flow draws it, with the packets travelling over it. */
export function ClusterGraph() {
  return (
    <ReactFlowProvider>
      <Graph />
    </ReactFlowProvider>
  );
}
