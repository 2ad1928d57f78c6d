/** Plain geometry shared by the drawn edges and the packets, so a packet always rides the curve drawn. */

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest rectangle holding every box; null when there is none. */
export function boundsOf(boxes: Iterable<Rect>): Rect | null {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return Number.isFinite(left) ? { x: left, y: top, width: right - left, height: bottom - top } : null;
}

/** A rounded corner: the route reaches `from`, bends around `corner`, and leaves at `to`. */
interface Corner {
  from: Point;
  corner: Point;
  to: Point;
}

const ROUNDING = 8;

/** The corners of a route through `points`, each rounded by up to `radius` (less where a run is short). */
function corners(points: readonly Point[], radius: number): Corner[] {
  const found: Corner[] = [];
  for (let i = 1; i < points.length - 1; i++) {
    const a = points[i - 1];
    const p = points[i];
    const b = points[i + 1];
    if (!a || !p || !b) continue;
    const before = Math.hypot(p.x - a.x, p.y - a.y);
    const after = Math.hypot(b.x - p.x, b.y - p.y);
    const r = Math.min(radius, before / 2, after / 2);
    if (before === 0 || after === 0) continue;
    found.push({
      from: { x: p.x - ((p.x - a.x) / before) * r, y: p.y - ((p.y - a.y) / before) * r },
      corner: p,
      to: { x: p.x + ((b.x - p.x) / after) * r, y: p.y + ((b.y - p.y) / after) * r },
    });
  }
  return found;
}

/**
 * An orthogonal route moved sideways by `offset` along its inner runs: each horizontal run moves down
 * and each vertical one right by it, while the first and last runs stay on the ports they leave and
 * enter. Routes that share a gap, each with its own offset, run side by side (lanes) instead of one
 * on top of another.
 */
export function offsetLanes(points: readonly Point[], offset: number): Point[] {
  if (offset === 0 || points.length < 4) return [...points];
  const runs = points.length - 1;
  const shift = (run: number) => (run <= 0 || run >= runs - 1 ? 0 : offset);
  return points.map((p, i) => {
    if (i === 0 || i === runs) return p;
    const moved = { ...p };
    // The corner between run i-1 and run i: one run is horizontal and one vertical.
    for (const run of [i - 1, i]) {
      const a = points[run];
      const b = points[run + 1];
      if (!a || !b) continue;
      if (a.y === b.y) moved.y = p.y + shift(run);
      else if (a.x === b.x) moved.x = p.x + shift(run);
    }
    return moved;
  });
}

/** An SVG path along a route's corner points, with rounded corners. */
export function roundedPath(points: readonly Point[], radius = ROUNDING): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return "";
  const turns = corners(points, radius)
    .map((c) => `L${c.from.x},${c.from.y} Q${c.corner.x},${c.corner.y} ${c.to.x},${c.to.y}`)
    .join(" ");
  return `M${first.x},${first.y} ${turns} L${last.x},${last.y}`.replace(/ +/g, " ");
}

/**
 * A route sampled once into points with their distance along it, so that moving a packet costs one
 * interpolation a frame instead of a `getPointAtLength` call (RECIPE.md: 15 fps → 38+ fps at 300 packets).
 */
export interface PathTable {
  xs: Float64Array;
  ys: Float64Array;
  distances: Float64Array;
  length: number;
}

/** Samples the same rounded route `roundedPath` draws: its straight runs and each corner's curve. */
export function sampleRoute(points: readonly Point[], radius = ROUNDING): PathTable {
  const first = points[0];
  const last = points[points.length - 1];
  const sampled: Point[] = first ? [first] : [];
  for (const { from, corner, to } of corners(points, radius)) {
    sampled.push(from);
    for (let k = 1; k <= 4; k++) {
      const t = k / 4;
      const u = 1 - t;
      sampled.push({
        x: u * u * from.x + 2 * u * t * corner.x + t * t * to.x,
        y: u * u * from.y + 2 * u * t * corner.y + t * t * to.y,
      });
    }
  }
  if (last && points.length > 1) sampled.push(last);
  const n = sampled.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const distances = new Float64Array(n);
  let length = 0;
  sampled.forEach((p, i) => {
    const previous = sampled[i - 1] ?? p;
    length += Math.hypot(p.x - previous.x, p.y - previous.y);
    xs[i] = p.x;
    ys[i] = p.y;
    distances[i] = length;
  });
  return { xs, ys, distances, length };
}

/** The point at a fraction (0..1) of the way along a sampled path. */
export function pointAlong(table: PathTable, fraction: number): Point {
  const last = table.xs.length - 1;
  const target = Math.min(Math.max(fraction, 0), 1) * table.length;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((table.distances[mid] ?? 0) < target) lo = mid;
    else hi = mid;
  }
  const d0 = table.distances[lo] ?? 0;
  const d1 = table.distances[hi] ?? 0;
  const k = d1 > d0 ? (target - d0) / (d1 - d0) : 0;
  const x0 = table.xs[lo] ?? 0;
  const y0 = table.ys[lo] ?? 0;
  return { x: x0 + ((table.xs[hi] ?? 0) - x0) * k, y: y0 + ((table.ys[hi] ?? 0) - y0) * k };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
