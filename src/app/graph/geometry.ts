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

/** A cubic Bézier curve: start, two control points, end. */
export type Cubic = readonly [Point, Point, Point, Point];

const center = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * The curve from one box to another: out of the facing sides when the boxes sit side by side, out of
 * the top and bottom when one holds the other or they share a column (then it bows out to the left,
 * through the gap between columns, rather than across the boxes between them).
 */
export function curveBetween(a: Rect, b: Rect): Cubic {
  if (a.x + a.width <= b.x || b.x + b.width <= a.x) {
    const rightward = a.x + a.width <= b.x;
    const start = { x: rightward ? a.x + a.width : a.x, y: a.y + a.height / 2 };
    const end = { x: rightward ? b.x : b.x + b.width, y: b.y + b.height / 2 };
    const bend = Math.max(40, Math.abs(end.x - start.x) / 2) * (rightward ? 1 : -1);
    return [start, { x: start.x + bend, y: start.y }, { x: end.x - bend, y: end.y }, end];
  }
  if (contains(a, b) || contains(b, a)) {
    const downward = center(a).y <= center(b).y;
    const start = { x: center(a).x, y: downward ? a.y + a.height : a.y };
    const end = { x: center(b).x, y: downward ? b.y : b.y + b.height };
    const bend = Math.max(20, Math.abs(end.y - start.y) / 2) * (downward ? 1 : -1);
    return [start, { x: start.x, y: start.y + bend }, { x: end.x, y: end.y - bend }, end];
  }
  const start = { x: a.x, y: a.y + a.height / 2 };
  const end = { x: b.x, y: b.y + b.height / 2 };
  const bow = Math.min(80, 30 + Math.abs(end.y - start.y) / 6);
  return [start, { x: start.x - bow, y: start.y }, { x: end.x - bow, y: end.y }, end];
}

export function cubicPath([p0, p1, p2, p3]: Cubic): string {
  return `M${p0.x},${p0.y} C${p1.x},${p1.y} ${p2.x},${p2.y} ${p3.x},${p3.y}`;
}

function cubicPoint([p0, p1, p2, p3]: Cubic, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

/**
 * A curve sampled once into points with their distance along it, so that moving a packet costs one
 * interpolation a frame instead of a `getPointAtLength` call (RECIPE.md: 15 fps → 38+ fps at 300 packets).
 */
export interface PathTable {
  xs: Float64Array;
  ys: Float64Array;
  distances: Float64Array;
  length: number;
}

export function sampleCubic(curve: Cubic, samples = 48): PathTable {
  const xs = new Float64Array(samples + 1);
  const ys = new Float64Array(samples + 1);
  const distances = new Float64Array(samples + 1);
  let previous = curve[0];
  let length = 0;
  for (let i = 0; i <= samples; i++) {
    const p = cubicPoint(curve, i / samples);
    length += Math.hypot(p.x - previous.x, p.y - previous.y);
    xs[i] = p.x;
    ys[i] = p.y;
    distances[i] = length;
    previous = p;
  }
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
