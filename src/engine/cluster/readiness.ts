import type { KubeObject } from "../manifests/types.ts";
import { asRecord, asRecords } from "./fields.ts";
import { podObject } from "./objects.ts";
import type { PodState } from "./types.ts";

/** DESIGN.md: the annotation a learner sets to make a pod fail its readiness probe. */
export const READY_ANNOTATION = "svclab.dev/ready";

/**
 * What the kubelet would report for a running pod (DESIGN.md): Ready unless its manifest's
 * status.conditions say Ready is "False" or it carries `svclab.dev/ready: "false"`.
 */
export function declaredReady(pod: KubeObject): boolean {
  if (pod.metadata.annotations?.[READY_ANNOTATION] === "false") return false;
  const conditions = asRecords(asRecord(pod.status).conditions);
  return !conditions.some((c) => c.type === "Ready" && c.status === "False");
}

/** The status of one of the object's status.conditions, if it has that condition. */
export function conditionStatus(object: KubeObject, type: string): string | undefined {
  const condition = asRecords(asRecord(object.status).conditions).find((c) => c.type === type);
  return typeof condition?.status === "string" ? condition.status : undefined;
}

/** The pod with its Ready condition set to `ready` (the kubelet's readiness probe, or the node lifecycle controller). */
export function withReady(pod: PodState, ready: boolean): PodState {
  if (pod.ready === ready) return pod;
  const state = { ...pod, ready };
  return { ...state, object: podObject(state, pod.object, ready) };
}
