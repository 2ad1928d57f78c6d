import { describe, expect, it } from "vitest";
import { goalMet } from "../goals.ts";
import type { HeadlessSession } from "../replay.ts";
import { playedTo } from "../testing.ts";
import { failoverLesson } from "./lesson.ts";

const step = (id: string) => {
  const found = failoverLesson.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};

/** The seconds in which a stream had a timeout. */
const timeoutSeconds = (session: HeadlessSession, stream: string) =>
  (session.record.simulation?.buckets ?? [])
    .filter((b) => b.stream === stream && b.outcomes.timeout)
    .map((b) => b.t);

describe("the failover lesson shows the numbers a real cluster would", () => {
  it("NodePort and external-IP clients aimed at node-2 lose everything from the failure to the end", () => {
    const session = playedTo(failoverLesson, "fail");
    for (const stream of ["nodeport", "external-ip"]) {
      const buckets = session.record.simulation?.buckets.filter((b) => b.stream === stream) ?? [];
      expect(buckets.filter((b) => b.t >= 10).every((b) => b.outcomes.timeout === 10)).toBe(true);
      expect(buckets.filter((b) => b.t < 9).every((b) => b.outcomes.delivered === 10)).toBe(true);
      // Second 9's last request is still on its way when node-2 fails, and is lost at it (trace/timing.ts).
      expect(buckets.find((b) => b.t === 9)?.outcomes).toEqual({ delivered: 9, timeout: 1 });
    }
  });

  it("with externalTrafficPolicy Cluster, the LB client loses requests until the endpoint is removed (NotReady at 60 s: grace 50 s since 1.32, kubernetes PR #126287; resync at 61 s)", () => {
    const session = playedTo(failoverLesson, "fail");
    const seconds = timeoutSeconds(session, "lb");
    expect([seconds[0], seconds.at(-1)]).toEqual([9, 60]);
    expect(goalMet(step("local").goal, session.record)).toBe(false);
    expect(goalMet(step("faster").goal, session.record)).toBe(false);
  });

  it("with Local, only the detection window: checks at 16, 24 and 32 s time out, node-2 is ejected at 33 s", () => {
    const session = playedTo(failoverLesson, "local");
    const seconds = timeoutSeconds(session, "lb");
    expect([seconds[0], seconds.at(-1)]).toEqual([10, 32]);
    expect(
      session.record.simulation?.events
        .filter((e) => e.reason === "LoadBalancerBackendRemoved")
        .map((e) => e.t),
    ).toEqual([33]);
    expect(goalMet(step("faster").goal, session.record)).toBe(false);
  });

  it("checking every 2 s ejects node-2 at 15 s", () => {
    const session = playedTo(failoverLesson, "faster");
    expect(timeoutSeconds(session, "lb").at(-1)).toBe(14);
  });
});
