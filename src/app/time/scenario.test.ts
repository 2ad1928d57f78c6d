import { describe, expect, it } from "vitest";
import {
  clockText,
  emptyScenario,
  eventsUpTo,
  humanDuration,
  nextStreamName,
  nodeFailedAt,
  secondAt,
  withNodeEvent,
} from "./scenario.ts";

describe("the learner's scenario", () => {
  it("records a node failure at the clock's whole second, once", () => {
    let spec = withNodeEvent(emptyScenario(), "fail-node", "node/node-2", 10.7);
    spec = withNodeEvent(spec, "fail-node", "node/node-2", 10.2);
    spec = withNodeEvent(spec, "recover-node", "node/node-2", 5);
    expect(spec.events).toEqual([
      { at: 5, action: "recover-node", target: "node/node-2" },
      { at: 10, action: "fail-node", target: "node/node-2" },
    ]);
  });

  it("keeps events inside the scenario's duration", () => {
    const spec = withNodeEvent(emptyScenario(), "fail-node", "node/node-1", 500);
    expect(spec.events[0]?.at).toBe(119);
  });

  it("knows whether a node is failed at a moment from its last fail or recover event", () => {
    let spec = withNodeEvent(emptyScenario(), "fail-node", "node/node-2", 10);
    spec = withNodeEvent(spec, "recover-node", "node/node-2", 60);
    expect(nodeFailedAt(spec, "node/node-2", 9)).toBe(false);
    expect(nodeFailedAt(spec, "node/node-2", 10)).toBe(true);
    expect(nodeFailedAt(spec, "node/node-2", 59.5)).toBe(true);
    expect(nodeFailedAt(spec, "node/node-2", 60)).toBe(false);
    expect(nodeFailedAt(spec, "node/node-1", 30)).toBe(false);
  });

  it("names streams uniquely, in the CLI's vocabulary", () => {
    const spec = { ...emptyScenario(), traffic: [{ name: "via-lb", from: "external", to: "x", rate: 1 }] };
    expect(nextStreamName(spec, "Via LB")).toBe("via-lb-2");
    expect(nextStreamName(spec, "  ")).toBe("stream");
  });
});

describe("showing time", () => {
  it("prints ages as kubectl does (HumanDuration)", () => {
    expect([0, 59, 119, 120, 340, 600, 3599, 10800, 11100].map(humanDuration)).toEqual([
      "0s",
      "59s",
      "119s",
      "2m",
      "5m40s",
      "10m",
      "59m",
      "3h",
      "3h5m",
    ]);
  });

  it("shows the clock as minutes and seconds", () => {
    expect(clockText(65.9)).toBe("1:05");
  });

  it("lists the events up to the clock, newest first", () => {
    const event = (t: number, reason: string) => ({
      t,
      reason,
      type: "Normal" as const,
      object: "node/n",
      text: { code: "event.pod.nodeNotReady" as const, params: {} },
      message: "",
    });
    expect(eventsUpTo([event(10, "a"), event(33, "b"), event(50, "c")], 33).map((e) => e.reason)).toEqual([
      "b",
      "a",
    ]);
  });

  it("sums a second's outcomes per stream", () => {
    const buckets = [
      { t: 10, stream: "lb", outcomes: { delivered: 7, timeout: 3 } },
      { t: 10, stream: "np", outcomes: { timeout: 10 } },
      { t: 11, stream: "lb", outcomes: { delivered: 10 } },
    ];
    expect(secondAt(buckets, 10)).toEqual([
      { stream: "lb", sent: 10, delivered: 7, failed: [{ outcome: "timeout", count: 3 }] },
      { stream: "np", sent: 10, delivered: 0, failed: [{ outcome: "timeout", count: 10 }] },
    ]);
  });
});
