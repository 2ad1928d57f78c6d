import type { Edge, Node } from "@xyflow/react";
import type { Cluster, IngressSummary, NodeState, PodState, Ref, ServiceState } from "../../engine/index.ts";
import {
  clientRef,
  clusterRef,
  endpointTargets,
  externalRef,
  isClientRef,
  isExternalRef,
  isNodeRef,
  isPodRef,
  lbRef,
  refLabel,
} from "../../engine/index.ts";
import {
  type GatewayClassData,
  type GatewayData,
  gatewayRoutes,
  type HTTPRouteData,
  placeGatewayApi,
} from "./gateway.ts";
import { offsetLanes, type Point, type Rect, roundedPath } from "./geometry.ts";
import { type IngressData, ingressLoadBalancers, ingressRoutes, placeIngresses } from "./ingress.ts";
import { createRouter, type Obstacle, type Port, type RouteMemory, type Router, simplify } from "./route.ts";

/**
 * What a load balancer's box shows: its IPs, else the hostnames of status.loadBalancer.ingress
 * (Docker Desktop's `localhost`, which has no IP).
 */
function lbAddresses(s: Pick<ServiceState, "loadBalancerIPs" | "loadBalancerIngress">): string[] {
  if (s.loadBalancerIPs.length > 0) return s.loadBalancerIPs;
  return s.loadBalancerIngress.flatMap((i) => (i.hostname ? [i.hostname] : []));
}

// The layout is a set of fixed columns, left to right in the direction traffic enters the cluster:
// outside the cluster (the client, cloud load balancers, outside hosts) | Services and Ingresses |
// nodes holding their pods. Every position depends only on the object's own column and its place in
// that column's order, so one change moves nothing else: a pod added to a node widens that node's group
// alone (its pods sit in one row), and groups are stacked with a fixed height. Each column is sorted by
// ref when first drawn; a redrawn cluster keeps the order the learner was looking at and puts new
// objects at the end of their column (a new pod's generated name would otherwise land it between two
// pods, pushing one aside). A general layered layout (dagre, elk) re-ranks the whole graph on each
// change, which is the jumping the learner must not see. Boxes are sized for text read at the zoom
// that fits the sample cluster into the graph panel: its columns, the client's, the Services' and a
// node with two pods, fit the panel's width at 1280×720 (784 px) at the readable zoom.
export const SIZES = {
  client: { width: 150, height: 48 },
  external: { width: 150, height: 40 },
  lb: { width: 150, height: 68 },
  service: { width: 200, height: 58 },
  ingress: { width: 200, height: 48 },
  pod: { width: 160, height: 58 },
  groupHeader: 46,
  groupPad: 8,
  groupMinWidth: 300,
  /** Between boxes of one column. */
  rowGap: 14,
  /** Between node groups: edges into pods run along these gaps. */
  groupGap: 24,
  columnGap: 32,
  /**
   * Between a compact drawing's columns: its overview edges, one from each Service to each node holding
   * its pods, run along these gaps by the hundred.
   */
  compactColumnGap: 56,
} as const;

const GROUP_HEIGHT = SIZES.groupHeader + SIZES.pod.height + SIZES.groupPad;
const SERVICE_PITCH = SIZES.service.height + SIZES.rowGap;
const GROUP_STRIDE = GROUP_HEIGHT + SIZES.groupGap;
/** The width to height a compact drawing aims for: about the graph panel's on a laptop screen. */
const COMPACT_ASPECT = 1.6;
/** Where the Services' first column starts, and the distance from one of their columns to the next. */
const servicesColumns = (gap: number) => ({ x: SIZES.client.width + gap, stride: SIZES.service.width + gap });
const COMPACT_COLUMNS = servicesColumns(SIZES.compactColumnGap);

export const CLIENT_REF = clientRef();

/**
 * Past this many pods a cluster is drawn compact: each node a box with its pod count and each Service
 * one edge per node holding its endpoints; zoomed in, a node shows its pods as squares (PodChips),
 * and draws them as boxes when the learner opens it (or a search finds one of them). Hundreds of pod
 * boxes at once are too small to read and too slow to draw (issue 15: 1,000 pods took 7 s); a lesson's
 * cluster stays far below it.
 */
