import {
  type Cluster,
  lbTarget,
  objectRef,
  positionOf,
  type Ref,
  type SourcedObject,
  type SourcePosition,
  SYSTEM_FILE,
} from "../../engine/index.ts";

/** An object the learner wrote, by ref, and where its document starts. */
export interface WrittenObject extends SourcePosition {
  ref: Ref;
}

const cache = new WeakMap<Cluster, WrittenObject[]>();

/** Every object written in the manifests (not those the control plane made), in file and line order. */
export function writtenObjects(cluster: Cluster): WrittenObject[] {
  const cached = cache.get(cluster);
  if (cached) return cached;
  const sources: (SourcedObject | undefined)[] = [
    ...cluster.nodes.map((n) => n.source),
    ...cluster.pods.map((p) => p.source),
    ...cluster.services.map((s) => s.source),
    ...cluster.endpointSlices.map((s) => s.source),
    ...cluster.objects,
  ];
  const byRef = new Map<Ref, WrittenObject>();
  for (const source of sources) {
    // The cluster's own objects (kube-dns, CoreDNS) are not in the learner's files.
    if (!source || source.file === SYSTEM_FILE) continue;
    const ref = objectRef(source.object);
    if (!byRef.has(ref)) byRef.set(ref, { ref, ...positionOf(source, "") });
  }
  const written = [...byRef.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  cache.set(cluster, written);
  return written;
}

/**
 * The object whose document holds a line of a file: the last one that starts at or above it, and
 * not above `documentStart` (the line after the nearest `---`), so that a document the cluster does
 * not have yet (being typed, or invalid) is not taken for the one before it.
 */
export function refAtLine(cluster: Cluster, file: string, line: number, documentStart = 1): Ref | null {
  let found: Ref | null = null;
  for (const object of writtenObjects(cluster)) {
    if (object.file !== file) continue;
    if (object.line > line) break;
    found = object.line >= documentStart ? object.ref : null;
  }
  return found;
}

/**
 * Where the YAML of an object in the graph is: its own document, or for what the control plane
 * made, the document that made it (a Deployment's pods, a Service's load balancer and EndpointSlices).
 */
export function positionOfRef(cluster: Cluster, ref: Ref): SourcePosition | null {
  const own = writtenObjects(cluster).find((o) => o.ref === ref);
  if (own) return { file: own.file, line: own.line, column: own.column };
  const fronted = lbTarget(ref);
  if (fronted) return positionOfRef(cluster, fronted);
  const pod = cluster.pods.find((p) => p.ref === ref);
  if (pod?.source) return positionOf(pod.source, "");
  if (pod?.owner) return positionOfRef(cluster, pod.owner);
  const slice = cluster.endpointSlices.find((s) => s.ref === ref);
  if (slice) return positionOfRef(cluster, slice.service);
  return null;
}
