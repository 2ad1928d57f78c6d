import { describe, expect, it } from "vitest";
import type { Hop, Trace } from "../../engine/index.ts";
import type { Rect } from "../graph/geometry.ts";
import { createRouter } from "../graph/route.ts";
import { actedHop, frameAt, nextStepEnd, planPacket, previousStepEnd } from "./plan.ts";

const box = (x: number, y: number): Rect => ({ x, y, width: 100, height: 50 });
const anchors = new Map([
  ["pod/default/client", box(0, 0)],
  ["svc/default/web", box(400, 0)],
  ["pod/default/web-0", box(800, 200)],
  ["svc/kube-system/kube-dns", box(400, 300)],
]);
const router = createRouter(
  [...anchors].map(([id, rect]) => ({
    id,
    rect,
    parent: null,
    ports: [
      { x: rect.x, y: rect.y + rect.height / 2, side: "left" as const },
      { x: rect.x + rect.width, y: rect.y + rect.height / 2, side: "right" as const },
    ],
  })),
);
const model = {
  anchors,
  aliases: new Map([["pod/kube-system/coredns-0", "svc/kube-system/kube-dns"]]),
  router,
};

const header = (dst: string, port: number) => ({
  protocol: "TCP" as const,
  src: { ip: "10.244.1.2", port: 40000 },
  dst: { ip: dst, port },
});

function hop(
  at: string,
  kind: Hop["kind"],
  before: string,
  after: string,
  t: number,
  phase: Hop["phase"] = "request",
): Hop {
  return {
    at,
    kind,
    message: { code: "hop.none", params: {} },
    phase,
    before: header(before, 80),
    after: header(after, 80),
    t,
  };
}

const trace: Trace = {
  request: { from: "pod/default/client", to: "http://web/" },
  outcome: "delivered",
  backend: null,
  hops: [
    hop("pod/default/client", "dns-query", "10.96.0.10", "10.96.0.10", 0, "dns"),
    hop("pod/kube-system/coredns-0", "dns-answer", "10.96.0.10", "10.96.0.10", 0.05, "dns"),
    hop("pod/default/client", "send", "10.96.0.50", "10.96.0.50", 0.1),
    hop("svc/default/web", "dnat", "10.96.0.50", "10.244.2.7", 0.15),
    hop("node/not-drawn", "route", "10.244.2.7", "10.244.2.7", 0.2),
    hop("pod/default/web-0", "deliver", "10.244.2.7", "10.244.2.7", 0.25),
  ],
};

describe("planPacket", () => {
  it("sends the DNS lookup first, to the box that stands for the folded CoreDNS pod, and back", () => {
    const plan = planPacket(trace, model);
    expect(plan.route).toEqual([
      "pod/default/client",
      "svc/kube-system/kube-dns",
      "pod/default/client",
      "svc/default/web",
      "pod/default/web-0",
    ]);
    expect(plan.steps.map((s) => s.phase)).toEqual([
      "dns",
      "dns",
      "request",
      "request",
      "request",
      "request",
    ]);
  });

  it("keeps a packet where it is for a hop at an object that is not drawn", () => {
    const plan = planPacket(trace, model);
    expect(plan.steps[4]?.path).toBeNull();
    expect(plan.steps[4]?.at).toEqual(plan.steps[3]?.at);
  });

  it("labels the packet with its destination, changing once the DNAT hop has acted", () => {
    const plan = planPacket(trace, model);
    const dnat = plan.steps[3];
    if (!dnat) throw new Error("no dnat step");
    const travelling = frameAt(plan, dnat.end - dnat.travel / 2 - 300);
    expect(travelling.step).toBe(3);
    expect(travelling.label).toBe("10.96.0.50:80");
    expect(frameAt(plan, dnat.end - 1).label).toBe("10.244.2.7:80");
  });

  it("moves continuously from box to box and ends on the last one", () => {
    const plan = planPacket(trace, model);
    const positions = Array.from({ length: 50 }, (_, i) => frameAt(plan, (plan.total * i) / 49));
    for (let i = 1; i < positions.length; i++) {
      const a = positions[i - 1];
      const b = positions[i];
      if (!a || !b) continue;
      expect(Math.hypot(b.x - a.x, b.y - a.y)).toBeLessThan(400);
    }
    const last = frameAt(plan, plan.total);
    expect(last.done).toBe(true);
    expect(last.x).toBeGreaterThanOrEqual(800);
    expect(last.y).toBeGreaterThanOrEqual(200);
  });

  it("rides the route an edge between the two boxes is drawn along", () => {
    const plan = planPacket(trace, model);
    const dnat = plan.steps[3];
    const route = router.route("pod/default/client", "svc/default/web");
    if (!dnat?.path || !route) throw new Error("no route to the Service");
    const xs = [...dnat.path.xs];
    const ys = [...dnat.path.ys];
    for (const corner of route) {
      expect(xs.some((x, i) => Math.abs(x - corner.x) < 9 && Math.abs((ys[i] ?? 0) - corner.y) < 9)).toBe(
        true,
      );
    }
    expect(xs.at(-1)).toBe(route.at(-1)?.x);
    expect(ys.at(-1)).toBe(route.at(-1)?.y);
  });

  it("arrives at each box when the engine says the hop acts, and rests there while it works", () => {
    const plan = planPacket(trace, model);
    // engine/trace/timing.ts: a hop works HOP_SECONDS (0.02 s); 12 s of animation per virtual second.
    expect(plan.steps.map((s) => s.end)).toEqual([240, 840, 1440, 2040, 2640, 3240]);
    expect(plan.steps[3]?.travel).toBe(360);
  });

  it("draws a Service's DNAT on the node whose kube-proxy did it, not in the Service's box", () => {
    const onNode = {
      ...trace,
      hops: trace.hops.map((h) => (h.kind === "dnat" ? { ...h, node: "pod/default/client" } : h)),
    };
    const plan = planPacket(onNode, model);
    expect(plan.places[3]).toBe("pod/default/client");
    expect(plan.route).not.toContain("svc/default/web");
  });

  it("steps one hop at a time, forward and back, each step where the next hop acts", () => {
    const plan = planPacket(trace, model);
    const first = nextStepEnd(plan, 0);
    expect(first).toBe(plan.steps[1]?.acts);
    expect(actedHop(plan, 0)).toBe(0);
    expect(actedHop(plan, first)).toBe(1);
    const second = nextStepEnd(plan, first);
    expect(second).toBe(plan.steps[2]?.acts);
    expect(actedHop(plan, second)).toBe(2);
    expect(previousStepEnd(plan, second)).toBe(first);
    expect(previousStepEnd(plan, first)).toBe(plan.steps[0]?.acts);
    expect(nextStepEnd(plan, plan.total)).toBe(plan.total);
  });
});
