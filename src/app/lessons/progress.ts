import type { Cluster } from "../../engine/index.ts";
import type { Goal, Lesson, SessionRecord } from "../../lessons/index.ts";
import type { SentRequest as LoggedRequest } from "../store/trafficSlice.ts";

/** Completed step ids per lesson id. */
export type Progress = Record<string, string[]>;

export const isProgress = (value: unknown): value is Progress =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((steps) => Array.isArray(steps) && steps.every((s) => typeof s === "string"));

/**
 * Progress with every step of the lesson whose goal the session now meets added; the same object
 * when nothing new was met (so a store subscriber can tell). Steps once completed stay completed.
 */
export function completedSteps(
  lesson: Lesson,
  session: SessionRecord,
  progress: Progress,
  goalMet: (goal: Goal, session: SessionRecord) => boolean,
): Progress {
  const done = progress[lesson.id] ?? [];
  const newly = lesson.steps.filter((s) => !done.includes(s.id) && goalMet(s.goal, session)).map((s) => s.id);
  if (newly.length === 0) return progress;
  const ordered = lesson.steps.map((s) => s.id).filter((id) => done.includes(id) || newly.includes(id));
  return { ...progress, [lesson.id]: ordered };
}

/** The lesson log with the requests sent since `seen` appended, each with the cluster it met; null when none. */
export function recordTraffic(
  log: Omit<SessionRecord, "cluster">,
  seen: number,
  requests: readonly LoggedRequest[],
  cluster: Cluster,
): { lessonLog: Omit<SessionRecord, "cluster">; lessonSeenRequest: number } | null {
  const fresh = requests.filter((r) => r.id > seen);
  const last = fresh.at(-1);
  if (!last) return null;
  return {
    lessonLog: { ...log, requests: [...log.requests, ...fresh.map((r) => ({ trace: r.trace, cluster }))] },
    lessonSeenRequest: last.id,
  };
}
