import type { Cluster, LoadBalancerHealth, Ref, SimEvent } from "../../engine/index.ts";
import { lbRef } from "../../engine/index.ts";
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

/** A load balancer's node in its pool: healthy, or ejected since an instant (seconds) of the Time view. */
export interface PoolMember {
  node: Ref;
  ejectedAt: number | null;
  healthy: boolean;
}

/**
 * Each load balancer's pool of nodes, where new connections go. The Time view has the health checks'
 * verdict at the clock (and when each ejection happened, from the events); the Requests view shows
 * the state once the checks have reacted, as `--fail-node` does: a failed node is out of the pool.
 */
export function loadBalancerPools(
  cluster: Cluster,
  lbHealth: readonly LoadBalancerHealth[] | null,
  events: readonly SimEvent[],
  clock: number,
): Map<Ref, PoolMember[]> {
  const pools = new Map<Ref, PoolMember[]>();
  const lbs = cluster.services
    .filter((s) => s.type === "LoadBalancer")
    .map((s) => lbRef(s.namespace, s.name));
  for (const lb of lbs) {
    const health = lbHealth?.find((h) => h.lb === lb);
    pools.set(
      lb,
      cluster.nodes.map((node) => {
        const backend = health?.backends.find((b) => b.node === node.name);
        const healthy = backend ? backend.healthy : !node.failed;
        const removed = events.filter(
          (e) =>
            e.object === lb &&
            e.reason === REMOVED &&
            e.t <= clock &&
            e.text.code === "event.lb.backendRemoved" &&
            e.text.params.node === node.name,
        );
        return { node: node.ref, healthy, ejectedAt: healthy ? null : (removed.at(-1)?.t ?? null) };
      }),
    );
  }
  return pools;
}

type Health = readonly LoadBalancerHealth[] | null;

/** Whether two verdicts put the same nodes in and out of every load balancer's pool. */
function samePools(a: Health, b: Health): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((lb, i) => {
    const other = b[i];
    return (
      other?.lb === lb.lb &&
      other.backends.length === lb.backends.length &&
      lb.backends.every(
        (m, j) => other.backends[j]?.node === m.node && other.backends[j]?.healthy === m.healthy,
      )
    );
  });
}

/**
 * Keeps the last load-balancer health it was given while every node stays in or out of the same pools:
 * the checks' counts and times change every second of the clock, the pools (loadBalancerPools) only
 * when a node is ejected or taken back, so the graph that draws them re-renders only then.
 */
export function keepPools(): (health: Health) => Health {
  let kept: Health = null;
  return (health) => {
    if (!samePools(kept, health)) kept = health;
    return kept;
  };
}

/** When the last load balancer ejected a node, at or before `clock` (0 before any): loadBalancerPools' only use of the clock. */
export function lastEjection(events: readonly SimEvent[], clock: number): number {
  let last = 0;
  for (const e of events) if (e.reason === REMOVED && e.t <= clock && e.t > last) last = e.t;
  return last;
}

/** The edges from each load balancer to the nodes of its pool: cut (dashed, with when) for an ejected node. */
export function poolEdges(
  router: Router,
  pools: ReadonlyMap<Ref, readonly PoolMember[]>,
  ejectedText: (at: number | null) => string,
): RouteFlowEdge[] {
  return [...pools].flatMap(([lb, members]) =>
    members.flatMap((m) => {
      const kind: RouteKind = m.healthy ? "pool" : "ejected";
      const edge = routeEdge(router, lb, m.node, kind);
      if (!edge?.data) return [];
      return [m.healthy ? edge : { ...edge, data: { ...edge.data, label: ejectedText(m.ejectedAt) } }];
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
