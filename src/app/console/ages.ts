import type { Cluster, KubeObject } from "../../engine/index.ts";
import { humanDuration } from "../../kubectl/age.ts";

/**
 * AGE in the console and the inspector: seconds since the page first saw the object (the simulator
 * has no creation times), so a pod that a scale just created is younger than the rest, as on a real
 * cluster.
 */
const firstSeen = new Map<string, number>();

const keyOf = (kind: string, meta: { name: string; namespace?: string }) =>
  `${kind}/${meta.namespace ?? ""}/${meta.name}`;

function remember(kind: string, meta: { name: string; namespace?: string }, now: number): void {
  const key = keyOf(kind, meta);
  if (!firstSeen.has(key)) firstSeen.set(key, now);
}

export function ageOf(cluster: Cluster, now: number): (object: KubeObject) => string {
  for (const o of cluster.objects) remember(o.object.kind, o.object.metadata, now);
  for (const p of cluster.pods) remember("Pod", p.object.metadata, now);
  for (const s of cluster.services) remember("Service", s.object.metadata, now);
  for (const s of cluster.endpointSlices) remember("EndpointSlice", s.object.metadata, now);
  for (const n of cluster.nodes) remember("Node", n.object.metadata, now);
  return (object) =>
    humanDuration((now - (firstSeen.get(keyOf(object.kind, object.metadata)) ?? now)) / 1000);
}
