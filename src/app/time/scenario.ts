import {
  type Bucket,
  emptyScenarioSpec,
  type Ref,
  type ScenarioSpec,
  type SimEvent,
} from "../../engine/index.ts";

/** The learner's scenario in the app, before they add anything. */
export const emptyScenario = (): ScenarioSpec => emptyScenarioSpec("service-lab");

/** Stream names are DNS-label-like and unique: the CLI's output names them. */
export function nextStreamName(spec: ScenarioSpec, wanted: string): string {
  const base =
    wanted
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "stream";
  const taken = new Set(spec.traffic.map((s) => s.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export type NodeAction = "fail-node" | "recover-node";

/** Whether the scenario has the node failed at `t` (its last fail or recover event at or before t). */
export function nodeFailedAt(spec: ScenarioSpec, node: Ref, t: number): boolean {
  let failed = false;
  for (const event of [...spec.events].sort((a, b) => a.at - b.at)) {
    if (event.at > t || event.target !== node) continue;
    if (event.action === "fail-node") failed = true;
    if (event.action === "recover-node") failed = false;
  }
  return failed;
}

/**
 * The scenario with a node failed or recovered at `t` (whole seconds, as the timeline shows them).
 * The same action on the same node at the same second is recorded once.
 */
export function withNodeEvent(spec: ScenarioSpec, action: NodeAction, node: Ref, t: number): ScenarioSpec {
  const at = Math.max(0, Math.min(Math.floor(t), Math.ceil(spec.duration) - 1));
  if (spec.events.some((e) => e.at === at && e.action === action && e.target === node)) return spec;
  const events = [...spec.events, { at, action, target: node }].sort((a, b) => a.at - b.at);
  return { ...spec, events };
}

/** How kubectl prints an age: one implementation with the console's and svclab's printers. */
export { humanDuration } from "../../kubectl/age.ts";

/** `1:05`, the clock as the learner reads it. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** What the control plane had done by `t`, newest first (as kubectl get events --sort-by reads best here). */
export function eventsUpTo(events: readonly SimEvent[], t: number): SimEvent[] {
  return events.filter((e) => e.t <= t).reverse();
}

/** One stream's requests in one second, split into what arrived and what failed (and how). */
export interface SecondSummary {
  stream: string;
  sent: number;
  delivered: number;
  failed: { outcome: string; count: number }[];
}

export function summarize(bucket: Bucket): SecondSummary {
  const entries = Object.entries(bucket.outcomes) as [string, number][];
  const delivered = bucket.outcomes.delivered ?? 0;
  return {
    stream: bucket.stream,
    sent: entries.reduce((sum, [, n]) => sum + n, 0),
    delivered,
    failed: entries
      .filter(([outcome, n]) => outcome !== "delivered" && n > 0)
      .map(([outcome, count]) => ({ outcome, count })),
  };
}

/** Each stream's summary in second `t` (in the scenario's stream order). */
export function secondAt(buckets: readonly Bucket[], t: number): SecondSummary[] {
  return buckets.filter((b) => b.t === t).map(summarize);
}

/** Whether a stored or shared value has the shape of a ScenarioSpec (values are checked again when it is played). */
export const isScenario = (v: unknown): v is ScenarioSpec => {
  const s = v as Partial<ScenarioSpec> | null;
  return (
    typeof s === "object" &&
    s !== null &&
    typeof s.name === "string" &&
    typeof s.duration === "number" &&
    typeof s.settings?.loadBalancerHealthCheck?.interval === "number" &&
    Array.isArray(s.traffic) &&
    Array.isArray(s.events)
  );
};
