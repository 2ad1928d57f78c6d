import type { KubeObject, Labels, ObjectMeta, SourcedObject } from "../manifests/types.ts";
import type { Random } from "../random.ts";
import { namespacedRef } from "../refs.ts";
import { asNumber, asRecord, asRecords, asString, asStringMap, type Fields } from "./fields.ts";
import { generateName, podTemplateHash, streamFor } from "./hash.ts";
import { filterNode } from "./scheduler.ts";
import type { NodeState, Ref } from "./types.ts";

/** A pod as the API server stores it on create: metadata and spec, before scheduling and status. */
export interface PodDraft {
  base: KubeObject;
  /** The controlling workload (`deployment/NS/NAME`), for pods a controller created. */
  owner?: Ref;
  /** The manifest the pod comes from: its own, or its workload's. */
  source: SourcedObject;
}

const WORKLOAD_KINDS = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"]);

/** plugin/pkg/admission/defaulttolerationseconds: every pod tolerates an unreachable or not-ready node for 300 s. */
const DEFAULT_TOLERATIONS: Fields[] = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
];

/** pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations: what the DaemonSet controller adds. */
function daemonTolerations(hostNetwork: boolean): Fields[] {
  const noExecute = ["not-ready", "unreachable"];
  const noSchedule = ["disk-pressure", "memory-pressure", "pid-pressure", "unschedulable"];
  if (hostNetwork) noSchedule.push("network-unavailable");
  return [
    ...noExecute.map((k) => ({ key: `node.kubernetes.io/${k}`, operator: "Exists", effect: "NoExecute" })),
    ...noSchedule.map((k) => ({ key: `node.kubernetes.io/${k}`, operator: "Exists", effect: "NoSchedule" })),
  ];
}

/** The pod spec after admission: the default tolerations added where missing. */
function admitted(spec: Fields): Fields {
  return withTolerations(spec, DEFAULT_TOLERATIONS);
}

function withTolerations(spec: Fields, added: readonly Fields[]): Fields {
  const existing = asRecords(spec.tolerations);
  const missing = added.filter(
    (t) => !existing.some((e) => e.key === t.key && (e.effect === undefined || e.effect === t.effect)),
  );
  return missing.length ? { ...spec, tolerations: [...existing, ...missing] } : spec;
}

interface Template {
  labels: Labels;
  annotations: Record<string, string>;
  spec: Fields;
  raw: unknown;
}

function templateOf(workload: KubeObject): Template {
  const raw = asRecord(workload.spec).template;
  const template = asRecord(raw);
  const meta = asRecord(template.metadata);
  return {
    labels: asStringMap(meta.labels),
    annotations: asStringMap(meta.annotations),
    spec: admitted(asRecord(template.spec)),
    raw,
  };
}

function controllerRef(apiVersion: string, kind: string, name: string) {
  return { apiVersion, kind, name, controller: true, blockOwnerDeletion: true };
}

class PodFactory {
  readonly drafts: PodDraft[] = [];
  /** Names in use, by namespace: nested rather than keyed "NS/NAME", which would be spelt twice a pod. */
  private readonly taken = new Map<string, Set<string>>();

  constructor(bare: readonly KubeObject[]) {
    for (const pod of bare) this.take(pod.metadata.namespace ?? "default", pod.metadata.name);
  }

  private take(namespace: string, name: string): void {
    const names = this.taken.get(namespace);
    if (names) names.add(name);
    else this.taken.set(namespace, new Set([name]));
  }

  /** generateName as the API server does, drawing again on the rare clash with an existing name. */
  uniqueName(namespace: string, prefix: string, random: Random): string {
    for (;;) {
      const name = generateName(prefix, random);
      if (!this.taken.get(namespace)?.has(name)) return name;
    }
  }

  /** `spec` as admitted (see `admitted`); pods of one template share it, which keeps large clusters cheap. */
  add(metadata: ObjectMeta, spec: Fields, source: SourcedObject, owner?: Ref, status?: Fields): void {
    const namespace = metadata.namespace ?? "default";
    this.take(namespace, metadata.name);
    // Optional fields assigned rather than spread in, and podMeta's fresh metadata (which has its
    // namespace) kept rather than copied: per-pod spreads are much of a 10,000-pod build on Node 20.
    const base: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: metadata.namespace === namespace ? metadata : { ...metadata, namespace },
      spec,
    };
    if (status) base.status = status;
    const draft: PodDraft = { base, source };
    if (owner) draft.owner = owner;
    this.drafts.push(draft);
  }
}

function podMeta(
  workload: KubeObject,
  template: Template,
  name: string,
  labels: Labels,
  owner: ReturnType<typeof controllerRef>,
  prefix?: string,
): ObjectMeta {
  // Assigned in order rather than spread, for the reason given in PodFactory.add.
  const meta: ObjectMeta = { name };
  if (prefix) meta.generateName = prefix;
  meta.namespace = workload.metadata.namespace ?? "default";
  meta.labels = labels;
  if (Object.keys(template.annotations).length) meta.annotations = template.annotations;
  meta.ownerReferences = [owner];
  return meta;
}

/** spec.replicas, 1 when left out (apps/v1 defaulting). */
export function replicasOf(workload: KubeObject): number {
  return Math.max(0, asNumber(asRecord(workload.spec).replicas) ?? 1);
}

function refOf(kind: string, workload: KubeObject): Ref {
  return namespacedRef(kind.toLowerCase(), workload.metadata.namespace ?? "default", workload.metadata.name);
}

