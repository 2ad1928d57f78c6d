import { describe, expect, it } from "vitest";
import { goalMet, lessonById } from "../../lessons/index.ts";
import { runCommand, startSession } from "../../lessons/replay.ts";
import { completedSteps, isProgress, recordTraffic } from "./progress.ts";

const lesson = lessonById("03-clusterip");

describe("lesson progress", () => {
  it("adds the steps whose goals are met, keeps earlier ones, and returns the same object when nothing changed", () => {
    if (!lesson) throw new Error("lesson 3 exists");
    const session = startSession(lesson);
    const none = { "01-pods": ["pod-ip"] };
    expect(completedSteps(lesson, session.record, none, goalMet)).toBe(none);
    runCommand(session, { id: "dns", name: "kubernetes", from: "pod/default/client" });
    const after = completedSteps(lesson, session.record, none, goalMet);
    expect(after).toEqual({ "01-pods": ["pod-ip"], "03-clusterip": ["kubernetes"] });
    runCommand(session, { id: "send", from: "client/external", to: "http://{clusterIP:svc/default/web}/" });
    expect(completedSteps(lesson, session.record, after, goalMet)["03-clusterip"]).toEqual([
      "outside",
      "kubernetes",
    ]);
  });

  it("records only the requests it has not seen, each with the cluster it met", () => {
    if (!lesson) throw new Error("lesson 3 exists");
    const session = startSession(lesson);
    runCommand(session, { id: "sendMany", from: "pod/default/client", to: "http://web/", count: 3 });
    const cluster = session.record.cluster;
    if (!cluster) throw new Error("the lesson's manifests build");
    const requests = session.record.requests.map((r, i) => ({
      id: i + 1,
      sentAt: 0,
      batch: 1,
      trace: r.trace,
    }));
    const log = { requests: [], lookups: [] };
    expect(recordTraffic(log, 3, requests, cluster)).toBeNull();
    const recorded = recordTraffic(log, 1, requests, cluster);
    expect(recorded?.lessonSeenRequest).toBe(3);
    expect(recorded?.lessonLog.requests.map((r) => r.trace)).toEqual([
      requests[1]?.trace,
      requests[2]?.trace,
    ]);
  });

  it("reads back only well-formed progress", () => {
    expect(isProgress({ a: ["x"] })).toBe(true);
    expect(isProgress({ a: "x" })).toBe(false);
    expect(isProgress(["x"])).toBe(false);
    expect(isProgress(null)).toBe(false);
  });
});
