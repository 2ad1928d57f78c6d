import { objectRef } from "../../manifests/kinds.ts";
import type { SourcedObject } from "../../manifests/types.ts";
import { type EventMessage, message } from "../../messages/index.ts";
import type { Random } from "../../random.ts";
import { refKind, refName, replicaSetRef } from "../../refs.ts";
import { generateName, streamFor } from "../hash.ts";
import type { Cluster, NodeState, PodState, Ref } from "../types.ts";
import { expandWorkloads, type PodDraft, replicasOf } from "../workloads.ts";
import type { ControllerEvent } from "./events.ts";

/** `deployment/NS/NAME` for an apps/v1 workload. */
export function workloadRef(source: SourcedObject): Ref {
  return objectRef(source.object);
}

function withReplicas(source: SourcedObject, replicas: number): SourcedObject {
  const object = source.object;
  return { ...source, object: { ...object, spec: { ...object.spec, replicas } } };
}

function renamed(draft: PodDraft, name: string): PodDraft {
  return { ...draft, base: { ...draft.base, metadata: { ...draft.base.metadata, name } } };
}

/**
 * The ReplicaSet, StatefulSet and DaemonSet controllers' new pods over time, made by
 * the expansion the static build uses (expandWorkloads) and named as buildCluster names them: each
 * generateName workload draws its suffixes from the same PRNG stream (seed + workload ref), skipping
 * every name already used, so the pods a controller creates during a simulation continue the names
 * it created at the start.
 */
class PodMaker {
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

/** What one sync of a workload's controller does: the pods it deletes, each with its event, then the pods it creates. */
export interface WorkloadSync {
  deletions: { pod: PodState; event: ControllerEvent }[];
  drafts: PodDraft[];
}

const NO_SYNC: WorkloadSync = { deletions: [], drafts: [] };

/** The ReplicaSet (a Deployment's or its own) that owns a pod, or the workload itself. */
function controllerOf(pod: PodState | PodDraft, ref: Ref): Ref {
  const meta = "base" in pod ? pod.base.metadata : pod.object.metadata;
  const owner = meta.ownerReferences?.[0];
  if (owner?.kind === "ReplicaSet") return replicaSetRef(meta.namespace ?? "default", owner.name);
  return ref;
}

/** stateful_set_utils.go getOrdinal: the ordinal a StatefulSet pod's name ends with. */
function ordinalOf(pod: PodState, statefulSet: string): number {
  return Number(pod.name.slice(statefulSet.length + 1));
}

/**
 * The workload controllers of the cluster's apps/v1 objects (pkg/controller/replicaset,
 * statefulset, daemon; a Deployment's pods are its ReplicaSet's): each workload's wanted replicas,
 * and what a sync does to reach them from the pods there are. The static build's pods are their
 * first sync (expandWorkloads); this carries them on as the cluster changes on the clock.
 */
export class WorkloadControllers {
  private readonly workloads = new Map<Ref, SourcedObject>();
  private readonly desired = new Map<Ref, number>();
  private readonly maker: PodMaker;

  constructor(cluster: Pick<Cluster, "objects" | "pods" | "settings">) {
    for (const source of cluster.objects) {
      if (source.object.apiVersion !== "apps/v1") continue;
      const ref = workloadRef(source);
      this.workloads.set(ref, source);
      this.desired.set(ref, replicasOf(source.object));
    }
    this.maker = new PodMaker(
      cluster.settings.seed,
      new Set(cluster.pods.map((p) => `${p.namespace}/${p.name}`)),
    );
  }

  /**
   * kubectl scale: the workload wants `replicas` pods from now on. The event is the Deployment
   * controller's ScalingReplicaSet (naming the ReplicaSet of `pods`), or the workload's Scaled.
   */
  scale(ref: Ref, replicas: number, pods: readonly PodState[]): ControllerEvent | undefined {
    const source = this.workloads.get(ref);
    if (!source) return undefined;
    const from = this.desired.get(ref) ?? 0;
    this.desired.set(ref, replicas);
    if (source.object.kind !== "Deployment")
      return {
        type: "Normal",
        reason: "Scaled",
        object: ref,
        text: message("event.workload.scaled", { from, to: replicas }),
      };
    const sample = pods.find((p) => p.owner === ref);
    const rs = sample?.object.metadata.ownerReferences?.[0]?.name ?? source.object.metadata.name;
    const code = replicas >= from ? "event.deployment.scaledUp" : "event.deployment.scaledDown";
    return {
      type: "Normal",
      reason: "ScalingReplicaSet",
      object: ref,
      text: message(code, { replicaSet: rs, from, to: replicas }),
    };
  }

