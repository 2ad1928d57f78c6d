import type { PoolMember, Ref, SimEvent } from "../../engine/index.ts";
import { nodeRef } from "../../engine/index.ts";
import { type Point, roundedPath } from "./geometry.ts";
import { type RouteFlowEdge, type RouteKind, routeEdge } from "./layout.ts";
import type { Router } from "./route.ts";

/** A segment between two boxes (each route: the boxes a packet passed, plan.ts boxesPassed) that packets took, and how many of them (when more than one was drawn). */
export interface Flow {
  id: string;
  path: string;
  points: Point[];
  count: number | undefined;
}

/**
 * The segments a set of packets draws over the graph, one per pair of boxes, each with how many of
 * the packets took it: a batch reads as flows, wider where more went.
 */
export function flows(router: Router, routes: readonly (readonly Ref[])[]): Flow[] {
  const counts = new Map<string, { from: Ref; to: Ref; n: number }>();
  for (const route of routes) {
    const seen = new Set<string>();
    route.slice(1).forEach((to, i) => {
      const from = route[i] ?? to;
      const key = `${from}->${to}`;
      // A packet that passes a segment twice (out and back) counts once on it.
      if (seen.has(key)) return;
      seen.add(key);
      const known = counts.get(key);
      counts.set(key, { from, to, n: (known?.n ?? 0) + 1 });
    });
  }
  return [...counts].flatMap(([id, { from, to, n }]) => {
    const points = router.route(from, to);
    return points
      ? [{ id, path: roundedPath(points), points, count: routes.length > 1 ? n : undefined }]
      : [];
  });
}

const REMOVED = "LoadBalancerBackendRemoved";

/** A load balancer's edge to one of its nodes: in its pool, or ejected since an instant (seconds) of the Time view. */
export interface PoolEdgeEnd {
  node: Ref;
  inPool: boolean;
  ejectedAt: number | null;
}

/**
 * The engine's pools (loadBalancerPools: at the clock in the Time view, once the checks have reacted in
 * the Requests view) as the graph draws them: an ejected node's edge says when the events saw it leave,
 * at or before `clock`.
 */
export function drawnPools(
  pools: Iterable<readonly [Ref, readonly PoolMember[]]>,
  events: readonly SimEvent[],
  clock: number,
): Map<Ref, PoolEdgeEnd[]> {
  const drawn = new Map<Ref, PoolEdgeEnd[]>();
  for (const [lb, members] of pools) {
    drawn.set(
      lb,
      members.map(({ node, inPool }) => {
        const removed = inPool
          ? []
          : events.filter(
              (e) =>
                e.object === lb &&
                e.reason === REMOVED &&
                e.t <= clock &&
                e.text.code === "event.lb.backendRemoved" &&
                e.text.params.node === node,
            );
        return { node: nodeRef(node), inPool, ejectedAt: removed.at(-1)?.t ?? null };
      }),
    );
  }
  return drawn;
}

/** When the last load balancer ejected a node, at or before `clock` (0 before any): drawnPools' only use of the clock. */
export function lastEjection(events: readonly SimEvent[], clock: number): number {
  let last = 0;
  for (const e of events) if (e.reason === REMOVED && e.t <= clock && e.t > last) last = e.t;
  return last;
}

/** The edges from each load balancer to the nodes of its pool: cut (dashed, with when) for an ejected node. */
export function poolEdges(
  router: Router,
  pools: ReadonlyMap<Ref, readonly PoolEdgeEnd[]>,
  ejectedText: (at: number | null) => string,
): RouteFlowEdge[] {
  return [...pools].flatMap(([lb, members]) =>
    members.flatMap((m) => {
      const kind: RouteKind = m.inPool ? "pool" : "ejected";
      const edge = routeEdge(router, lb, m.node, kind);
      if (!edge?.data) return [];
      return [m.inPool ? edge : { ...edge, data: { ...edge.data, label: ejectedText(m.ejectedAt) } }];
    }),
  );
}

/** Whether two edges draw the same: React Flow redraws an edge whose object changed. */
export function drawnAlike(a: RouteFlowEdge, b: RouteFlowEdge): boolean {
  const [x, y] = [a.data, b.data];
  return (
    a.id === b.id &&
    x?.kind === y?.kind &&
    x?.path === y?.path &&
    x?.label === y?.label &&
    x?.colour === y?.colour
  );
}
