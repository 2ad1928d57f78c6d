import { objectRef } from "../manifests/kinds.ts";
import type { SourcedObject } from "../manifests/types.ts";
import type { Random } from "../random.ts";
import { asRecord } from "./fields.ts";
import { generateName, streamFor } from "./hash.ts";
import type { NodeState, Ref } from "./types.ts";
import { expandWorkloads, type PodDraft } from "./workloads.ts";

/** `deployment/NS/NAME` for an apps/v1 workload. */
export function workloadRef(source: SourcedObject): Ref {
  return objectRef(source.object);
}

export function replicasOf(source: SourcedObject): number {
  const replicas = asRecord(source.object.spec).replicas;
  return typeof replicas === "number" ? replicas : 1;
}

function withReplicas(source: SourcedObject, replicas: number): SourcedObject {
  const object = source.object;
  return { ...source, object: { ...object, spec: { ...object.spec, replicas } } };
}

function renamed(draft: PodDraft, name: string): PodDraft {
  return { ...draft, base: { ...draft.base, metadata: { ...draft.base.metadata, name } } };
}

/**
 * The ReplicaSet, StatefulSet and DaemonSet controllers' new pods over time (sim/world.ts), made by
 * the expansion the static build uses (expandWorkloads) and named as buildCluster names them: each
 * generateName workload draws its suffixes from the same PRNG stream (seed + workload ref), skipping
 * every name already used, so the pods a controller creates during a simulation continue the names
 * it created at the start.
 */
export class PodMaker {
  private readonly streams = new Map<Ref, Random>();

  constructor(
    private readonly seed: number,
    /** "NS/NAME" of every pod that ever existed. */
    private readonly used: Set<string>,
  ) {}

  private freshName(ref: Ref, namespace: string, prefix: string): string {
    let stream = this.streams.get(ref);
    if (!stream) {
      stream = streamFor(this.seed, ref);
      this.streams.set(ref, stream);
    }
    for (;;) {
      const name = generateName(prefix, stream);
      if (!this.used.has(`${namespace}/${name}`)) return this.claim(namespace, name);
    }
  }

  private claim(namespace: string, name: string): string {
    this.used.add(`${namespace}/${name}`);
    return name;
  }

  /** ReplicaSet controller (a Deployment's or its own): `count` more pods `RS-NAME-xxxxx`. */
  replicas(source: SourcedObject, nodes: readonly NodeState[], count: number): PodDraft[] {
    const [template] = expandWorkloads([withReplicas(source, 1)], nodes, this.seed);
    if (!template) return [];
    const namespace = template.base.metadata.namespace ?? "default";
    const prefix = template.base.metadata.generateName ?? `${template.base.metadata.name}-`;
    const ref = workloadRef(source);
    return Array.from({ length: count }, () => renamed(template, this.freshName(ref, namespace, prefix)));
  }

  /** StatefulSet controller: the pod of one ordinal, NAME-ORDINAL, with its stable hostname. */
  ordinal(source: SourcedObject, nodes: readonly NodeState[], ordinal: number): PodDraft | undefined {
    const drafts = expandWorkloads([withReplicas(source, ordinal + 1)], nodes, this.seed);
    const draft = drafts[ordinal];
    if (draft) this.claim(draft.base.metadata.namespace ?? "default", draft.base.metadata.name);
    return draft;
  }

  /** DaemonSet controller: the pod for one node, if the node fits the template (taints, affinity). */
  daemon(source: SourcedObject, node: NodeState): PodDraft | undefined {
    const [draft] = expandWorkloads([source], [node], this.seed);
    if (!draft) return undefined;
    const namespace = draft.base.metadata.namespace ?? "default";
    const prefix = draft.base.metadata.generateName ?? `${source.object.metadata.name}-`;
    return renamed(draft, this.freshName(workloadRef(source), namespace, prefix));
  }
}