  /** One sync of `ref`'s controller over the pods there are (`terminating` ones still hold their names). */
  sync(
    ref: Ref,
    pods: readonly PodState[],
    nodes: readonly NodeState[],
    terminating: ReadonlySet<Ref>,
  ): WorkloadSync {
    const source = this.workloads.get(ref);
    if (!source) return NO_SYNC;
    const desired = this.desired.get(ref) ?? 0;
    const own = pods.filter((p) => p.owner === ref);
    const kind = source.object.kind;
    if (kind === "StatefulSet") return this.statefulSet(ref, source, own, nodes, desired, terminating);
    if (kind === "DaemonSet") {
      // daemon_controller.go: a pod on every node that fits and has none.
      const drafts = nodes.flatMap((node) => {
        if (own.some((p) => p.nodeName === node.name)) return [];
        const draft = this.maker.daemon(source, node);
        return draft ? [draft] : [];
      });
      return { deletions: [], drafts };
    }
    // replica_set.go: terminating pods are not active; the controller makes up the difference.
    const active = own.filter((p) => !terminating.has(p.ref));
    if (active.length < desired)
      return { deletions: [], drafts: this.maker.replicas(source, nodes, desired - active.length) };
    // getPodsToDelete ranks unscheduled before scheduled, not ready before ready, newer before older.
    const ranked = active
      .map((pod, i) => ({ pod, i }))
      .sort(
        (a, b) =>
          Number(a.pod.nodeName !== null) - Number(b.pod.nodeName !== null) ||
          Number(a.pod.ready) - Number(b.pod.ready) ||
          b.i - a.i,
      );
    const deletions = ranked.slice(0, Math.max(0, active.length - desired)).map(({ pod }) => ({
      pod,
      event: this.deleted(controllerOf(pod, ref), message("event.replicaSet.deleted", { pod: pod.name })),
    }));
    return { deletions, drafts: [] };
  }

  /**
   * stateful_set_control.go: one pod per ordinal below replicas, named NAME-ORDINAL, and the pods
   * above it deleted, highest first. A pod whose name still exists, even Terminating on an
   * unreachable node, is not replaced: the StatefulSet controller waits, so that two pods never
   * share an identity (docs: Force Delete StatefulSet Pods).
   */
  private statefulSet(
    ref: Ref,
    source: SourcedObject,
    own: readonly PodState[],
    nodes: readonly NodeState[],
    desired: number,
    terminating: ReadonlySet<Ref>,
  ): WorkloadSync {
    const name = source.object.metadata.name;
    const drafts: PodDraft[] = [];
    for (let i = 0; i < desired; i++) {
      if (own.some((p) => p.name === `${name}-${i}`)) continue;
      const draft = this.maker.ordinal(source, nodes, i);
      if (draft) drafts.push(draft);
    }
    const deletions = own
      .filter((p) => ordinalOf(p, name) >= desired && !terminating.has(p.ref))
      .sort((a, b) => ordinalOf(b, name) - ordinalOf(a, name))
      .map((pod) => ({
        pod,
        event: this.deleted(ref, message("event.statefulSet.deleted", { pod: pod.name, statefulSet: name })),
      }));
    return { deletions, drafts };
  }

  private deleted(object: Ref, text: EventMessage): ControllerEvent {
    return { type: "Normal", reason: "SuccessfulDelete", object, text };
  }

  /** The SuccessfulCreate event `ref`'s controller (or its ReplicaSet) records for a pod it created. */
  created(ref: Ref, pod: PodState): ControllerEvent {
    const text =
      refKind(ref) === "statefulset"
        ? message("event.statefulSet.created", { pod: pod.name, statefulSet: refName(ref) })
        : message("event.replicaSet.created", { pod: pod.name });
    return { type: "Normal", reason: "SuccessfulCreate", object: controllerOf(pod, ref), text };
  }
}
