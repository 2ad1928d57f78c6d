import { message } from "../../messages/index.ts";
import { refKind } from "../../refs.ts";
import { asRecord, asRecords } from "../fields.ts";
import { tolerates } from "../scheduler.ts";
import type { PodState, Ref } from "../types.ts";
import type { ControllerEvent } from "./events.ts";

const UNREACHABLE_NO_EXECUTE = { key: "node.kubernetes.io/unreachable", effect: "NoExecute" } as const;

/** The pod template's (or bare pod's) written tolerations: what the learner wrote, before admission. */
function writtenTolerations(pod: PodState): Record<string, unknown>[] {
  const object = pod.source?.object;
  if (!object) return [];
  const spec =
    object.kind === "Pod" ? asRecord(object.spec) : asRecord(asRecord(asRecord(object.spec).template).spec);
  return asRecords(spec.tolerations);
}

/**
 * pkg/controller/tainteviction: how long a pod stays bound to a node tainted
 * node.kubernetes.io/unreachable:NoExecute. DaemonSet pods tolerate it forever (the DaemonSet
 * controller adds the toleration without tolerationSeconds); a toleration the manifest writes
 * counts as written; every other pod gets the DefaultTolerationSeconds admission plugin's,
 * `podEvictionTimeout` (seconds). null: never evicted.
 */
export function evictionDelay(pod: PodState, podEvictionTimeout: number): number | null {
  if (pod.owner && refKind(pod.owner) === "daemonset") return null;
  const written = writtenTolerations(pod).find((t) => tolerates(t, UNREACHABLE_NO_EXECUTE));
  if (written) {
    const value = written.tolerationSeconds;
    return typeof value === "number" ? Math.max(0, value) : null;
  }
  return podEvictionTimeout;
}

/**
 * The evictions the taint manager schedules once `node` is tainted unreachable: each of its pods
 * not already deleted (`terminating`) and not tolerating the taint forever, with its delay in seconds.
 */
export function scheduledEvictions(
  pods: readonly PodState[],
  node: string,
  terminating: ReadonlySet<Ref>,
  podEvictionTimeout: number,
): { pod: PodState; seconds: number }[] {
  return pods.flatMap((pod) => {
    if (pod.nodeName !== node || terminating.has(pod.ref)) return [];
    const seconds = evictionDelay(pod, podEvictionTimeout);
    return seconds === null ? [] : [{ pod, seconds }];
  });
}

/** taint_eviction.go deletes the pod once its toleration ran out, recording this event. */
export function evictionEvent(pod: PodState, seconds: number, node: string): ControllerEvent {
  const text = message("event.pod.evicted", { pod: `${pod.namespace}/${pod.name}`, seconds, node });
  return { type: "Normal", reason: "PodEvicted", object: pod.ref, text };
}
