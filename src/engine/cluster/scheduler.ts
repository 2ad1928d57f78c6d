import { type EventMessage, message, messageList, renderMessage } from "../messages/index.ts";
import { asRecords, asString, asStringMap, type Fields } from "./fields.ts";
import { matchesLabels, setOperatorHolds } from "./labels.ts";
import type { NodeState, Taint } from "./types.ts";

/** The taint the node lifecycle controller puts on a cordoned node (TaintNodesByCondition). */
export const UNSCHEDULABLE_TAINT: Taint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };

/** k8s.io/api/core/v1 toleration.go ToleratesTaint: key (empty with Exists = any), operator, value, effect. */
export function tolerates(toleration: Fields, taint: Taint): boolean {
  const effect = asString(toleration.effect);
  if (effect && effect !== taint.effect) return false;
  const key = asString(toleration.key);
  const operator = asString(toleration.operator) ?? "Equal";
  if (key ? key !== taint.key : operator !== "Exists") return false;
  if (operator === "Exists") return true;
  return operator === "Equal" && (asString(toleration.value) ?? "") === (taint.value ?? "");
}

function toleratesAll(spec: Fields, taint: Taint): boolean {
  return Array.isArray(spec.tolerations) && asRecords(spec.tolerations).some((t) => tolerates(t, taint));
}

/** `value[key]` when `value` is a mapping: a field read that makes nothing for a field left out. */
function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Fields)[key]
    : undefined;
}

function fieldValue(node: NodeState, key: string): string | undefined {
  return key === "metadata.name" ? node.name : undefined;
}

/** component-helpers/scheduling/corev1/nodeaffinity: one NodeSelectorRequirement against a value. */
function requirementHolds(req: Fields, value: string | undefined): boolean {
  const values = Array.isArray(req.values) ? req.values.filter((v) => typeof v === "string") : [];
  const set = setOperatorHolds(req.operator, value, values);
  if (set !== null) return set;
  if (req.operator !== "Gt" && req.operator !== "Lt") return false;
  const bound = Number(values[0]);
  const actual = Number(value);
  if (value === undefined || !Number.isInteger(actual) || !Number.isInteger(bound)) return false;
  return req.operator === "Gt" ? actual > bound : actual < bound;
}

/** nodeSelector AND requiredDuringSchedulingIgnoredDuringExecution (terms ORed; an empty term matches nothing). */
function matchesNodeAffinity(spec: Fields, node: NodeState): boolean {
  // Absent fields are passed over without reading them into empty objects: the scheduler asks this of
  // every pod on several nodes (issue 15: a 10,000-pod build).
  if (spec.nodeSelector !== undefined && !matchesLabels(asStringMap(spec.nodeSelector), node.labels))
    return false;
  const terms = field(
    field(field(spec.affinity, "nodeAffinity"), "requiredDuringSchedulingIgnoredDuringExecution"),
    "nodeSelectorTerms",
  );
  if (!Array.isArray(terms)) return true;
  return asRecords(terms).some((term) => {
    const expressions = asRecords(term.matchExpressions);
    const fields = asRecords(term.matchFields);
    if (expressions.length === 0 && fields.length === 0) return false;
    return (
      expressions.every((req) => requirementHolds(req, node.labels[asString(req.key) ?? ""])) &&
      fields.every((req) => requirementHolds(req, fieldValue(node, asString(req.key) ?? "")))
    );
  });
}

/** Why a filter plugin rejects a node, as the scheduler counts it ("3 node(s) were unschedulable"). */
type FilterReason =
  | { code: "event.scheduling.unschedulable" | "event.scheduling.nodeAffinity" }
  | { code: "event.scheduling.untoleratedTaint"; key: string; value: string };

/**
 * The default profile's filter plugins in their order (NodeUnschedulable, TaintToleration,
 * NodeAffinity); a node fails on the first that rejects it. Returns that plugin's reason, or null.
 */
export function filterNode(spec: Fields, node: NodeState): FilterReason | null {
  // plugins/nodeunschedulable: ErrReasonUnschedulable unless the pod tolerates the unschedulable taint.
  if (node.unschedulable && !toleratesAll(spec, UNSCHEDULABLE_TAINT))
    return { code: "event.scheduling.unschedulable" };
  // plugins/tainttoleration: only NoSchedule and NoExecute taints filter.
  const untolerated = node.taints.find((t) => t.effect !== "PreferNoSchedule" && !toleratesAll(spec, t));
  if (untolerated)
    return {
      code: "event.scheduling.untoleratedTaint",
      key: untolerated.key,
      value: untolerated.value ?? "",
    };
  // plugins/nodeaffinity: ErrReasonPod.
  if (!matchesNodeAffinity(spec, node)) return { code: "event.scheduling.nodeAffinity" };
  return null;
}

export type Placement = { nodeName: string; reason?: undefined } | { nodeName: null; reason: EventMessage };

/** scheduler/framework/types.go FitError.Error: "0/N nodes are available: " + sorted reason counts. */
function fitError(spec: Fields, nodes: readonly NodeState[]): EventMessage {
  const counts = new Map<string, { reason: FilterReason; count: number }>();
  for (const node of nodes) {
    const reason = filterNode(spec, node);
    if (!reason) continue;
    const key = JSON.stringify(reason);
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { reason, count: 1 });
  }
  const reasons = [...counts.values()]
    .map(({ reason: { code, ...params }, count }) => ({ code, params: { ...params, count } }) as EventMessage)
    .map((m) => ({ m, english: renderMessage(m) }))
    .sort((a, b) => (a.english < b.english ? -1 : a.english > b.english ? 1 : 0))
    .map(({ m }) => m);
  return message("event.scheduling.fitError", { total: nodes.length, reasons: messageList(reasons) });
}

/**
 * Places pods in order. `spec.nodeName` bypasses the scheduler, as it does in Kubernetes. Among the
 * nodes that pass the filters, the simulator picks the one with the fewest pods, ties going to the
 * earlier node: a stand-in for the default scoring plugins' spreading (real scores also weigh
 * resources, images and topology, which the simulator does not model).
 */
export function schedulePods(
  specs: readonly Fields[],
  nodes: readonly NodeState[],
  /** Pods already running per node, when scheduling into a cluster that has some (a simulation). */
  running: ReadonlyMap<string, number> = new Map(),
): Placement[] {
  // Pods per node by the node's index: this loop runs for every pod over every node, so no Map lookups in it.
  const load = nodes.map((n) => running.get(n.name) ?? 0);
  const indexOf = new Map(nodes.map((n, i) => [n.name, i]));
  return specs.map((spec): Placement => {
    const requested = asString(spec.nodeName);
    if (requested) {
      const index = indexOf.get(requested);
      if (index === undefined) {
        return {
          nodeName: null,
          reason: message("event.scheduling.noSuchNode", { node: requested }),
        };
      }
      load[index] = (load[index] ?? 0) + 1;
      return { nodeName: requested };
    }
    let best = -1;
    for (let i = 0; i < nodes.length; i++) {
      if (best >= 0 && (load[i] ?? 0) >= (load[best] ?? 0)) continue;
      const node = nodes[i];
      if (node && filterNode(spec, node) === null) best = i;
    }
    const chosen = nodes[best];
    if (!chosen) return { nodeName: null, reason: fitError(spec, nodes) };
    load[best] = (load[best] ?? 0) + 1;
    return { nodeName: chosen.name };
  });
}