/** The ReplicaSet's pods: generateName `RS-NAME-` plus five characters (replicaset.go + names.SimpleNameGenerator). */
function replicaSetPods(
  factory: PodFactory,
  source: SourcedObject,
  rsName: string,
  template: Template,
  labels: Labels,
  replicas: number,
  random: Random,
  ownerRef: Ref,
): void {
  const workload = source.object;
  const namespace = workload.metadata.namespace ?? "default";
  const owner = controllerRef("apps/v1", "ReplicaSet", rsName);
  for (let i = 0; i < replicas; i++) {
    const name = factory.uniqueName(namespace, `${rsName}-`, random);
    factory.add(
      podMeta(workload, template, name, labels, owner, `${rsName}-`),
      template.spec,
      source,
      ownerRef,
    );
  }
}

function deployment(factory: PodFactory, source: SourcedObject, seed: number): void {
  const workload = source.object;
  const template = templateOf(workload);
  // deployment/sync.go: the ReplicaSet is named DEPLOYMENT-<pod-template-hash>, and its pods carry that label.
  const hash = podTemplateHash(template.raw);
  const ref = refOf("Deployment", workload);
  const labels = { ...template.labels, "pod-template-hash": hash };
  const random = streamFor(seed, ref);
  replicaSetPods(
    factory,
    source,
    `${workload.metadata.name}-${hash}`,
    template,
    labels,
    replicasOf(workload),
    random,
    ref,
  );
}

function replicaSet(factory: PodFactory, source: SourcedObject, seed: number): void {
  const workload = source.object;
  const template = templateOf(workload);
  const ref = refOf("ReplicaSet", workload);
  const random = streamFor(seed, ref);
  replicaSetPods(
    factory,
    source,
    workload.metadata.name,
    template,
    template.labels,
    replicasOf(workload),
    random,
    ref,
  );
}

/** statefulset/stateful_set_utils.go newStatefulSetPod: NAME-ORDINAL, hostname = pod name, subdomain = serviceName. */
function statefulSet(factory: PodFactory, source: SourcedObject): void {
  const workload = source.object;
  const name = workload.metadata.name;
  const template = templateOf(workload);
  const serviceName = asString(asRecord(workload.spec).serviceName);
  const owner = controllerRef("apps/v1", "StatefulSet", name);
  const revision = `${name}-${podTemplateHash(template.raw)}`;
  for (let i = 0; i < replicasOf(workload); i++) {
    const podName = `${name}-${i}`;
    const labels = {
      ...template.labels,
      "apps.kubernetes.io/pod-index": String(i),
      "controller-revision-hash": revision,
      "statefulset.kubernetes.io/pod-name": podName,
    };
    const spec = { ...template.spec, hostname: podName, ...(serviceName ? { subdomain: serviceName } : {}) };
    factory.add(
      podMeta(workload, template, podName, labels, owner),
      spec,
      source,
      refOf("StatefulSet", workload),
    );
  }
}

/**
 * daemon_controller.go: one pod per node the template fits (its node affinity and the node's taints,
 * with the DaemonSet tolerations added), pinned by a metadata.name node affinity
 * (ReplaceDaemonSetPodNodeNameNodeAffinity) that the scheduler then honours.
 */
function daemonSet(
  factory: PodFactory,
  source: SourcedObject,
  nodes: readonly NodeState[],
  seed: number,
): void {
  const workload = source.object;
  const name = workload.metadata.name;
  const namespace = workload.metadata.namespace ?? "default";
  const template = templateOf(workload);
  // The controller adds its tolerations to the template before the pods reach admission.
  const written = asRecord(asRecord(template.raw).spec);
  const spec = admitted(withTolerations(written, daemonTolerations(written.hostNetwork === true)));
  const ref = refOf("DaemonSet", workload);
  const random = streamFor(seed, ref);
  const owner = controllerRef("apps/v1", "DaemonSet", name);
  const labels = {
    ...template.labels,
    "controller-revision-hash": podTemplateHash(template.raw),
    "pod-template-generation": "1",
  };
  for (const node of nodes) {
    if (filterNode(spec, node) !== null) continue;
    const affinity = {
      ...asRecord(spec.affinity),
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchFields: [{ key: "metadata.name", operator: "In", values: [node.name] }] },
          ],
        },
      },
    };
    const podName = factory.uniqueName(namespace, `${name}-`, random);
    factory.add(
      podMeta(workload, template, podName, labels, owner, `${name}-`),
      { ...spec, affinity },
      source,
      ref,
    );
  }
}

/**
 * Turns bare Pods and workloads into pods, in manifest order. Each workload draws its name suffixes
 * from its own PRNG stream (seed + workload ref), so editing one never renames another's pods.
 */
export function expandWorkloads(
  objects: readonly SourcedObject[],
  nodes: readonly NodeState[],
  seed: number,
): PodDraft[] {
  const factory = new PodFactory(objects.flatMap((o) => (o.object.kind === "Pod" ? [o.object] : [])));
  for (const source of objects) {
    const { kind } = source.object;
    if (kind === "Pod") {
      const { metadata, spec, status } = source.object;
      factory.add(metadata, admitted(asRecord(spec)), source, undefined, status);
    } else if (WORKLOAD_KINDS.has(kind) && source.object.apiVersion === "apps/v1") {
      if (kind === "Deployment") deployment(factory, source, seed);
      else if (kind === "ReplicaSet") replicaSet(factory, source, seed);
      else if (kind === "StatefulSet") statefulSet(factory, source);
      else daemonSet(factory, source, nodes, seed);
    }
  }
  return factory.drafts;
}