export const COMPACT_PODS = 150;
/** Past this many Services a cluster is drawn compact too, whatever its pods (issue 16: 5,000 Services drawn one box each in one commit froze the page for seconds). */
export const COMPACT_SERVICES = 150;

/**
 * Past this many Services each namespace's Services are drawn as one box with their count, until the
 * learner opens it (issue 16: 5,000 Service boxes, each a React subtree that watches the store, kept the
 * page busy for most of a second; a namespace is how a cluster's own people divide its Services).
 */
export const GROUPED_SERVICES = 500;

/** A namespace's box standing for its Services: the namespace's ref (`namespace/NAME`, DESIGN.md). */
export const serviceGroupRef = (namespace: string): Ref => clusterRef("namespace", namespace);
export const isServiceGroupRef = (ref: Ref | null | undefined): boolean =>
  ref?.startsWith("namespace/") ?? false;

/** How a pod is drawn: its readiness, Pending, or on a failed node (unreachable). */
export type PodDrawnState = "ready" | "notReady" | "pending" | "unreachable";

export function podDrawnState(pod: Pick<PodState, "phase" | "ready">, unreachable: boolean): PodDrawnState {
  if (unreachable) return "unreachable";
  if (pod.phase === "Pending") return "pending";
  return pod.ready ? "ready" : "notReady";
}

/** A pod of a closed node, drawn as a small square in it once the learner zooms in (PodChips). */
export type PodChip = { ref: Ref; name: string; state: PodDrawnState };

/**
 * `openable`: the cluster is drawn compact, so the node's pods show only when it is open; closed, its
 * `chips` stand for them.
 */
export type KubeNodeData = {
  node: NodeState;
  podCount: number;
  openable: boolean;
  open: boolean;
  chips: PodChip[];
};
export type PodData = { pod: PodState; unreachable: boolean };

/**
 * The zoom from which a compact drawing shows its detail: Service-to-node edges, and the pods of closed
 * nodes as squares (level of detail, issue 15). Further out they are a mesh too fine to read that every
 * pan frame must repaint.
 */
export const DETAIL_ZOOM = 0.4;
export type ServiceData = {
  service: ServiceState;
  /** Its colour among the Services (SERVICE_COLOURS), which its links to its endpoints share. */
  colour: number;
  endpoints: number;
  readyEndpoints: number;
  /** For kube-dns: how many CoreDNS pods it stands for while they are folded away. */
  foldedPods: number;
  dns: boolean;
};
/** A namespace's Services in one box: how many, and whether the learner opened it (its Services drawn after it). */
export type ServiceGroupData = { namespace: string; services: number; open: boolean };
export type LoadBalancerData = { ref: Ref; ips: string[]; target: Ref };
export type { IngressData };
export type ClientData = { ip: string };
export type ExternalData = { host: string; ip: string | null };

export type KubeNodeFlowNode = Node<KubeNodeData, "kubeNode">;
export type PodFlowNode = Node<PodData, "pod">;
export type ServiceFlowNode = Node<ServiceData, "service">;
export type ServiceGroupFlowNode = Node<ServiceGroupData, "serviceGroup">;
export type LoadBalancerFlowNode = Node<LoadBalancerData, "loadBalancer">;
export type IngressFlowNode = Node<IngressData, "ingress">;
export type ClientFlowNode = Node<ClientData, "client">;
export type ExternalFlowNode = Node<ExternalData, "external">;
export type GatewayClassFlowNode = Node<GatewayClassData, "gatewayClass">;
export type GatewayFlowNode = Node<GatewayData, "gateway">;
export type HTTPRouteFlowNode = Node<HTTPRouteData, "httpRoute">;
export type ClusterFlowNode =
  | KubeNodeFlowNode
  | PodFlowNode
  | ServiceFlowNode
  | ServiceGroupFlowNode
  | LoadBalancerFlowNode
  | IngressFlowNode
  | ClientFlowNode
  | ExternalFlowNode
  | GatewayClassFlowNode
  | GatewayFlowNode
  | HTTPRouteFlowNode;

