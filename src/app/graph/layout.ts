import type { Edge, Node } from "@xyflow/react";
import type { Cluster, NodeState, PodState, Ref, ServiceState } from "../../engine/index.ts";
import { matchesLabels } from "../../engine/index.ts";
import type { IngressSummary } from "../engine/ingresses.ts";
import { type Cubic, cubicPath, curveBetween, type Rect } from "./geometry.ts";
import { type IngressData, ingressLoadBalancers, ingressRoutes, placeIngresses } from "./ingress.ts";

// The layout is a set of fixed columns, left to right in the direction traffic enters the cluster:
// clients and outside hosts | cloud load balancers | Services and Ingresses | nodes holding their pods.
// Every position depends only on the object's own column and its sort key, so one change moves
// nothing else: a pod added to a node widens that node's group alone (its pods sit in one row), and
// groups are stacked with a fixed height. A general layered layout (dagre, elk) re-ranks the whole
// graph on each change, which is the jumping the learner must not see.
export const SIZES = {
  client: { width: 170, height: 60 },
  external: { width: 190, height: 56 },
  lb: { width: 190, height: 64 },
  service: { width: 210, height: 92 },
  pod: { width: 160, height: 78 },
  groupHeader: 62,
  groupPad: 12,
  groupMinWidth: 300,
  rowGap: 24,
  columnGap: 110,
} as const;

const GROUP_HEIGHT = SIZES.groupHeader + SIZES.pod.height + SIZES.groupPad;
const COLUMN_X = [
  0,
  SIZES.client.width + SIZES.columnGap,
  SIZES.client.width + SIZES.lb.width + 2 * SIZES.columnGap,
  SIZES.client.width + SIZES.lb.width + SIZES.service.width + 3 * SIZES.columnGap,
] as const;

export const CLIENT_REF = "client/external";

export type KubeNodeData = { node: NodeState; podCount: number };
export type PodData = { pod: PodState; unreachable: boolean };
export type ServiceData = {
  service: ServiceState;
  endpoints: number;
  readyEndpoints: number;
  /** For kube-dns: how many CoreDNS pods it stands for while they are folded away. */
  foldedPods: number;
  dns: boolean;
};
export type LoadBalancerData = { ref: Ref; ips: string[]; target: Ref };
export type { IngressData };
export type ClientData = { ip: string };
export type ExternalData = { host: string; ip: string | null };

export type KubeNodeFlowNode = Node<KubeNodeData, "kubeNode">;
export type PodFlowNode = Node<PodData, "pod">;
export type ServiceFlowNode = Node<ServiceData, "service">;
export type LoadBalancerFlowNode = Node<LoadBalancerData, "loadBalancer">;
export type IngressFlowNode = Node<IngressData, "ingress">;
export type ClientFlowNode = Node<ClientData, "client">;
export type ExternalFlowNode = Node<ExternalData, "external">;
export type ClusterFlowNode =
  | KubeNodeFlowNode
  | PodFlowNode
  | ServiceFlowNode
  | LoadBalancerFlowNode
  | IngressFlowNode
  | ClientFlowNode
  | ExternalFlowNode;

/** What an edge stands for: a possible route, an endpoint (ready, or removed from service), or a hop taken. */
export type RouteKind = "route" | "endpoint" | "removed" | "trace";
export type RouteData = { kind: RouteKind; path: string; curve: Cubic };
export type RouteFlowEdge = Edge<RouteData, "route">;

export interface GraphModel {
  nodes: ClusterFlowNode[];
  edges: RouteFlowEdge[];
  /** Where packets and edges attach, in flow coordinates: each box, or a node group's header strip. */
  anchors: Map<Ref, Rect>;
  /** Each drawn box, in flow coordinates. */
  boxes: Map<Ref, Rect>;
  /** Refs not drawn on their own (folded CoreDNS pods) and the box that stands for them. */
  aliases: Map<Ref, Ref>;
  /** Pods each Service's selector chooses, for highlighting on hover. */
  selected: Map<Ref, Ref[]>;
}

export interface LayoutOptions {
  /** Fold CoreDNS pods into the kube-dns Service so they do not crowd small lessons. */
  foldDns: boolean;
  /** Hosts outside the cluster that traces reached, beyond those the manifests name. */
  externalHosts?: readonly string[];
  /** The cluster's Ingresses, as the engine worker summarised them. */
  ingresses?: readonly IngressSummary[];
}

const byRef = <T extends { ref: Ref }>(a: T, b: T) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
const DNS_SERVICE = "svc/kube-system/kube-dns";

