import { diagnostic } from "../manifests/diagnostics.ts";
import { kindInfo, objectRef } from "../manifests/kinds.ts";
import { positionOf } from "../manifests/positions.ts";
import type { Diagnostic, SourcedObject } from "../manifests/types.ts";
import { type DiagnosticMessage, message } from "../messages/index.ts";
import { asNumber, asRecord, asRecords, asStringMap } from "./fields.ts";
import { LabelIndex } from "./labels.ts";
import { buildNodes, DEFAULT_NODE_NAMES } from "./nodes.ts";
import { expandWorkloads } from "./workloads.ts";

/*
 * The size of cluster this simulator holds. These are the simulator's own limits, not Kubernetes'
 * (a real API server accepts `replicas: 2147483647`); each keeps a build of the largest accepted
 * cluster, its data plane and a trace within a fraction of a second, in the browser's worker and
 * the CLI alike, and anything past them is refused before any pod is made (issue 16 item 1).
 * The README and the Manifests tab state them.
 */

/** Pods one Deployment, ReplicaSet or StatefulSet may ask for (also the cap of a Scenario's `scale`). */
export const MAX_WORKLOAD_REPLICAS = 1_000;

/** Pods in total: bare Pods and workloads' replicas, a DaemonSet counted once per node. */
export const MAX_PODS = 10_000;

/** `kind: Node` objects. Nodes without addresses get 192.168.0.(10+N) and 10.244.N.0/24, which run out past 243. */
export const MAX_NODES = 200;

/** Services, the implicit `kubernetes` and `kube-dns` not counted. */
export const MAX_SERVICES = 5_000;

/** Ports of all Services together: each is a set of kube-proxy chains on every node. */
export const MAX_SERVICE_PORTS = 10_000;

/**
 * Pods selected by Services, summed over the Services: the endpoints the EndpointSlice controller
 * writes. 50,000 build with their data plane in about half a second on a slow machine.
 */
export const MAX_ENDPOINTS = 50_000;

/** Every limit above by a short name, for the texts that state them (the Manifests tab). */
export const SIMULATOR_LIMITS = {
  replicas: MAX_WORKLOAD_REPLICAS,
  pods: MAX_PODS,
  nodes: MAX_NODES,
  services: MAX_SERVICES,
  ports: MAX_SERVICE_PORTS,
  endpoints: MAX_ENDPOINTS,
} as const;

/** How every message about these limits says whose they are. */
export const LIMIT_NOTE = message("limits.note");

const WORKLOADS = new Set(["Deployment", "ReplicaSet", "StatefulSet"]);

function error(source: SourcedObject, path: string, text: DiagnosticMessage): Diagnostic {
  return diagnostic(positionOf(source, path), "error", path, text, objectRef(source.object));
}

function isKind(source: SourcedObject, kind: string): boolean {
  return source.object.kind === kind && kindInfo(source.object) !== undefined;
}

/** The pods an object makes, as expandWorkloads would make them (DaemonSets: at most one per node). */
function podsOf(source: SourcedObject, nodeCount: number): number {
  if (isKind(source, "Pod")) return 1;
  if (isKind(source, "DaemonSet")) return nodeCount;
  if (!WORKLOADS.has(source.object.kind) || !kindInfo(source.object)) return 0;
  return Math.max(0, asNumber(asRecord(source.object.spec).replicas) ?? 1);
}

/** The pods each workload asks for, within the per-workload and total limits. */
function checkPods(objects: readonly SourcedObject[], nodeCount: number, out: Diagnostic[]): void {
  let total = 0;
  let reported = false;
  for (const source of objects) {
    const asked = podsOf(source, nodeCount);
    if (asked === 0) continue;
    const path = source.object.kind === "Pod" || source.object.kind === "DaemonSet" ? "" : "spec.replicas";
    if (path && asked > MAX_WORKLOAD_REPLICAS) {
      out.push(
        error(
          source,
          path,
          message("limits.workloadReplicas", { asked, max: MAX_WORKLOAD_REPLICAS, note: LIMIT_NOTE }),
        ),
      );
    }
    total += Math.min(asked, MAX_WORKLOAD_REPLICAS);
    if (total > MAX_PODS && !reported) {
      reported = true;
      out.push(
        error(
          source,
          path,
          message("limits.pods", { kind: source.object.kind, max: MAX_PODS, note: LIMIT_NOTE }),
        ),
      );
    }
  }
}

/** The (limit+1)th object of a kind, when there is one. */
function checkCount(sources: readonly SourcedObject[], limit: number, noun: string, out: Diagnostic[]): void {
  const first = sources[limit];
  if (first) {
    out.push(
      error(
        first,
        "",
        message("limits.count", { count: sources.length, kind: noun, max: limit, note: LIMIT_NOTE }),
      ),
    );
  }
}