/** What an edge stands for: a possible route, an endpoint (ready, or removed from service), or a hop taken. */
export type RouteKind = "route" | "endpoint" | "removed" | "cname" | "trace" | "pool" | "ejected";
export type RouteData = {
  kind: RouteKind;
  path: string;
  points: Point[];
  /** A few words drawn on the edge (when a load balancer ejected the node). */
  label?: string;
  /** A Service's link to an endpoint or CNAME target: the Service's colour (SERVICE_COLOURS). */
  colour?: number;
};
export type RouteFlowEdge = Edge<RouteData, "route">;

export interface GraphModel {
  nodes: ClusterFlowNode[];
  edges: RouteFlowEdge[];
  /** Where packets and edges attach, in flow coordinates: each box, or a node group's header strip. */
  anchors: Map<Ref, Rect>;
  /** Each drawn box, in flow coordinates. */
  boxes: Map<Ref, Rect>;
  /** Refs not drawn on their own (folded CoreDNS pods, a closed node's pods, a closed namespace's Services) and the box that stands for them. */
  aliases: Map<Ref, Ref>;
  /** What each Service's EndpointSlices point at (the engine's, never re-derived), lit on hover. */
  endpoints: Map<Ref, Ref[]>;
  /** Each Service's selector, so a pod among its endpoints can mark the labels that matched. */
  selectors: Map<Ref, Record<string, string>>;
  /** Routes between boxes through the gaps between them: edges and packets take the same ones. */
  router: Router;
  /** What the router keeps routes out of: a copy of the model made elsewhere (the layout worker) rebuilds its router from them. */
  obstacles: Obstacle[];
  /** Drawn compact (see COMPACT_PODS): pods show only in the nodes the learner opened. */
  compact: boolean;
}

/** A layout as its maker keeps it: with its router's routes, which the next layout keeps where nothing moved. */
export type LaidOutModel = GraphModel & { routes: RouteMemory };

export interface LayoutOptions {
  /** Fold CoreDNS pods into the kube-dns Service so they do not crowd small lessons. */
  foldDns: boolean;
  /** Hosts outside the cluster that traces reached, beyond those the manifests name. */
  externalHosts?: readonly string[];
  /** The cluster's Ingresses, as the engine worker summarised them. */
  ingresses?: readonly IngressSummary[];
  /** The drawing this one replaces: the objects still there keep their order in it. */
  previous?: { readonly nodes: readonly ClusterFlowNode[] } | null;
  /** In a compact drawing, the nodes whose pods are drawn and the namespaces whose Services are (refs). */
  openNodes?: ReadonlySet<Ref>;
  /** The routes of the layout before: kept where nothing moved across them (incremental layout). */
  routes?: RouteMemory;
}

/** `items` in lists by key, each in the items' order. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const compareRefs = (a: Ref, b: Ref) => (a < b ? -1 : a > b ? 1 : 0);

/** Objects drawn before in their drawn order, then new ones by ref. */
function drawnOrder(previous: LayoutOptions["previous"]): (a: Ref, b: Ref) => number {
  const rank = new Map((previous?.nodes ?? []).map((n, i) => [n.id, i]));
  return (a, b) => {
    const [ra, rb] = [rank.get(a), rank.get(b)];
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined || rb !== undefined) return ra !== undefined ? -1 : 1;
    return compareRefs(a, b);
  };
}
const DNS_SERVICE = "svc/kube-system/kube-dns";

/** How many colours the Services' links take in turn (RouteEdge's SERVICE_COLOURS). */
export const SERVICE_COLOUR_COUNT = 8;
/** Flow units between the lanes of two Services' links along a shared gap, so they run side by side. */
const LANE_GAP = 3;
/** The most a lane is moved off the gap's middle: a group gap is 24 wide. */
const LANE_LIMIT = 9;

