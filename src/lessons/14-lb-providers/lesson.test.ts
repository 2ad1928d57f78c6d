import { describe, expect, it } from "vitest";
import type { HeadlessSession } from "../replay.ts";
import { playedTo } from "../testing.ts";
import { loadBalancerProvidersLesson as lesson } from "./lesson.ts";

/** The seconds in which the stream had a timeout, and those in which every request timed out. */
function losses(session: HeadlessSession) {
  const buckets = session.record.simulation?.buckets ?? [];
  return {
    some: buckets.filter((b) => b.outcomes.timeout).map((b) => b.t),
    all: buckets.filter((b) => b.outcomes.timeout === 10).map((b) => b.t),
  };
}

describe("the same node failure under three load-balancer providers", () => {
  it("GCP: a share is lost until the third failed check (8 s apart, 1 s timeout) ejects node-3 at 33 s", () => {
    const { some, all } = losses(playedTo(lesson, "cloud"));
    // Second 9's last request is still in flight when node-3 fails, and is lost there (trace/timing.ts).
    expect([some[0], some.at(-1)]).toEqual([9, 32]);
    expect(all).toEqual([]);
  });

  it("MetalLB layer 2: all is lost from 10 s until memberlist declares node-3 dead at 15 s (metallb concepts/layer2)", () => {
    const { some, all } = losses(playedTo(lesson, "layer2"));
    expect(all).toEqual([10, 11, 12, 13, 14]);
    expect(some.filter((t) => t >= 15)).toEqual([]);
  });

  it("MetalLB BGP: a share is lost until the BGP hold time (90 s) expires at 100 s", () => {
    const { some, all } = losses(playedTo(lesson, "bgp"));
    // A third of the flows, drawn at random: the last loss falls in the last seconds before 100 s.
    expect(some.at(-1)).toBeGreaterThanOrEqual(95);
    expect(some.filter((t) => t >= 100)).toEqual([]);
    expect(all).toEqual([]);
  });
});
