import { type Cluster, isGatewayKind, type KubeObject, lbRef, type Ref } from "../../engine/index.ts";
import type { Point } from "./geometry.ts";
import { type GraphModel, type LaidOutModel, layoutCluster } from "./layout.ts";
import type { LayoutOptions } from "./layoutOptions.ts";
import { createRouter, type Router } from "./route.ts";

/** What the page asks the layout worker to draw. */
export interface LayoutRequest extends LayoutOptions {
  id: number;
  cluster: Cluster;
}

/** How the page asks for a layout: the worker's request without its message id. */
export type Layout = (request: Omit<LayoutRequest, "id">) => Promise<LaidOut>;

/** A layout as data (a router is code, which a worker cannot send) and the routes the page draws at once. */
export interface LaidOut {
  id: number;
  model: Omit<GraphModel, "router">;
  /** Routes found in the worker, by `source\ntarget`: each load balancer's to every node (its pool). */
  routes: [string, Point[] | null][];
}

const routeKey = (source: Ref, target: Ref) => `${source}\n${target}`;

/** An object's manifest as far as the drawing reads it: kind and name. */
const named = ({ apiVersion, kind, metadata }: KubeObject): KubeObject => ({ apiVersion, kind, metadata });

/** A pod, node, Service or EndpointSlice as the drawing reads it: its manifest cut to kind and name, without its source. */
function drawn<T extends { object: KubeObject; source?: unknown }>({
  source: _,
  ...state
}: T): Omit<T, "source"> {
  return { ...state, object: named(state.object) };
}

/** The kinds of the Gateway API objects the drawing reads whole (their status, their rules): gateway.ts. */
const GATEWAY_KINDS = ["GatewayClass", "Gateway", "HTTPRoute", "GRPCRoute", "TLSRoute", "ReferenceGrant"];

/**
 * The cluster as the layout reads it, to send to its worker: each pod's, node's, Service's and
 * EndpointSlice's manifest cut to its kind and name, without its source, the Gateway API objects alone
 * of the other objects, and no warnings. Those were most of the bytes copied to the worker, on the
 * page's thread (issue 16 item 3: for 5,000 Services, a task of 140 ms; for a 2 MiB import of 9,000
 * pods, 135 ms).
 */
export function layoutInput(cluster: Cluster): Cluster {
  return {
    ...cluster,
    pods: cluster.pods.map(drawn),
    nodes: cluster.nodes.map(drawn),
    services: cluster.services.map(drawn),
    endpointSlices: cluster.endpointSlices.map(drawn),
    objects: cluster.objects.filter((o) => GATEWAY_KINDS.some((kind) => isGatewayKind(o, kind))),
    warnings: [],
  };
}

/**
 * A request as the page sends it to the layout worker: its cluster cut to what the layout reads, as JSON
 * text, which the page writes in half the time the structured clone of the same objects takes (issue 16
 * item 3: for a 2 MiB import's 9,000 pods, a 76 ms task of the page's, 12 MB).
 */
export function layoutMessage(request: LayoutRequest): string {
  return JSON.stringify({ ...request, cluster: layoutInput(request.cluster) });
}

/**
 * The layout and the router behind one message handler (issue 15: at 1,000 pods, layoutCluster and
 * the router's searches blocked the page for most of a second). The layout keeps the order of the
 * drawing before it, which is the one it made last. Run in a Web Worker; called directly in tests.
 */
export function createLayoutService(): (request: LayoutRequest) => LaidOut {
  let previous: LaidOutModel | null = null;
  return (request) => {
    const model = layoutCluster(request.cluster, {
      foldDns: request.foldDns,
      externalHosts: request.externalHosts,
      ingresses: request.ingresses,
      previous,
      openNodes: new Set(request.openNodes),
      ...(previous ? { routes: previous.routes } : {}),
    });
    previous = model;
    const { router, routes: _, ...data } = model;
    // A route from every load balancer to every node, whichever its pool holds at a moment of the clock.
    const { services, nodes } = request.cluster;
    const lbs = services.filter((s) => s.type === "LoadBalancer").map((s) => lbRef(s.namespace, s.name));
    const routes = lbs.flatMap((lb) =>
      nodes.map(({ ref }): [string, Point[] | null] => [routeKey(lb, ref), router.route(lb, ref)]),
    );
    return { id: request.id, model: data, routes };
  };
}

/**
 * The model with a router again: the worker's routes at once, any other (a packet's hops) from a
 * router built on this thread the first time one is asked for, and kept.
 */
export function withRouter({ model, routes }: Pick<LaidOut, "model" | "routes">): GraphModel {
  const known = new Map(routes);
  let router: Router | null = null;
  return {
    ...model,
    router: {
      route(source, target) {
        const key = routeKey(source, target);
        const found = known.get(key);
        if (found !== undefined) return found;
        router ??= createRouter(model.obstacles);
        // Kept: the Time view asks for the same packets' routes every second of its clock.
        const route = router.route(source, target);
        known.set(key, route);
        return route;
      },
    },
  };
}