/** Lays the cluster out as React Flow nodes (ids are DESIGN.md refs) and the edges between them. */
export function layoutCluster(cluster: Cluster, options: LayoutOptions): LaidOutModel {
  const nodes: ClusterFlowNode[] = [];
  const edges: RouteFlowEdge[] = [];
  const anchors = new Map<Ref, Rect>();
  const boxes = new Map<Ref, Rect>();
  const aliases = new Map<Ref, Ref>();
  const targets = endpointTargets(cluster);
  const place = (ref: Ref, box: Rect, anchor: Rect = box) => {
    boxes.set(ref, box);
    anchors.set(ref, anchor);
  };

  const dnsService = cluster.services.find((s) => s.ref === DNS_SERVICE);
  const dnsPods = new Set((targets.get(DNS_SERVICE) ?? []).map((t) => t.ref).filter((ref) => isPodRef(ref)));
  const folded = options.foldDns && dnsService ? dnsPods : new Set<Ref>();
  for (const ref of folded) aliases.set(ref, DNS_SERVICE);
  const failedNodes = new Set(cluster.nodes.filter((n) => n.failed).map((n) => n.name));
  const order = drawnOrder(options.previous);
  const byRef = <T extends { ref: Ref }>(a: T, b: T) => order(a.ref, b.ref);

  // A compact drawing wraps the Services and the nodes into columns of `rows` boxes each, so the
  // picture is about as wide as it is high; otherwise each is one column.
  const compact =
    cluster.pods.length - folded.size > COMPACT_PODS || cluster.services.length > COMPACT_SERVICES;

  // Column 1: Services (past GROUPED_SERVICES, a box per namespace, its Services after it once opened),
  // then Ingresses.
  const services = [...cluster.services].sort(byRef);
  const colours = new Map(services.map((service, i) => [service.ref, i % SERVICE_COLOUR_COUNT]));
  const column = serviceColumn(services, services.length > GROUPED_SERVICES, options.openNodes);
  // Looked up by Service, not searched for each one: 5,000 Services each searching 5,000 slices was
  // most of a second in the layout worker.
  const slicesOf = groupBy(cluster.endpointSlices, (s) => s.service);
  const gap = compact ? SIZES.compactColumnGap : SIZES.columnGap;
  const columns = servicesColumns(gap);
  const rows = compact
    ? compactRows(column.length, cluster.nodes.length)
    : { services: Math.max(1, column.length), nodes: Math.max(1, cluster.nodes.length) };
  const serviceColumns = Math.max(1, Math.ceil(column.length / rows.services));
  column.forEach((item, i) => {
    const box = {
      x: columns.x + Math.floor(i / rows.services) * columns.stride,
      y: (i % rows.services) * SERVICE_PITCH,
      ...SIZES.service,
    };
    if (item.kind === "group") {
      const ref = serviceGroupRef(item.namespace);
      nodes.push({
        id: ref,
        type: "serviceGroup",
        position: box,
        ...SIZES.service,
        selectable: false,
        data: { namespace: item.namespace, services: item.services.length, open: item.open },
      });
      place(ref, box);
      // A closed namespace stands for its Services: packets to one of them go to its box.
      if (!item.open) for (const service of item.services) aliases.set(service.ref, ref);
      return;
    }
    const { service } = item;
    const endpoints = (slicesOf.get(service.ref) ?? []).flatMap((s) => s.endpoints);
    nodes.push({
      id: service.ref,
      type: "service",
      position: box,
      ...SIZES.service,
      data: {
        service,
        colour: colours.get(service.ref) ?? 0,
        endpoints: endpoints.length,
        readyEndpoints: endpoints.filter((e) => e.conditions.ready).length,
        foldedPods: service.ref === DNS_SERVICE ? folded.size : 0,
        dns: service.ref === DNS_SERVICE && dnsPods.size > 0,
      },
    });
    place(service.ref, box);
  });
  const ingresses = options.ingresses ?? [];
  const ingressTop = Math.min(column.length, rows.services) * SERVICE_PITCH;
  let gatewayTop = ingressTop;
  for (const { ref, box, data } of placeIngresses(ingresses, columns.x, ingressTop, SIZES.rowGap)) {
    nodes.push({ id: ref, type: "ingress", position: box, width: box.width, height: box.height, data });
    place(ref, box);
    gatewayTop = box.y + box.height + SIZES.rowGap;
  }
  // Then Gateway API: classes, Gateways, HTTPRoutes.
  for (const node of placeGatewayApi(cluster, columns.x, gatewayTop, SIZES.rowGap)) {
    nodes.push(node);
    place(node.id, { ...node.position, width: node.width ?? 0, height: node.height ?? 0 });
  }

  // Column 0, outside the cluster: the client; cloud load balancers, each level with what it sends
  // to when there is room; then every host outside the cluster.
  const client: Rect = { x: 0, y: 0, ...SIZES.client };
  nodes.push({
    id: CLIENT_REF,
    type: "client",
    position: client,
    ...SIZES.client,
    data: { ip: cluster.settings.externalClientIP },
  });
  place(CLIENT_REF, client);
  const balancers = [
    ...services
      .filter((s) => s.type === "LoadBalancer")
      .map((s) => ({ ref: lbRef(s.namespace, s.name), ips: lbAddresses(s), target: s.ref })),
    ...ingressLoadBalancers(ingresses),
  ];
  let outsideBottom = client.height + SIZES.rowGap;
  const drawnAs = (ref: Ref) => aliases.get(ref) ?? ref;
  for (const lb of balancers) {
    const level = boxes.get(drawnAs(lb.target))?.y ?? 0;
    const box = { x: 0, y: Math.max(level, outsideBottom), ...SIZES.lb };
    outsideBottom = box.y + box.height + SIZES.rowGap;
    nodes.push({ id: lb.ref, type: "loadBalancer", position: box, ...SIZES.lb, data: lb });
    place(lb.ref, box);
  }
  const hosts = new Set<string>([
    ...Object.keys(cluster.settings.externalHosts),
    ...cluster.services.flatMap((s) => (s.externalName ? [s.externalName] : [])),
    // The addresses selector-less Services' hand-written EndpointSlices send to.
    ...[...targets.values()].flatMap((ts) =>
      ts.flatMap((t) => (isExternalRef(t.ref) ? [refLabel(t.ref)] : [])),
    ),
    ...(options.externalHosts ?? []),
  ]);
  [...hosts]
    .sort((a, b) => order(externalRef(a), externalRef(b)))
    .forEach((host, i) => {
      const ref = externalRef(host);
      const box = {
        x: 0,
        y: outsideBottom + SIZES.rowGap + i * (SIZES.external.height + SIZES.rowGap),
        ...SIZES.external,
      };
      nodes.push({
        id: ref,
        type: "external",
        position: box,
        ...SIZES.external,
        data: { host, ip: cluster.settings.externalHosts[host] ?? null },
      });
      place(ref, box);
    });

  // Column 2: one group per node, its pods in one row inside it.
  const podsByNode = groupBy(
    [...cluster.pods].sort(byRef).filter((pod) => !folded.has(pod.ref)),
    (pod) => pod.nodeName ?? "",
  );
  const podStride = SIZES.pod.width + SIZES.groupPad;
  const groupWidth = (count: number) => Math.max(SIZES.groupMinWidth, SIZES.groupPad + count * podStride);
  const parents = new Map<Ref, Ref>();
  const unreachableOn = (pod: PodState) => pod.nodeName !== null && failedNodes.has(pod.nodeName);
  const placePods = (pods: readonly PodState[], origin: { x: number; y: number }, parent: Ref | null) => {
    pods.forEach((pod, i) => {
      const relative = { x: SIZES.groupPad + i * podStride, y: parent ? SIZES.groupHeader : 0 };
      const box = { x: origin.x + relative.x, y: origin.y + relative.y, ...SIZES.pod };
      nodes.push({
        id: pod.ref,
        type: "pod",
        position: parent ? relative : { x: box.x, y: box.y },
        ...SIZES.pod,
        ...(parent ? { parentId: parent, extent: "parent" as const } : {}),
        data: { pod, unreachable: unreachableOn(pod) },
      });
      place(pod.ref, box);
      if (parent) parents.set(pod.ref, parent);
    });
  };
  const kubeNodes = [...cluster.nodes].sort(byRef);
  const nodesX = columns.x + serviceColumns * columns.stride;
  const isOpen = (node: NodeState) => !compact || (options.openNodes?.has(node.ref) ?? false);
  const widths = kubeNodes.map((node) =>
    isOpen(node) ? groupWidth(podsByNode.get(node.name)?.length ?? 0) : SIZES.groupMinWidth,
  );
  // Each column of nodes is as wide as its widest node: an opened node moves the columns after it.
  const columnX = [nodesX];
  for (let i = 0; i < kubeNodes.length; i += rows.nodes) {
    const widest = Math.max(...widths.slice(i, i + rows.nodes));
    columnX.push((columnX[columnX.length - 1] ?? nodesX) + widest + gap);
  }
  kubeNodes.forEach((node, i) => {
    const pods = podsByNode.get(node.name) ?? [];
    const open = isOpen(node);
    const box = {
      x: columnX[Math.floor(i / rows.nodes)] ?? nodesX,
      y: (i % rows.nodes) * GROUP_STRIDE,
      width: widths[i] ?? SIZES.groupMinWidth,
      height: GROUP_HEIGHT,
    };
    nodes.push({
      id: node.ref,
      type: "kubeNode",
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: {
        node,
        podCount: pods.length,
        openable: compact,
        open,
        chips: open
          ? []
          : pods.map((pod) => ({
              ref: pod.ref,
              name: pod.name,
              state: podDrawnState(pod, unreachableOn(pod)),
            })),
      },
    });
    place(node.ref, box, { x: box.x, y: box.y, width: SIZES.groupMinWidth, height: SIZES.groupHeader });
    if (open) placePods(pods, box, node.ref);
    // A closed node stands for its pods: packets to one of them go to the node.
    else for (const pod of pods) aliases.set(pod.ref, node.ref);
  });
  // Pods no node took (Pending) wait in a row below the nodes.
  placePods(
    podsByNode.get("") ?? [],
    { x: nodesX, y: Math.min(kubeNodes.length, rows.nodes) * GROUP_STRIDE },
    null,
  );

  const blocked = obstacles(boxes, anchors, parents);
  const router = createRouter(blocked, options.routes);
  // Edges: the routes a request may take, drawn once.
  // To the boxes that stand for them, once each: the routes to a closed namespace's Services go to its box.
  const connected = new Set<string>();
  const connect = (source: Ref, target: Ref, kind: RouteKind) => {
    const edge = routeEdge(router, drawnAs(source), drawnAs(target), kind);
    if (!edge || connected.has(edge.id)) return;
    connected.add(edge.id);
    edges.push(edge);
  };
  for (const lb of balancers) {
    connect(CLIENT_REF, lb.ref, "route");
    connect(lb.ref, lb.target, "route");
  }
  const selectors = new Map<Ref, Record<string, string>>();
  const endpoints = new Map<Ref, Ref[]>();
  // Each Service's links in its own colour and lane, so two Services' links that share a gap run side
  // by side instead of merging into one trunk.
  const linked = new Map(
    services.filter((s) => s.externalName || targets.has(s.ref)).map((s, i) => [s.ref, i] as const),
  );
  // A closed namespace's box links once to each closed node (or drawn pod) holding its Services' endpoints.
  const groupLinks = new Map<Ref, Map<Ref, boolean>>();
  services.forEach((service) => {
    const colour = colours.get(service.ref) ?? 0;
    const lane = (linked.get(service.ref) ?? -1) - (linked.size - 1) / 2;
    const offset = Math.max(-LANE_LIMIT, Math.min(LANE_LIMIT, lane * LANE_GAP));
    const link = (target: Ref, kind: RouteKind, label?: string) => {
      const points = router.route(service.ref, target);
      if (points)
        edges.push(
          withData(edgeAlong(service.ref, target, kind, offsetLanes(points, offset)), { colour, label }),
        );
    };
    // An ExternalName Service is a CNAME record: its link goes to the name it answers with.
    if (service.externalName) link(externalRef(service.externalName), "cname", "CNAME");
    const listed = targets.get(service.ref) ?? [];
    endpoints.set(
      service.ref,
      listed.map((t) => t.ref),
    );
    if (service.selector && listed.length > 0) selectors.set(service.ref, service.selector);
    const group = aliases.get(service.ref);
    if (group) {
      const holders = groupLinks.get(group) ?? new Map<Ref, boolean>();
      groupLinks.set(group, holders);
      for (const { ref, ready } of listed) {
        const holder = drawnAs(ref);
        if (!folded.has(ref) && boxes.has(holder)) holders.set(holder, ready || holders.get(holder) === true);
      }
      return;
    }
    // One edge per closed node holding some of the Service's pods: an endpoint edge if any is ready.
    const closed = new Map<Ref, boolean>();
    for (const { ref, ready } of listed) {
      if (folded.has(ref)) continue;
      const node = aliases.get(ref);
      if (node && isNodeRef(node)) closed.set(node, ready || closed.get(node) === true);
      else link(ref, ready ? "endpoint" : "removed");
    }
    for (const [node, ready] of closed) {
      const edge = acrossColumns(
        service.ref,
        node,
        { boxes, anchors, nodesX },
        ready ? "endpoint" : "removed",
      );
      if (edge) edges.push(withData(edge, { colour }));
    }
  });
  for (const [group, holders] of groupLinks) {
    for (const [holder, ready] of holders) {
      const kind = ready ? "endpoint" : "removed";
      const edge = isNodeRef(holder)
        ? acrossColumns(group, holder, { boxes, anchors, nodesX }, kind)
        : routeEdge(router, group, holder, kind);
      if (edge) edges.push(edge);
    }
  }
  for (const [source, target] of ingressRoutes(ingresses, cluster.pods)) connect(source, target, "route");
  for (const [source, target] of gatewayRoutes(cluster)) connect(source, target, "route");
  return {
    nodes,
    edges,
    anchors,
    boxes,
    aliases,
    endpoints,
    selectors,
    router,
    obstacles: blocked,
    compact,
    routes: router.memory,
  };
}

