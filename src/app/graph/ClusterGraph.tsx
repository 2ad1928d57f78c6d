import {
  type AriaLabelConfig,
  Background,
  ControlButton,
  Controls,
  type EdgeTypes,
  MiniMap,
  type NodeChange,
  type NodeTypes,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
} from "@xyflow/react";
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { isNodeRef, isServiceRef, placeOf, type Ref, refLabel } from "../../engine/index.ts";
import type { MessageKey, Params } from "../i18n/index.ts";
import { useT } from "../i18n/useT.ts";
import { inspectedPacket } from "../inspector/Inspector.tsx";
import { lazyNamed } from "../layout/Lazy.tsx";
import { shownPools } from "../store/selectors.ts";
import { shownCluster } from "../store/timeSlice.ts";
import { appStore, useAppStore } from "../store/useAppStore.ts";
import { clockText } from "../time/scenario.ts";
import { GraphModelContext } from "./context.ts";
import { FlowLayer } from "./FlowLayer.tsx";
import { drawnAlike, drawnPools, lastEjection, poolEdges } from "./flows.ts";
import { GatewayClassNode, GatewayNode, HTTPRouteNode } from "./GatewayNodes.tsx";
import { boundsOf } from "./geometry.ts";
import { IngressNode } from "./IngressNode.tsx";
import { KubeNodeNode } from "./KubeNodeNode.tsx";
import "./graph.css";
import { GraphLegend } from "./GraphLegend.tsx";
import {
  type ClusterFlowNode,
  DETAIL_ZOOM,
  type GraphModel,
  isServiceGroupRef,
  type RouteFlowEdge,
  resolveRef,
} from "./layout.ts";
import { externalHostsOf } from "./layoutOptions.ts";
import { MOTION_MS, type Motion, nextMotion, STILL, withMotion } from "./motion.ts";
import { ClientNode, ExternalNode, LoadBalancerNode } from "./OutsideNodes.tsx";
import { PodNode } from "./PodNode.tsx";
import { keepUnchanged, useInBatches, useKept } from "./progressive.ts";
import { RouteEdge } from "./RouteEdge.tsx";
import { MINIMAP, type MinimapCorner, minimapCorner, readableFit } from "./readable.ts";
import { SearchBox } from "./SearchBox.tsx";
import { ServiceGroupNode } from "./ServiceGroupNode.tsx";
import { ServiceNode } from "./ServiceNode.tsx";
import { StepCaption } from "./StepCaption.tsx";
import { installTestHook } from "./testHook.ts";
import { useLayout } from "./useLayout.ts";

// Defined once at module level: React Flow re-mounts every node when these objects change identity.
const nodeTypes: NodeTypes = {
  kubeNode: KubeNodeNode,
  pod: PodNode,
  service: ServiceNode,
  serviceGroup: ServiceGroupNode,
  loadBalancer: LoadBalancerNode,
  ingress: IngressNode,
  gatewayClass: GatewayClassNode,
  gateway: GatewayNode,
  httpRoute: HTTPRouteNode,
  client: ClientNode,
  external: ExternalNode,
};
const edgeTypes: EdgeTypes = { route: RouteEdge };

// The packets' canvas and animator arrive with the first drawing, not before it (issue 15): a request sent
// meanwhile is drawn once the layer mounts (PacketLayer's drawnRequests).
const PacketLayer = lazyNamed(() => import("../packets/PacketLayer.tsx"), "PacketLayer");

installTestHook(appStore);

const FIT = { padding: 0.04 } as const;

/** How many boxes (and edges) of a compact drawing reach React Flow each frame (progressive.ts). */
const COMPACT_BATCH = 40;

/** A compact drawing's edge from a Service to a closed node, standing for its endpoints there. */
const isOverviewEdge = (edge: RouteFlowEdge) => isServiceRef(edge.source) && isNodeRef(edge.target);

type T = (key: MessageKey, params?: Params) => string;