function selectedPods(cluster: Cluster): Map<Ref, Ref[]> {
  const selected = new Map<Ref, Ref[]>();
  for (const service of cluster.services) {
    const { selector } = service;
    if (!selector || Object.keys(selector).length === 0) continue;
    selected.set(
      service.ref,
      cluster.pods
        .filter((p) => p.namespace === service.namespace && matchesLabels(selector, p.labels))
        .map((p) => p.ref),
    );
  }
  return selected;
}

/** Lays the cluster out as React Flow nodes (ids are DESIGN.md refs) and the edges between them. */
export function layoutCluster(cluster: Cluster, options: LayoutOptions): GraphModel {
  const nodes: ClusterFlowNode[] = [];
  const edges: RouteFlowEdge[] = [];
  const anchors = new Map<Ref, Rect>();
  const boxes = new Map<Ref, Rect>();
  const aliases = new Map<Ref, Ref>();
  const selected = selectedPods(cluster);
  const place = (ref: Ref, box: Rect, anchor: Rect = box) => {
    boxes.set(ref, box);
    anchors.set(ref, anchor);
  };

  const dnsService = cluster.services.find((s) => s.ref === DNS_SERVICE);
  const dnsPods = new Set(dnsService ? (selected.get(dnsService.ref) ?? []) : []);
  const folded = options.foldDns && dnsService ? dnsPods : new Set<Ref>();
  for (const ref of folded) aliases.set(ref, DNS_SERVICE);
  const failedNodes = new Set(cluster.nodes.filter((n) => n.failed).map((n) => n.name));

  // Column 0: the client, then every host outside the cluster.
  const client: Rect = { x: COLUMN_X[0], y: 0, ...SIZES.client };
  nodes.push({
    id: CLIENT_REF,
    type: "client",
    position: client,
    ...SIZES.client,
    data: { ip: cluster.settings.externalClientIP },
  });
  place(CLIENT_REF, client);
  const hosts = new Set<string>([
    ...Object.keys(cluster.settings.externalHosts),
    ...cluster.services.flatMap((s) => (s.externalName ? [s.externalName] : [])),
    ...(options.externalHosts ?? []),
  ]);
  [...hosts].sort().forEach((host, i) => {
    const ref = `external/${host}`;
    const box = {
      x: COLUMN_X[0],
      y: SIZES.client.height + SIZES.rowGap * 3 + i * (SIZES.external.height + SIZES.rowGap),
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

  // Column 2: Services, then Ingresses.
  const services = [...cluster.services].sort(byRef);
  services.forEach((service, i) => {
    const box = { x: COLUMN_X[2], y: i * (SIZES.service.height + SIZES.rowGap), ...SIZES.service };
    const endpoints = cluster.endpointSlices
      .filter((s) => s.service === service.ref)
      .flatMap((s) => s.endpoints);
    nodes.push({
      id: service.ref,
      type: "service",
      position: box,
      ...SIZES.service,
      data: {
        service,
        endpoints: endpoints.length,
        readyEndpoints: endpoints.filter((e) => e.conditions.ready).length,
        foldedPods: service.ref === DNS_SERVICE ? folded.size : 0,
        dns: service.ref === DNS_SERVICE && dnsPods.size > 0,
      },
    });
    place(service.ref, box);
  });
  const ingresses = options.ingresses ?? [];
  const ingressTop = services.length * (SIZES.service.height + SIZES.rowGap);
  for (const { ref, box, data } of placeIngresses(ingresses, COLUMN_X[2], ingressTop, SIZES.rowGap)) {
    nodes.push({ id: ref, type: "ingress", position: box, width: box.width, height: box.height, data });
    place(ref, box);
  }

  // Column 1: cloud load balancers, each level with what it sends to.
  const balancers = [
    ...services
      .filter((s) => s.type === "LoadBalancer")
      .map((s) => ({ ref: `lb/${s.namespace}/${s.name}`, ips: s.loadBalancerIPs, target: s.ref })),
    ...ingressLoadBalancers(ingresses),
  ];
  let lbBottom = 0;
  for (const lb of balancers) {
    const level = boxes.get(lb.target)?.y ?? 0;
    const box = { x: COLUMN_X[1], y: Math.max(level, lbBottom), ...SIZES.lb };
    lbBottom = box.y + box.height + SIZES.rowGap;
    nodes.push({ id: lb.ref, type: "loadBalancer", position: box, ...SIZES.lb, data: lb });
    place(lb.ref, box);
  }

  // Column 3: one group per node, its pods in one row inside it.
  const podsByNode = new Map<string, PodState[]>();
  for (const pod of [...cluster.pods].sort(byRef)) {
    if (folded.has(pod.ref)) continue;
    const key = pod.nodeName ?? "";
    podsByNode.set(key, [...(podsByNode.get(key) ?? []), pod]);
  }
  const podStride = SIZES.pod.width + SIZES.groupPad;
  const groupWidth = (count: number) => Math.max(SIZES.groupMinWidth, SIZES.groupPad + count * podStride);
  const placePods = (pods: readonly PodState[], origin: { x: number; y: number }, parent: Ref | null) => {
    pods.forEach((pod, i) => {
      const relative = { x: SIZES.groupPad + i * podStride, y: parent ? SIZES.groupHeader : 0 };
      const box = { x: origin.x + relative.x, y: origin.y + relative.y, ...SIZES.pod };
      const unreachable = pod.nodeName !== null && failedNodes.has(pod.nodeName);
      nodes.push({
        id: pod.ref,
        type: "pod",
        position: parent ? relative : { x: box.x, y: box.y },
        ...SIZES.pod,
        ...(parent ? { parentId: parent, extent: "parent" as const } : {}),
        data: { pod, unreachable },
      });
      place(pod.ref, box);
    });
  };
  const kubeNodes = [...cluster.nodes].sort(byRef);
  kubeNodes.forEach((node, i) => {
    const pods = podsByNode.get(node.name) ?? [];
    const box = {
      x: COLUMN_X[3],
      y: i * (GROUP_HEIGHT + SIZES.rowGap),
      width: groupWidth(pods.length),
      height: GROUP_HEIGHT,
    };
    nodes.push({
      id: node.ref,
      type: "kubeNode",
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { node, podCount: pods.length },
    });
    place(node.ref, box, { x: box.x, y: box.y, width: SIZES.groupMinWidth, height: SIZES.groupHeader });
    placePods(pods, box, node.ref);
  });
  // Pods no node took (Pending) wait in a row below the nodes.
  placePods(
    podsByNode.get("") ?? [],
    { x: COLUMN_X[3], y: kubeNodes.length * (GROUP_HEIGHT + SIZES.rowGap) },
    null,
  );

  // Edges: the routes a request may take, drawn once.
  const connect = (source: Ref, target: Ref, kind: RouteKind) => {
    const edge = routeEdge(anchors, source, target, kind);
    if (edge) edges.push(edge);
  };
  for (const lb of balancers) {
    connect(CLIENT_REF, lb.ref, "route");
    connect(lb.ref, lb.target, "route");
  }
  for (const service of services) {
    if (service.externalName) connect(service.ref, `external/${service.externalName}`, "route");
    const listed = new Map<Ref, boolean>();
    for (const slice of cluster.endpointSlices.filter((s) => s.service === service.ref)) {
      for (const endpoint of slice.endpoints) {
        if (endpoint.targetRef)
          listed.set(
            endpoint.targetRef,
            endpoint.conditions.ready || listed.get(endpoint.targetRef) === true,
          );
      }
    }
    const chosen = new Set([...listed.keys(), ...(selected.get(service.ref) ?? [])]);
    for (const pod of chosen) {
      if (folded.has(pod)) continue;
      connect(service.ref, pod, listed.get(pod) ? "endpoint" : "removed");
    }
  }
  for (const [source, target] of ingressRoutes(ingresses, cluster.pods)) connect(source, target, "route");
  return { nodes, edges, anchors, boxes, aliases, selected };
}

/** An edge between two drawn refs, its curve computed from their anchors; null when either is not drawn. */
export function routeEdge(
  anchors: ReadonlyMap<Ref, Rect>,
  source: Ref,
  target: Ref,
  kind: RouteKind,
): RouteFlowEdge | null {
  const a = anchors.get(source);
  const b = anchors.get(target);
  if (!a || !b || source === target) return null;
  const curve = curveBetween(a, b);
  return {
    id: `${kind}:${source}->${target}`,
    source,
    target,
    type: "route",
    data: { kind, path: cubicPath(curve), curve },
    selectable: false,
    focusable: false,
  };
}

/** The drawn box that stands for a ref: itself, the box it is folded into, or the client for `external`. */
export function resolveRef(model: Pick<GraphModel, "anchors" | "aliases">, ref: Ref): Ref | null {
  if (model.anchors.has(ref)) return ref;
  const alias = model.aliases.get(ref);
  if (alias) return alias;
  if (ref === "external" || ref.startsWith("client/")) return CLIENT_REF;
  return null;
}