/**
 * What the router must keep routes out of, and where each box may be entered: pods from below (their
 * node's header is above them, and the gap under the group runs past every pod of the row); a node
 * from the left at its header; every other box from either side.
 */
function obstacles(
  boxes: ReadonlyMap<Ref, Rect>,
  anchors: ReadonlyMap<Ref, Rect>,
  parents: ReadonlyMap<Ref, Ref>,
): Obstacle[] {
  return [...boxes].map(([ref, rect]) => {
    const anchor = anchors.get(ref) ?? rect;
    const y = anchor.y + anchor.height / 2;
    const ports: Port[] = isPodRef(ref)
      ? [{ x: rect.x + rect.width / 2, y: rect.y + rect.height, side: "bottom" }]
      : isNodeRef(ref)
        ? [{ x: rect.x, y, side: "left" }]
        : [
            { x: rect.x, y, side: "left" },
            { x: rect.x + rect.width, y, side: "right" },
          ];
    return { id: ref, rect, parent: parents.get(ref) ?? null, ports };
  });
}

type ServiceColumnItem =
  | { kind: "service"; service: ServiceState }
  | { kind: "group"; namespace: string; services: ServiceState[]; open: boolean };

/**
 * The Services column, top to bottom: each Service; or, `grouped`, each namespace's box (in the order
 * of its first Service) followed by its Services when it is open.
 */