/** The name a box is announced by when it has the keyboard focus: the same as the box's own label. */
function boxLabel(node: ClusterFlowNode, t: T): string {
  switch (node.type) {
    case "kubeNode":
      return t("node.label", { name: node.data.node.name });
    case "pod":
      return t("pod.label", { name: node.data.pod.name });
    case "service":
      return t("service.label", { name: node.data.service.name });
    case "serviceGroup":
      return t("serviceGroup.label", { namespace: node.data.namespace });
    case "loadBalancer":
      return t("lb.label", { name: refLabel(node.data.ref) });
    case "ingress":
      return t("ingress.label", { name: node.data.ingress.name });
    case "gatewayClass":
      return t("gatewayClass.label", { name: node.data.gatewayClass.name });
    case "gateway":
      return t("gateway.label", { name: node.data.gateway.name });
    case "httpRoute":
      return t("httpRoute.label", { kind: node.data.route.kind, name: node.data.route.name });
    case "client":
      return t("client.label");
    case "external":
      return t("external.label", { name: node.data.host });
  }
}

/** React Flow's own texts for assistive technology, in the learner's language and true to this graph. */
function ariaLabels(t: T): Partial<AriaLabelConfig> {
  return {
    "node.a11yDescription.default": t("graph.nodeHelp"),
    "node.a11yDescription.keyboardDisabled": t("graph.nodeHelp"),
    "controls.ariaLabel": t("graph.controls"),
    "controls.zoomIn.ariaLabel": t("graph.zoomIn"),
    "controls.zoomOut.ariaLabel": t("graph.zoomOut"),
    "controls.fitView.ariaLabel": t("graph.fitView"),
    "controls.interactive.ariaLabel": t("graph.interactive"),
    "minimap.ariaLabel": t("graph.minimap"),
  };
}

