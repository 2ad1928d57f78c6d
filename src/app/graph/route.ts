import type { Point, Rect } from "./geometry.ts";

/**
 * Orthogonal edge routing through the gaps between boxes. Edges and packets take the same routes, so
 * neither ever passes through a box that is not its own: a route leaves its source from one of the
 * source's ports, runs along channel lines (the middle of the gaps between columns and between the
 * boxes of a column, and the lines through the ports), and enters the target through one of its ports.
 *
 * The search is A* over the grid those lines make, with a cost per bend so routes stay simple. A
 * segment is blocked by every box whose inside it crosses, except the groups holding the source or
 * the target (a pod's edge must cross its node's frame); crossing those costs extra, so a route
 * leaves a group by the shortest way.
 */

export type Side = "left" | "right" | "top" | "bottom";

export interface Port {
  x: number;
  y: number;
  /** The way a route leaves the box from this port. */
  side: Side;
}

export interface Obstacle {
  id: string;
  rect: Rect;
  /** The group box that holds this one, if any. */
  parent: string | null;
  ports: readonly Port[];
}

export interface Router {
  /** The route from one box to another as its corner points (first and last on the boxes' sides); null when either is unknown or no way exists. */
  route(source: string, target: string): Point[] | null;
}

/** The routes a router found, by `source\ntarget`, and the boxes it found them among. */
export interface RouteMemory {
  obstacles: readonly Obstacle[];
  routes: ReadonlyMap<string, Point[] | null>;
}

/** How far outside the outermost boxes the routes that go around everything run. */
const MARGIN = 24;
/** A bend costs as much as this many units of length. */
const BEND = 40;
/** Crossing the inside of a group that holds an end of the route costs this many times its length. */
const INSIDE_GROUP = 4;
/** Boxes count as this much larger, so no route runs along a box's border. */
const CLEARANCE = 3;

const DIRECTION: Record<Side, { dx: number; dy: number }> = {
  left: { dx: -1, dy: 0 },
  right: { dx: 1, dy: 0 },
  top: { dx: 0, dy: -1 },
  bottom: { dx: 0, dy: 1 },
};

function sortedUnique(values: Iterable<number>): number[] {
  const sorted = [...values].map((v) => Math.round(v * 100) / 100).sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}

/** Merges intervals and returns the middle of every gap between them. */
function gapMiddles(intervals: readonly (readonly [number, number])[]): number[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const middles: number[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of sorted) {
    if (from > end && end !== Number.NEGATIVE_INFINITY) middles.push((end + from) / 2);
    end = Math.max(end, to);
  }
  return middles;
}

/**
 * The channel lines of a layout: the middle of each vertical gap between columns of top-level boxes,
 * the middle of each gap between the boxes of one column, and lines just outside everything.
 */
export function channelLines(obstacles: readonly Obstacle[]): { xs: number[]; ys: number[] } {
  const top = obstacles.filter((o) => o.parent === null).map((o) => o.rect);
  if (top.length === 0) return { xs: [], ys: [] };
  const xs = gapMiddles(top.map((r) => [r.x, r.x + r.width] as const));
  const ys: number[] = [];
  // Columns: top-level boxes whose horizontal extents overlap, found by sweeping them left to right.
  const byX = [...top].sort((a, b) => a.x - b.x);
  let column: Rect[] = [];
  let columnEnd = Number.NEGATIVE_INFINITY;
  const flush = () => ys.push(...gapMiddles(column.map((r) => [r.y, r.y + r.height] as const)));
  for (const rect of byX) {
    if (rect.x >= columnEnd && column.length > 0) {
      flush();
      column = [];
    }
    column.push(rect);
    columnEnd = Math.max(columnEnd, rect.x + rect.width);
  }
  flush();
  const left = Math.min(...top.map((r) => r.x));
  const right = Math.max(...top.map((r) => r.x + r.width));
  const upper = Math.min(...top.map((r) => r.y));
  const lower = Math.max(...top.map((r) => r.y + r.height));
  return { xs: [left - MARGIN, ...xs, right + MARGIN], ys: [upper - MARGIN, ...ys, lower + MARGIN] };
}

