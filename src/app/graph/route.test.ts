import { describe, expect, it } from "vitest";
import type { Point, Rect } from "./geometry.ts";
import { channelLines, createRouter, type Obstacle, simplify } from "./route.ts";

const sides = (r: Rect) => [
  { x: r.x, y: r.y + r.height / 2, side: "left" as const },
  { x: r.x + r.width, y: r.y + r.height / 2, side: "right" as const },
];
const box = (id: string, x: number, y: number, width = 100, height = 40): Obstacle => {
  const rect = { x, y, width, height };
  return { id, rect, parent: null, ports: sides(rect) };
};

/** Whether any segment of a route passes through the inside of a rectangle. */
function crossesBox(points: readonly Point[], r: Rect): boolean {
  return points.slice(1).some((b, i) => {
    const a = points[i] ?? b;
    const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    return x1 < r.x + r.width && x2 > r.x && y1 < r.y + r.height && y2 > r.y;
  });
}

const orthogonal = (points: readonly Point[]) =>
  points.slice(1).every((b, i) => b.x === points[i]?.x || b.y === points[i]?.y);

describe("channelLines", () => {
  it("runs through the middle of the gaps between columns and between the boxes of a column", () => {
    const lines = channelLines([box("a", 0, 0), box("b", 0, 60), box("c", 200, 0)]);
    expect(lines.xs).toEqual([-24, 150, 324]);
    expect(lines.ys).toEqual([-24, 50, 124]);
  });
});

describe("createRouter", () => {
  it("keeps the routes of the router before among the same boxes, and searches again where a box moved into one", () => {
    const boxes = [box("a", 0, 0), box("b", 400, 0), box("c", 0, 200), box("d", 400, 200)];
    const first = createRouter(boxes);
    const [ab, cd] = [first.route("a", "b"), first.route("c", "d")];
    // A box moved into the way between c and d: that route is searched again, a and b's is kept.
    const wall = box("wall", 200, 150, 100, 120);
    const second = createRouter([...boxes, wall], first.memory);
    expect(second.route("a", "b")).toBe(ab);
    const around = second.route("c", "d");
    expect(around).not.toEqual(cd);
    expect(crossesBox(around ?? [], wall.rect)).toBe(false);
    // An end that moved is routed afresh too.
    const third = createRouter([box("a", 0, 20), ...boxes.slice(1)], second.memory);
    expect(third.route("a", "b")).not.toBe(ab);
  });

  it("goes straight between boxes side by side", () => {
    const router = createRouter([box("a", 0, 0), box("b", 200, 0)]);
    expect(router.route("a", "b")).toEqual([
      { x: 100, y: 20 },
      { x: 200, y: 20 },
    ]);
  });

  it("goes around a box in the way, through the gaps, never through it", () => {
    const blocker = box("wall", 200, -100, 100, 240);
    const router = createRouter([box("a", 0, 0), blocker, box("b", 400, 0)]);
    const route = router.route("a", "b");
    expect(route).not.toBeNull();
    expect(orthogonal(route ?? [])).toBe(true);
    expect(crossesBox(route ?? [], blocker.rect)).toBe(false);
    expect(route?.[0]).toEqual({ x: 100, y: 20 });
    expect(route?.at(-1)).toEqual({ x: 400, y: 20 });
  });

  it("enters a box held by a group through its group, not through its neighbours", () => {
    const group: Obstacle = {
      id: "g",
      rect: { x: 200, y: 0, width: 240, height: 100 },
      parent: null,
      ports: [],
    };
    const pod = (id: string, x: number): Obstacle => ({
      id,
      rect: { x, y: 40, width: 100, height: 50 },
      parent: "g",
      ports: [{ x: x + 50, y: 90, side: "bottom" }],
    });
    const first = pod("p0", 210);
    const router = createRouter([
      box("s", 0, 0),
      group,
      first,
      pod("p1", 330),
      box("below", 200, 130, 240, 40),
    ]);
    const route = router.route("s", "p1");
    expect(route?.at(-1)).toEqual({ x: 380, y: 90 });
    expect(crossesBox(route ?? [], first.rect)).toBe(false);
    expect(crossesBox(route ?? [], { x: 200, y: 130, width: 240, height: 40 })).toBe(false);
  });

  it("gives the same route every time it is asked, and none for an unknown box", () => {
    const router = createRouter([box("a", 0, 0), box("b", 200, 100)]);
    expect(router.route("a", "b")).toBe(router.route("a", "b"));
    expect(router.route("a", "nowhere")).toBeNull();
  });
});

describe("simplify", () => {
  it("keeps only the corners of a route", () => {
    expect(
      simplify([
        { x: 0, y: 0 },
        { x: 5, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 5 },
      ]),
    ).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 5 },
    ]);
  });
});