const reducedMotion = () =>
  typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * The boxes in motion since the cluster was last rebuilt. Worked out while rendering the new layout
 * (React's pattern for state that follows a prop), so a new box is drawn marked from its first frame;
 * the marks are dropped once the animation is over: two renders per change, none per frame.
 */
function useMotion(model: GraphModel | null): Motion {
  const [state, setState] = useState<{ model: GraphModel | null; motion: Motion }>({ model, motion: STILL });
  let { motion } = state;
  if (state.model !== model) {
    // The first drawing, and learners who ask for reduced motion, get no animation.
    // Nor does a compact drawing: hundreds of boxes growing in cost a second redraw of them all.
    motion =
      state.model && model && !model.compact && !state.model.compact && !reducedMotion()
        ? nextMotion(motion, state.model.nodes, model.nodes)
        : STILL;
    setState({ model, motion });
  }
  useEffect(() => {
    if (motion === STILL) return;
    const timer = setTimeout(
      () => setState((s) => (s.motion === motion ? { ...s, motion: STILL } : s)),
      MOTION_MS,
    );
    return () => clearTimeout(timer);
  }, [motion]);
  return motion;
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
  const openNodes = useAppStore((s) => s.openNodes);
  const setNodeOpen = useAppStore((s) => s.setNodeOpen);
  const hostsKey = externalHostsOf(requests).join(" ");
  const externalHosts = useMemo(() => (hostsKey ? hostsKey.split(" ") : []), [hostsKey]);
  // Laid out in a worker; a rebuilt cluster keeps the drawing's order, so the boxes that stayed stay put.
  const model = useLayout(cluster, { foldDns, externalHosts, ingresses, openNodes });
  const motion = useMotion(model);
  const laidOut = useMemo<ClusterFlowNode[]>(
    () => withMotion(model?.nodes ?? [], motion).map((n) => ({ ...n, ariaLabel: boxLabel(n, t) })),
    [model, motion, t],
  );
  const drawn = useKept(laidOut);
  // The box where the inspected packet's current hop acted, marked as the inspector's hop list marks it.
  const steppedRef = useAppStore((s) => {
    const packet = s.inspecting === "request" ? inspectedPacket(s) : undefined;
    const hop = s.hopAt === null ? undefined : packet?.trace.hops[s.hopAt];
    return hop && model ? resolveRef(model, placeOf(hop)) : null;
  });
  const nodes = useMemo<ClusterFlowNode[]>(
    () =>
      drawn.map((n) => {
        const marked = n.id === steppedRef ? { ...n, className: "stepped-at" } : n;
        return n.id === selectedRef && n.selectable !== false ? { ...marked, selected: true } : marked;
      }),
    [drawn, selectedRef, steppedRef],
  );
  const labels = useMemo(() => ariaLabels(t), [t]);
  // Zoomed far out, a compact drawing's Service-to-node edges (a thousand at 1,000 pods) are a mesh
  // too fine to follow that every pan frame must repaint: they are drawn once the learner zooms in,
  // and a hovered Service's at any zoom.
  const far = useStore((s) => s.transform[2] < DETAIL_ZOOM);
  const hoveredRef = useAppStore((s) => s.hoveredRef);
  const shown = useMemo(
    () =>
      model?.compact && far
        ? model.edges.filter((e) => !isOverviewEdge(e) || e.source === hoveredRef)
        : (model?.edges ?? []),
    [model, far, hoveredRef],
  );
  // The pools change with the clock only at an ejection: the graph follows those instants, not every second.
  const ejectionsBy = useAppStore((s) =>
    s.timeMode ? lastEjection(s.simulation?.events ?? [], s.clock) : 0,
  );
  // The same map while no node enters or leaves a pool (nextTimeState keeps the engine's answer).
  const lbPools = useAppStore(shownPools);
  const events = useAppStore((s) => (s.timeMode ? s.simulation?.events : undefined));
  const drawnEdges = useRef<RouteFlowEdge[]>([]);
  const edges = useMemo<RouteFlowEdge[]>(() => {
    if (!model || !cluster) return [];
    const pools = drawnPools(lbPools, events ?? [], ejectionsBy);
    const ejected = (at: number | null) =>
      at === null ? t("graph.ejected") : t("graph.ejectedAt", { clock: clockText(at) });
    drawnEdges.current = keepUnchanged(
      drawnEdges.current,
      [...shown, ...poolEdges(model.router, pools, ejected)],
      drawnAlike,
    );
    return drawnEdges.current;
  }, [model, shown, cluster, lbPools, events, ejectionsBy, t]);
  // A large cluster's boxes and edges reach React Flow a batch a frame, so no frame's task is long;
  // a rebuilt cluster's unchanged ones stay the same objects, which React Flow does not redraw.
  const batch = model?.compact ? COMPACT_BATCH : Number.POSITIVE_INFINITY;
  const batchedNodes = useInBatches(nodes, batch);
  const batchedEdges = useInBatches(useKept(edges), batch);

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
  const { fitView, fitBounds, setCenter, getZoom, setViewport } = useReactFlow();
  const flowStore = useStoreApi();
  // The whole drawing below the pane's top strip, unless its text would then be smaller than the page's
  // small text: then the readable zoom from its top left (readable.ts). A compact drawing is an overview: it always fits, to
  // the layout's bounds, as React Flow may not have all of its boxes yet (they come in batches).
  const modelRef = useRef(model);
  modelRef.current = model;
  const fitReadable = useCallback(() => {
    const drawing = modelRef.current;
    const { width, height } = flowStore.getState();
    const whole = drawing?.compact ? boundsOf(drawing.boxes.values()) : null;
    const view =
      drawing && !drawing.compact
        ? readableFit(drawing.boxes.values(), { width, height }, FIT.padding)
        : null;
    if (whole) void fitBounds(whole, FIT);
    else if (view) void setViewport(view);
    else void fitView(FIT);
  }, [flowStore, fitView, fitBounds, setViewport]);
  // The minimap is placed when a move ends, not on each of its frames.
  const [minimap, setMinimap] = useState<MinimapCorner | null>(null);
  const placeMinimap = useCallback(() => {
    const drawing = modelRef.current;
    const {
      width,
      height,
      transform: [x, y, zoom],
    } = flowStore.getState();
    setMinimap(drawing ? minimapCorner(drawing.boxes.values(), { x, y, zoom }, { width, height }) : null);
  }, [flowStore]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new drawing's boxes are read through modelRef.
  useEffect(placeMinimap, [model, placeMinimap]);
  const fitted = useRef(false);
  const moved = useRef(false);
  const frame = useRef<HTMLDivElement>(null);
  // Fitted when the first cluster arrives, and again when the drawing turns compact or back (a large
  // cluster pasted, or a small one after it), unless the learner has moved the view since.
  const compact = model?.compact ?? null;
  useEffect(() => {
    if (compact === null || (fitted.current && moved.current)) return;
    fitted.current = true;
    requestAnimationFrame(fitReadable);
  }, [compact, fitReadable]);

  // Handlers keep their identity across renders: a new one makes React Flow redraw every box (each
  // box's wrapper takes them as props), which at 60× in the Time view was every frame.
  // A namespace's box opens (or folds) its Services; any other box is inspected.
  const onNodeClick = useCallback(
    (_: unknown, node: ClusterFlowNode) => {
      if (node.type === "serviceGroup") setNodeOpen(node.id, !node.data.open);
      else inspectObject(node.id);
    },
    [inspectObject, setNodeOpen],
  );
  const onPaneClick = useCallback(() => {
    inspectObject(null);
    selectRequest(null);
  }, [inspectObject, selectRequest]);
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) moved.current = true;
  }, []);

  // A search's find: its node opened if the drawing is compact, selected, and centred once it is drawn.
  const [found, setFound] = useState<Ref | null>(null);
  const onFound = useCallback(
    (ref: Ref) => {
      const holder = model?.aliases.get(ref);
      if (isNodeRef(holder) || (holder && isServiceGroupRef(holder))) setNodeOpen(holder, true);
      moved.current = true;
      inspectObject(ref);
      setFound(ref);
    },
    [model, setNodeOpen, inspectObject],
  );
  // A node the learner opens is brought into view too, at its header: its pods follow it in one row.
  const seenOpen = useRef(openNodes);
  useEffect(() => {
    const added = openNodes.find((ref) => !seenOpen.current.includes(ref));
    seenOpen.current = openNodes;
    if (!added) return;
    moved.current = true;
    setFound((pending) => pending ?? added);
  }, [openNodes]);
  useEffect(() => {
    const box = found ? model?.anchors.get(found) : undefined;
    if (!box) return;
    setFound(null);
    void setCenter(box.x + box.width / 2, box.y + box.height / 2, {
      zoom: Math.max(getZoom(), 1),
      duration: reducedMotion() ? 0 : 400,
    });
  }, [found, model, setCenter, getZoom]);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (fitted.current && !moved.current) fitReadable();
      else placeMinimap();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fitReadable, placeMinimap]);

  // A Service focused from the keyboard lights its endpoints as hovering it does.
  const hover = useAppStore((s) => s.hover);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const serviceOf = (event: FocusEvent) => {
      const id = (event.target as Element | null)?.closest?.(".react-flow__node")?.getAttribute("data-id");
      return isServiceRef(id) ? id : null;
    };
    const onFocus = (event: FocusEvent) => {
      const id = serviceOf(event);
      if (id) hover(id);
    };
    const onBlur = (event: FocusEvent) => {
      const id = serviceOf(event);
      if (id && appStore.getState().hoveredRef === id) hover(null);
    };
    element.addEventListener("focusin", onFocus);
    element.addEventListener("focusout", onBlur);
    return () => {
      element.removeEventListener("focusin", onFocus);
      element.removeEventListener("focusout", onBlur);
    };
  }, [hover]);

  return (
    <div ref={frame} className="h-full w-full">
      {model && (
        <GraphModelContext.Provider value={model}>
          <ReactFlow<ClusterFlowNode, RouteFlowEdge>
            aria-label={t("graph.label")}
            className={model.compact && far ? "far-view" : undefined}
            nodes={batchedNodes}
            edges={batchedEdges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onNodeClick={onNodeClick}
            onPaneClick={onPaneClick}
            onMoveStart={onMoveStart}
            onMoveEnd={placeMinimap}
            nodesDraggable={false}
            nodesConnectable={false}
            deleteKeyCode={null}
            ariaLabelConfig={labels}
            minZoom={0.05}
            onlyRenderVisibleElements={model.compact}
            proOptions={{ hideAttribution: true }}
          >
            <Background />
            {/* The zoom buttons and the legend, in the strip along the pane's top that a fit keeps clear of
                boxes (readable.ts), across from the search box: at the bottom they covered the client's
                column and node-1's pods (issue 14). */}
            <Controls showFitView={false} position="top-right" orientation="horizontal">
              {/* React Flow's own fit shows the whole drawing at any zoom; this one keeps it readable. */}
              <ControlButton
                className="react-flow__controls-fitview"
                aria-label={t("graph.fitView")}
                title={t("graph.fitView")}
                onClick={() => {
                  moved.current = false;
                  fitReadable();
                }}
              >
                <svg viewBox="0 0 32 30" aria-hidden="true">
                  <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
                </svg>
              </ControlButton>
              <GraphLegend />
            </Controls>
            {minimap && (
              <MiniMap
                pannable
                zoomable
                position={minimap}
                ariaLabel={t("graph.minimap")}
                style={{ width: MINIMAP.width, height: MINIMAP.height }}
                className="opacity-75 hover:opacity-100"
              />
            )}
            {cluster && <SearchBox cluster={cluster} compact={model.compact} onFound={onFound} />}
            <FlowLayer model={model} />
            <Suspense fallback={null}>
              <PacketLayer model={model} />
            </Suspense>
            <StepCaption />
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
