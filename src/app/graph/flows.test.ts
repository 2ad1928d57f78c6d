import { describe, expect, it } from "vitest";
import type { Ref, SimEvent } from "../../engine/index.ts";
import { drawnAlike, drawnPools, flows, lastEjection } from "./flows.ts";
import type { RouteFlowEdge } from "./layout.ts";
import { keepUnchanged } from "./progressive.ts";
import type { Router } from "./route.ts";

const edge = (id: string, label?: string): RouteFlowEdge => ({
  id,
  source: "node/a",
  target: "node/b",
  type: "route",
  data: { kind: "ejected", path: "M0 0L1 1", points: [], ...(label === undefined ? {} : { label }) },
});

describe("keepUnchanged with drawnAlike (the graph's edges across the Time view's seconds)", () => {
  it("keeps the list itself when every edge draws alike", () => {
    const before = [edge("a", "ejected at 0:12"), edge("b")];
    expect(keepUnchanged(before, [edge("a", "ejected at 0:12"), edge("b")], drawnAlike)).toBe(before);
  });

  it("keeps the objects of the edges that draw alike, and takes the changed ones", () => {
    const before = [edge("a", "ejected"), edge("b")];
    const after = keepUnchanged(before, [edge("a", "ejected at 0:12"), edge("b"), edge("c")], drawnAlike);
    expect(after).not.toBe(before);
    expect(after[0]?.data?.label).toBe("ejected at 0:12");
    expect(after[1]).toBe(before[1]);
    expect(after.map((e) => e.id)).toEqual(["a", "b", "c"]);
  });

  it("gives a new list when an edge went", () => {
    const before = [edge("a"), edge("b")];
    expect(keepUnchanged(before, [edge("b")], drawnAlike)).toEqual([before[1]]);
  });
});

/** A router that knows every pair of boxes except those to `node/gone`: a straight line between them. */
const router: Router = {
  route: (source, target) =>
    target === "node/gone"
      ? null
      : [
          { x: source.length, y: 0 },
          { x: target.length, y: 10 },
        ],
};
const passed = (...boxes: Ref[]) => boxes;

describe("flows: the segments packets took, with how many took each", () => {
  it("counts every packet on each segment it took", () => {
    const drawn = flows(router, [
      passed("client", "lb/default/web", "node/node-1", "pod/default/web-a"),
      passed("client", "lb/default/web", "node/node-2", "pod/default/web-b"),
      passed("client", "lb/default/web", "node/node-1", "pod/default/web-a"),
    ]);
    expect(drawn.map((f) => [f.id, f.count])).toEqual([
      ["client->lb/default/web", 3],
      ["lb/default/web->node/node-1", 2],
      ["node/node-1->pod/default/web-a", 2],
      ["lb/default/web->node/node-2", 1],
      ["node/node-2->pod/default/web-b", 1],
    ]);
  });

  it("counts a packet once on a segment it passes out and back", () => {
    const [first] = flows(router, [
      passed("node/node-1", "node/node-2", "node/node-1", "node/node-2"),
      passed("node/node-1", "node/node-2"),
    ]);
    expect(first).toMatchObject({ id: "node/node-1->node/node-2", count: 2 });
  });

  it("shows no count for a single packet, and leaves out a segment with no route", () => {
    const drawn = flows(router, [passed("client", "node/node-1", "node/gone")]);
    expect(drawn).toEqual([expect.objectContaining({ id: "client->node/node-1", count: undefined })]);
  });
});

describe("lastEjection: the instants at which the load balancers' pools change with the clock", () => {
  const event = (t: number, reason: string): SimEvent =>
    ({
      t,
      type: "Normal",
      reason,
      object: "lb/default/web-lb",
      text: { code: "event.lb.backendRemoved", params: { node: "node-2" } },
      message: "",
    }) as SimEvent;
  const events = [
    event(10, "NodeFailed"),
    event(33, "LoadBalancerBackendRemoved"),
    event(90, "LoadBalancerBackendRemoved"),
  ];

  it("is the last ejection at or before the clock, and stays put between ejections", () => {
    expect([0, 32, 33, 60, 89, 90, 120].map((clock) => lastEjection(events, clock))).toEqual([
      0, 0, 33, 33, 33, 90, 90,
    ]);
  });

  it("dates an ejected node's edge by the last removal at or before the clock; a node in the pool has none", () => {
    const pools = [
      [
        "lb/default/web-lb",
        [
          { node: "node-1", how: "checked", inPool: true },
          { node: "node-2", how: "checked", inPool: false },
        ],
      ],
    ] as const;
    expect(drawnPools(pools, events, 60).get("lb/default/web-lb")).toEqual([
      { node: "node/node-1", inPool: true, ejectedAt: null },
      { node: "node/node-2", inPool: false, ejectedAt: 33 },
    ]);
    expect(drawnPools(pools, events, 20).get("lb/default/web-lb")?.[1]?.ejectedAt).toBeNull();
  });
});
