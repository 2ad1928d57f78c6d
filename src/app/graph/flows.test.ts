import { describe, expect, it } from "vitest";
import { drawnAlike } from "./flows.ts";
import type { RouteFlowEdge } from "./layout.ts";
import { keepUnchanged } from "./progressive.ts";

const edge = (id: string, count?: number): RouteFlowEdge => ({
  id,
  source: "node/a",
  target: "node/b",
  type: "route",
  data: { kind: "trace", path: "M0 0L1 1", points: [], ...(count === undefined ? {} : { count }) },
});

describe("keepUnchanged with drawnAlike (the Time view's edges)", () => {
  it("keeps the list itself when every edge draws alike", () => {
    const before = [edge("a", 2), edge("b")];
    expect(keepUnchanged(before, [edge("a", 2), edge("b")], drawnAlike)).toBe(before);
  });

  it("keeps the objects of the edges that draw alike, and takes the changed ones", () => {
    const before = [edge("a", 2), edge("b")];
    const after = keepUnchanged(before, [edge("a", 3), edge("b"), edge("c")], drawnAlike);
    expect(after).not.toBe(before);
    expect(after[0]?.data?.count).toBe(3);
    expect(after[1]).toBe(before[1]);
    expect(after.map((e) => e.id)).toEqual(["a", "b", "c"]);
  });

  it("gives a new list when an edge went", () => {
    const before = [edge("a"), edge("b")];
    expect(keepUnchanged(before, [edge("b")], drawnAlike)).toEqual([before[1]]);
  });
});