function serviceColumn(
  services: readonly ServiceState[],
  grouped: boolean,
  open: ReadonlySet<Ref> | undefined,
): ServiceColumnItem[] {
  if (!grouped) return services.map((service) => ({ kind: "service", service }));
  const byNamespace = new Map<string, ServiceState[]>();
  for (const service of services) {
    const list = byNamespace.get(service.namespace) ?? [];
    list.push(service);
    byNamespace.set(service.namespace, list);
  }
  return [...byNamespace].flatMap(([namespace, members]): ServiceColumnItem[] => {
    const opened = open?.has(serviceGroupRef(namespace)) ?? false;
    return [
      { kind: "group", namespace, services: members, open: opened },
      ...(opened ? members.map((service) => ({ kind: "service" as const, service })) : []),
    ];
  });
}

/** How many Services and how many nodes a compact drawing puts in each column. */
function compactRows(services: number, nodes: number): { services: number; nodes: number } {
  const area =
    services * COMPACT_COLUMNS.stride * SERVICE_PITCH +
    nodes * (SIZES.groupMinWidth + SIZES.compactColumnGap) * GROUP_STRIDE;
  const height = Math.sqrt(area / COMPACT_ASPECT);
  return {
    services: Math.max(1, Math.floor(height / SERVICE_PITCH)),
    nodes: Math.max(1, Math.floor(height / GROUP_STRIDE)),
  };
}