function checkServicePorts(services: readonly SourcedObject[], out: Diagnostic[]): void {
  let total = 0;
  for (const source of services) {
    const ports = asRecords(asRecord(source.object.spec).ports).length;
    total += ports;
    if (total > MAX_SERVICE_PORTS) {
      const at = ports - (total - MAX_SERVICE_PORTS);
      out.push(
        error(
          source,
          `spec.ports[${at}]`,
          message("limits.servicePorts", { max: MAX_SERVICE_PORTS, note: LIMIT_NOTE }),
        ),
      );
      return;
    }
  }
}

/**
 * Endpoints the Services would have. Counted only when the cheap bound (every Service selecting every
 * pod of its namespace) is past the limit: then the pods are made, as the build would make them, and
 * counted per Service, stopping at the limit.
 */
function checkEndpoints(
  objects: readonly SourcedObject[],
  services: readonly SourcedObject[],
  nodeCount: number,
  out: Diagnostic[],
): void {
  const selecting = services.filter((s) => Object.keys(selectorOf(s)).length > 0);
  const podsIn = new Map<string, number>();
  for (const source of objects) {
    const namespace = source.object.metadata.namespace ?? "default";
    podsIn.set(namespace, (podsIn.get(namespace) ?? 0) + podsOf(source, nodeCount));
  }
  let bound = 0;
  for (const s of selecting) bound += podsIn.get(s.object.metadata.namespace ?? "default") ?? 0;
  if (bound <= MAX_ENDPOINTS || templateBound(objects, selecting, nodeCount) <= MAX_ENDPOINTS) return;
  const pods = expandWorkloads(objects, buildNodes(objects), 0).map((draft) => ({
    namespace: draft.base.metadata.namespace ?? "default",
    labels: draft.base.metadata.labels ?? {},
  }));
  const index = new LabelIndex(pods);
  let total = 0;
  for (const source of selecting) {
    total += index.select(source.object.metadata.namespace ?? "default", selectorOf(source)).length;
    if (total > MAX_ENDPOINTS) {
      out.push(
        error(source, "spec.selector", message("limits.endpoints", { max: MAX_ENDPOINTS, note: LIMIT_NOTE })),
      );
      return;
    }
  }
}

/**
 * Labels the workload controllers add to the pods they make, beyond their template's: pod-template-hash
 * (deployment/util), controller-revision-hash and pod-template-generation (daemon and stateful set
 * controllers), statefulset.kubernetes.io/pod-name and apps.kubernetes.io/pod-index (stateful_set_utils.go).
 */
const CONTROLLER_LABELS = [
  "pod-template-hash",
  "controller-revision-hash",
  "pod-template-generation",
  "statefulset.kubernetes.io/pod-name",
  "apps.kubernetes.io/pod-index",
];

/**
 * A bound on the endpoints counted from the pod templates, each weighed by the pods it makes, without
 * making any pod: a pod's labels are its template's plus the controller's, so a selector without the
 * controller's keys selects at least every pod the full selector does. Tight for ordinary manifests,
 * so the pods are made (below) only for a cluster near the limit.
 */
function templateBound(
  objects: readonly SourcedObject[],
  selecting: readonly SourcedObject[],
  nodeCount: number,
): number {
  const makers = objects.flatMap((source) => {
    const pods = podsOf(source, nodeCount);
    if (pods === 0) return [];
    const meta =
      source.object.kind === "Pod"
        ? source.object.metadata
        : asRecord(asRecord(asRecord(source.object.spec).template).metadata);
    return [
      { namespace: source.object.metadata.namespace ?? "default", labels: asStringMap(meta.labels), pods },
    ];
  });
  const index = new LabelIndex(makers);
  let total = 0;
  for (const service of selecting) {
    const selector = { ...selectorOf(service) };
    for (const key of CONTROLLER_LABELS) delete selector[key];
    for (const maker of index.select(service.object.metadata.namespace ?? "default", selector))
      total += maker.pods;
  }
  return total;
}

function selectorOf(service: SourcedObject): Record<string, string> {
  const spec = asRecord(service.object.spec);
  return spec.type === "ExternalName" ? {} : asStringMap(spec.selector);
}

/**
 * Errors for manifests that describe a cluster larger than the simulator holds (the limits above), each
 * on the object that crosses a limit. Cheap for any input: the pods are counted from the manifests, and
 * made only when the endpoints must be counted and every count is already within its limit.
 */
export function checkSimulatorLimits(objects: readonly SourcedObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nodes = objects.filter((o) => isKind(o, "Node"));
  const services = objects.filter((o) => isKind(o, "Service"));
  const nodeCount = nodes.length || DEFAULT_NODE_NAMES.length;
  checkCount(nodes, MAX_NODES, "Nodes", out);
  checkCount(services, MAX_SERVICES, "Services", out);
  checkServicePorts(services, out);
  checkPods(objects, nodeCount, out);
  if (out.length === 0) checkEndpoints(objects, services, nodeCount, out);
  return out;
}