/** A min-heap of numbers keyed by cost, small and allocation-free per push. */
class Heap {
  private items: number[] = [];
  private costs: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: number, cost: number): void {
    let i = this.items.length;
    this.items.push(item);
    this.costs.push(cost);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.costs[parent] ?? 0) <= cost) break;
      this.items[i] = this.items[parent] ?? 0;
      this.costs[i] = this.costs[parent] ?? 0;
      i = parent;
    }
    this.items[i] = item;
    this.costs[i] = cost;
  }
  pop(): number {
    const top = this.items[0] ?? 0;
    const lastItem = this.items.pop() ?? 0;
    const lastCost = this.costs.pop() ?? 0;
    const n = this.items.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      let smallestCost = lastCost;
      if (l < n && (this.costs[l] ?? 0) < smallestCost) {
        smallest = l;
        smallestCost = this.costs[l] ?? 0;
      }
      if (r < n && (this.costs[r] ?? 0) < smallestCost) smallest = r;
      if (smallest === i) break;
      this.items[i] = this.items[smallest] ?? 0;
      this.costs[i] = this.costs[smallest] ?? 0;
      i = smallest;
    }
    this.items[i] = lastItem;
    this.costs[i] = lastCost;
    return top;
  }
}

/** The index of the first sorted value at or above `value` (the length if none is). */
function firstAbove(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/** Whether the open segment between two points on one line crosses the inside of a rectangle. */
function crosses(r: Rect, x1: number, y1: number, x2: number, y2: number): boolean {
  if (y1 === y2)
    return y1 > r.y && y1 < r.y + r.height && Math.min(x1, x2) < r.x + r.width && Math.max(x1, x2) > r.x;
  return x1 > r.x && x1 < r.x + r.width && Math.min(y1, y2) < r.y + r.height && Math.max(y1, y2) > r.y;
}

/** A box as a route sees it: where it is, what holds it, where it may be entered. */
const signature = (o: Obstacle) =>
  `${o.id} ${o.rect.x} ${o.rect.y} ${o.rect.width} ${o.rect.height} ${o.parent} ${JSON.stringify(o.ports)}`;

/**
 * The routes of `before` that still hold among `obstacles`: those between two boxes that did not move,
 * that no box added, moved or resized since lies across (incremental layout, issue 15: an edit reroutes
 * only what it moved). A kept route may be longer than a fresh search would find now that a box has
 * gone; it is the route the learner was looking at, and stays put.
 */
function keptRoutes(obstacles: readonly Obstacle[], before: RouteMemory): Map<string, Point[]> {
  const old = new Set(before.obstacles.map(signature));
  const unchanged = new Set<string>();
  const disturbing: Rect[] = [];
  for (const o of obstacles) {
    if (old.has(signature(o))) unchanged.add(o.id);
    else disturbing.push(inflate(o.rect, CLEARANCE));
  }
  const kept = new Map<string, Point[]>();
  for (const [key, points] of before.routes) {
    const [source = "", target = ""] = key.split("\n");
    if (!points || !unchanged.has(source) || !unchanged.has(target)) continue;
    const clear = points.every((p, i) => {
      const q = points[i + 1];
      return !q || !disturbing.some((r) => crosses(r, p.x, p.y, q.x, q.y));
    });
    if (clear) kept.set(key, points);
  }
  return kept;
}

/** A router over `obstacles`; given the memory of the one before, it keeps that one's routes that still hold (keptRoutes). */
export function createRouter(
  obstacles: readonly Obstacle[],
  before?: RouteMemory,
): Router & { memory: RouteMemory } {
  const index = new Map(obstacles.map((o, i) => [o.id, i]));
  const rects = obstacles.map((o) => inflate(o.rect, CLEARANCE));
  const channels = channelLines(obstacles);
  const xs = sortedUnique([
    ...channels.xs,
    ...obstacles.flatMap((o) =>
      o.ports.filter((p) => p.side === "top" || p.side === "bottom").map((p) => p.x),
    ),
  ]);
  const ys = sortedUnique([
    ...channels.ys,
    ...obstacles.flatMap((o) =>
      o.ports.filter((p) => p.side === "left" || p.side === "right").map((p) => p.y),
    ),
  ]);
  const nx = xs.length;
  const ny = ys.length;
  const at = (i: number, j: number) => j * nx + i;
  // The boxes each grid segment crosses: [to the right of point k] and [below point k].
  const rightBlockers: number[][] = Array.from({ length: nx * ny }, () => []);
  const downBlockers: number[][] = Array.from({ length: nx * ny }, () => []);
  // Only the grid points near a box can start a segment that crosses it: the lines just before it to its far side.
  rects.forEach((r, k) => {
    const jEnd = firstAbove(ys, r.y + r.height);
    const iEnd = firstAbove(xs, r.x + r.width);
    for (let j = Math.max(0, firstAbove(ys, r.y) - 1); j < jEnd; j++) {
      const y = ys[j] ?? 0;
      for (let i = Math.max(0, firstAbove(xs, r.x) - 1); i < iEnd; i++) {
        const x = xs[i] ?? 0;
        const xr = xs[i + 1];
        const yd = ys[j + 1];
        if (xr !== undefined && crosses(r, x, y, xr, y)) rightBlockers[at(i, j)]?.push(k);
        if (yd !== undefined && crosses(r, x, y, x, yd)) downBlockers[at(i, j)]?.push(k);
      }
    }
  });

  const ancestors = (k: number): number[] => {
    const found: number[] = [];
    let parent = obstacles[k]?.parent ?? null;
    while (parent !== null) {
      const p = index.get(parent);
      if (p === undefined) break;
      found.push(p);
      parent = obstacles[p]?.parent ?? null;
    }
    return found;
  };

  /** The cost factor of a segment for one route: 1 in the open, more inside a group it may cross, Infinity through anything else. */
  const factor = (blockers: readonly number[], allowed: ReadonlySet<number>): number => {
    let f = 1;
    for (const b of blockers) {
      if (!allowed.has(b)) return Number.POSITIVE_INFINITY;
      f = INSIDE_GROUP;
    }
    return f;
  };

  /** The first grid point outside a port, straight out from it, and the cost of the stub to it; null if none is clear. */
  const exit = (port: Port, allowed: ReadonlySet<number>): { point: number; stub: number } | null => {
    const { dx, dy } = DIRECTION[port.side];
    // A left or right port walks along x at its y; a top or bottom one along y at its x.
    const horizontal = dx !== 0;
    const [along, across] = horizontal ? [xs, ys] : [ys, xs];
    const [from, fixed, step] = horizontal ? [port.x, port.y, dx] : [port.y, port.x, dy];
    const k = across.indexOf(Math.round(fixed * 100) / 100);
    if (k < 0) return null;
    const beyond = from + step * CLEARANCE;
    const n = step > 0 ? along.findIndex((v) => v > beyond) : along.findLastIndex((v) => v < beyond);
    if (n < 0) return null;
    const end = along[n] ?? 0;
    const blocked = rects.some(
      (r, i) =>
        !allowed.has(i) &&
        (horizontal ? crosses(r, beyond, fixed, end, fixed) : crosses(r, fixed, beyond, fixed, end)),
    );
    if (blocked) return null;
    return { point: horizontal ? at(n, k) : at(k, n), stub: Math.abs(end - from) };
  };

  const search = (source: number, target: number): Point[] | null => {
    const from = obstacles[source];
    const to = obstacles[target];
    if (!from || !to) return null;
    // A route may cross the groups that hold either end (and an end that holds the other), not the ends themselves.
    const allowed = new Set([...ancestors(source), ...ancestors(target)]);
    const starts = from.ports.flatMap((port) => {
      const e = exit(port, new Set([...allowed, source]));
      return e ? [{ port, ...e }] : [];
    });
    const goals = new Map<number, { port: Port; stub: number }[]>();
    for (const port of to.ports) {
      const e = exit(port, new Set([...allowed, target]));
      if (e) goals.set(e.point, [...(goals.get(e.point) ?? []), { port, stub: e.stub }]);
    }
    if (starts.length === 0 || goals.size === 0) return null;
    const goalPorts = to.ports;
    const h = (p: number) => {
      const x = xs[p % nx] ?? 0;
      const y = ys[Math.floor(p / nx)] ?? 0;
      let best = Number.POSITIVE_INFINITY;
      for (const g of goalPorts) best = Math.min(best, Math.abs(g.x - x) + Math.abs(g.y - y));
      return best;
    };
    // States: grid point × direction of arrival (0 horizontal, 1 vertical); then one state per goal port.
    const size = nx * ny * 2;
    const cost = new Float64Array(size + goalPorts.length).fill(Number.POSITIVE_INFINITY);
    const previous = new Int32Array(size + goalPorts.length).fill(-1);
    const startPort = new Map<number, Port>();
    const heap = new Heap();
    for (const s of starts) {
      const dir = s.port.side === "left" || s.port.side === "right" ? 0 : 1;
      const state = s.point * 2 + dir;
      if (s.stub < (cost[state] ?? 0)) {
        cost[state] = s.stub;
        startPort.set(state, s.port);
        heap.push(state, s.stub + h(s.point));
      }
    }
    const done = new Uint8Array(size + goalPorts.length);
    while (heap.size > 0) {
      const state = heap.pop();
      if (done[state]) continue;
      done[state] = 1;
      if (state >= size) return rebuild(state, previous, startPort, goalPorts[state - size]);
      const g = cost[state] ?? 0;
      const point = state >> 1;
      const dir = state & 1;
      const i = point % nx;
      const j = Math.floor(point / nx);
      for (const goal of goals.get(point) ?? []) {
        const goalDir = goal.port.side === "left" || goal.port.side === "right" ? 0 : 1;
        const total = g + goal.stub + (goalDir === dir ? 0 : BEND);
        const goalState = size + goalPorts.indexOf(goal.port);
        if (total < (cost[goalState] ?? 0)) {
          cost[goalState] = total;
          previous[goalState] = state;
          heap.push(goalState, total);
        }
      }
      const relax = (
        next: number,
        nextDir: number,
        blockers: readonly number[] | undefined,
        length: number,
      ) => {
        const f = factor(blockers ?? [], allowed);
        if (f === Number.POSITIVE_INFINITY) return;
        const nextState = next * 2 + nextDir;
        const total = g + length * f + (nextDir === dir ? 0 : BEND);
        if (total < (cost[nextState] ?? 0)) {
          cost[nextState] = total;
          previous[nextState] = state;
          heap.push(nextState, total + h(next));
        }
      };
      const x = xs[i] ?? 0;
      const y = ys[j] ?? 0;
      if (i + 1 < nx) relax(at(i + 1, j), 0, rightBlockers[point], (xs[i + 1] ?? 0) - x);
      if (i > 0) relax(at(i - 1, j), 0, rightBlockers[at(i - 1, j)], x - (xs[i - 1] ?? 0));
      if (j + 1 < ny) relax(at(i, j + 1), 1, downBlockers[point], (ys[j + 1] ?? 0) - y);
      if (j > 0) relax(at(i, j - 1), 1, downBlockers[at(i, j - 1)], y - (ys[j - 1] ?? 0));
    }
    return null;
  };

  const rebuild = (
    goalState: number,
    previous: Int32Array,
    startPort: Map<number, Port>,
    end: Port | undefined,
  ): Point[] | null => {
    if (!end) return null;
    const states: number[] = [];
    for (let s = previous[goalState] ?? -1; s >= 0; s = previous[s] ?? -1) states.push(s);
    states.reverse();
    const first = states[0];
    const begin = first === undefined ? undefined : startPort.get(first);
    if (!begin) return null;
    const points: Point[] = [
      { x: begin.x, y: begin.y },
      ...states.map((s) => ({ x: xs[(s >> 1) % nx] ?? 0, y: ys[Math.floor((s >> 1) / nx)] ?? 0 })),
      { x: end.x, y: end.y },
    ];
    return simplify(points);
  };

  const cache = new Map<string, Point[] | null>();
  const kept = before ? keptRoutes(obstacles, before) : new Map<string, Point[]>();
  return {
    memory: { obstacles, routes: cache },
    route(source, target) {
      const key = `${source}\n${target}`;
      const known = cache.get(key) ?? kept.get(key);
      if (known !== undefined) {
        cache.set(key, known);
        return known;
      }
      const s = index.get(source);
      const t = index.get(target);
      const found = s === undefined || t === undefined || s === t ? null : search(s, t);
      cache.set(key, found);
      return found;
    },
  };
}

/** Drops points in the middle of straight runs, keeping the corners. */
export function simplify(points: readonly Point[]): Point[] {
  const kept: Point[] = [];
  for (const p of points) {
    const a = kept[kept.length - 2];
    const b = kept[kept.length - 1];
    if (b && b.x === p.x && b.y === p.y) continue;
    if (a && b && ((a.x === b.x && b.x === p.x) || (a.y === b.y && b.y === p.y))) kept[kept.length - 1] = p;
    else kept.push(p);
  }
  return kept;
}