/**
 * A Service's edge to a closed node, drawn without a search along channels nothing stands in: out of
 * the Service's right side into the gap after its column, down to the gap under its row (the rows of
 * every Service column line up), across to the gap before the nodes, to the gap above the node's row,
 * along it to the gap before the node's column, and into the node's header from the left. A compact
 * drawing has a thousand of these; the router's search for each would block the page for seconds.
 */
function acrossColumns(
  source: Ref,
  target: Ref,
  at: { boxes: ReadonlyMap<Ref, Rect>; anchors: ReadonlyMap<Ref, Rect>; nodesX: number },
  kind: RouteKind,
): RouteFlowEdge | null {
  const from = at.boxes.get(source);
  const to = at.boxes.get(target);
  const header = at.anchors.get(target);
  if (!from || !to || !header) return null;
  const y = from.y + from.height / 2;
  const yNode = header.y + header.height / 2;
  const afterColumn = from.x + from.width + SIZES.compactColumnGap / 2;
  const underRow = from.y + from.height + SIZES.rowGap / 2;
  const beforeNodes = at.nodesX - SIZES.compactColumnGap / 2;
  const overRow = to.y - SIZES.groupGap / 2;
  const beforeColumn = to.x - SIZES.compactColumnGap / 2;
  return edgeAlong(
    source,
    target,
    kind,
    simplify([
      { x: from.x + from.width, y },
      { x: afterColumn, y },
      { x: afterColumn, y: underRow },
      { x: beforeNodes, y: underRow },
      { x: beforeNodes, y: overRow },
      { x: beforeColumn, y: overRow },
      { x: beforeColumn, y: yNode },
      { x: to.x, y: yNode },
    ]),
  );
}

/** An edge between two drawn refs along the route between them; null when either is not drawn or no route exists. */
export function routeEdge(router: Router, source: Ref, target: Ref, kind: RouteKind): RouteFlowEdge | null {
  const points = router.route(source, target);
  return points ? edgeAlong(source, target, kind, points) : null;
}

function edgeAlong(source: Ref, target: Ref, kind: RouteKind, points: Point[]): RouteFlowEdge {
  return {
    id: `${kind}:${source}->${target}`,
    source,
    target,
    type: "route",
    data: { kind, path: roundedPath(points), points },
    selectable: false,
    focusable: false,
  };
}

function withData(edge: RouteFlowEdge, extra: Partial<RouteData>): RouteFlowEdge {
  const defined = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
  return edge.data ? { ...edge, data: { ...edge.data, ...defined } } : edge;
}

/** The drawn box that stands for a ref: itself, the box it is folded into, or the client for `external`. */
export function resolveRef(model: Pick<GraphModel, "anchors" | "aliases">, ref: Ref): Ref | null {
  if (model.anchors.has(ref)) return ref;
  const alias = model.aliases.get(ref);
  if (alias) return alias;
  if (isClientRef(ref)) return CLIENT_REF;
  return null;
}
