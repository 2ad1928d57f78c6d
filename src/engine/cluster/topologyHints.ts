import { asRecord } from "./fields.ts";
import type { EndpointState, NodeState } from "./types.ts";

/** core/v1 AnnotationTopologyMode, and the deprecated annotation it replaced (which wins when both are set). */
export const TOPOLOGY_MODE_ANNOTATION = "service.kubernetes.io/topology-mode";
export const TOPOLOGY_AWARE_HINTS_ANNOTATION = "service.kubernetes.io/topology-aware-hints";

/** topologycache.go overloadThreshold: the most overload any one endpoint should be exposed to. */
const OVERLOAD_THRESHOLD = 0.2;

/**
 * A simulator choice: a node whose manifest states no status.allocatable.cpu has 2 CPUs (the kubelet
 * always reports it; the default nodes have no manifest to say).
 */
export const DEFAULT_NODE_CPU_MILLIS = 2000;

/** Why the EndpointSlice controller removed the hints: topologycache/event.go's messages. */
export type HintsDisabledReason =
  | "InsufficientNodeInfo"
  | "InsufficientNumberOfEndpoints"
  | "MinAllocationExceedsOverloadThreshold"
  | "NoZoneSpecified";

/**
 * endpointslice reconciler hintsEnabled: topology-aware-hints, else topology-mode, set to "Auto" or
 * "auto". (Kubernetes docs, Topology Aware Routing: the annotation takes precedence over
 * trafficDistribution.)
 */
export function hintsEnabled(annotations: Readonly<Record<string, string>> | undefined): boolean {
  const value = annotations?.[TOPOLOGY_AWARE_HINTS_ANNOTATION] ?? annotations?.[TOPOLOGY_MODE_ANNOTATION];
  return value === "Auto" || value === "auto";
}

/** A CPU quantity in millicores ("2", "1500m", "0.5"), or undefined when it is not one. */
export function cpuMillis(quantity: unknown): number | undefined {
  const text = typeof quantity === "number" ? String(quantity) : quantity;
  if (typeof text !== "string") return undefined;
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2] ? value : value * 1000;
}

function allocatableCPU(node: NodeState): number | undefined {
  const stated = asRecord(asRecord(node.object.status).allocatable).cpu;
  return stated === undefined ? DEFAULT_NODE_CPU_MILLIS : cpuMillis(stated);
}

/** topologycache.go hasExcludedLabels: control-plane nodes do not count. */
function excluded(node: NodeState): boolean {
  return (
    "node-role.kubernetes.io/control-plane" in node.labels || "node-role.kubernetes.io/master" in node.labels
  );
}

/**
 * topologycache.go SetNodes: each zone's share of the allocatable CPU of the ready nodes, or undefined
 * ("insufficient node info") when a ready node has no zone or no CPU, or the nodes span fewer than 2 zones.
 */
export function cpuRatiosByZone(
  nodes: readonly NodeState[],
  zoneLabel: string,
): Map<string, number> | undefined {
  const cpuByZone = new Map<string, number>();
  let total = 0;
  for (const node of nodes) {
    if (excluded(node) || !node.ready) continue;
    const zone = node.labels[zoneLabel];
    const cpu = allocatableCPU(node);
    if (!zone || !cpu) return undefined;
    total += cpu;
    cpuByZone.set(zone, (cpuByZone.get(zone) ?? 0) + cpu);
  }
  if (total === 0 || cpuByZone.size < 2) return undefined;
  // Zones in name order: Go's map order is random, the simulator's must not be.
  const zones = [...cpuByZone.keys()].sort();
  return new Map(zones.map((zone) => [zone, (cpuByZone.get(zone) ?? 0) / total]));
}

interface Allocation {
  minimum: number;
  desired: number;
}

/** topologycache.go getAllocations: per zone, the endpoints it should get (desired) and at least (minimum). */
function allocations(
  ratios: ReadonlyMap<string, number>,
  endpoints: number,
): Map<string, Allocation> | HintsDisabledReason {
  if (ratios.size > endpoints) return "InsufficientNumberOfEndpoints";
  let remaining = endpoints;
  const out = new Map<string, Allocation>();
  for (const [zone, ratio] of ratios) {
    const desired = ratio * endpoints;
    const minimum = Math.ceil(desired * (1 / (1 + OVERLOAD_THRESHOLD)));
    out.set(zone, { minimum, desired: Math.max(desired, minimum) });
    remaining -= minimum;
    if (remaining < 0) return "MinAllocationExceedsOverloadThreshold";
  }
  return out;
}

/** utils.go getMost: the zone with the most to give or receive (the first in name order on a tie). */
function most(zones: ReadonlyMap<string, number>): [string, number] {
  let best: [string, number] = ["", 0];
  for (const [zone, n] of zones) if (n > best[1]) best = [zone, n];
  return best;
}

/** utils.go getGivingAndReceivingZones: whole endpoints each zone gives away or receives. */
function givingAndReceiving(
  wanted: ReadonlyMap<string, Allocation>,
  allocated: ReadonlyMap<string, number>,
): { giving: Map<string, number>; receiving: Map<string, number> } {
  const give = new Map<string, number>();
  const receive = new Map<string, number>();
  for (const [zone, { desired }] of wanted) {
    const have = allocated.get(zone) ?? 0;
    if (have > desired) give.set(zone, have - desired);
    else if (have < desired) receive.set(zone, desired - have);
  }
  const giving = new Map<string, number>();
  const receiving = new Map<string, number>();
  for (;;) {
    const [from, toGive] = most(give);
    const [to, toReceive] = most(receive);
    if (!from || !to || (toGive < 1 && toReceive < 1) || toGive < 0.5 || toReceive < 0.5) break;
    giving.set(from, (giving.get(from) ?? 0) + 1);
    give.set(from, toGive - 1);
    receiving.set(to, (receiving.get(to) ?? 0) + 1);
    receive.set(to, toReceive - 1);
  }
  return { giving, receiving };
}

/**
 * topologycache.go AddHints for one Service's endpoints (every slice of it, in order): each ready
 * endpoint hinted for its own zone, then endpoints of zones with more than their CPU share handed
 * to zones with less (utils.go redistributeHints). Returns the hint of each endpoint (undefined for
 * one not ready), or why the controller removes every hint instead.
 */
export function autoHints(
  endpoints: readonly EndpointState[],
  ratios: ReadonlyMap<string, number> | undefined,
): (string | undefined)[] | HintsDisabledReason {
  if (!ratios) return "InsufficientNodeInfo";
  const ready = endpoints.filter((e) => e.conditions.ready);
  const wanted = allocations(ratios, ready.length);
  if (typeof wanted === "string") return wanted;
  if (ready.some((e) => !e.zone)) return "NoZoneSpecified";
  const hints = endpoints.map((e) => (e.conditions.ready ? e.zone : undefined));
  const allocated = new Map<string, number>();
  for (const zone of hints) if (zone) allocated.set(zone, (allocated.get(zone) ?? 0) + 1);
  const { giving, receiving } = givingAndReceiving(wanted, allocated);
  // The endpoints of a giving zone, in order, each hinted for a receiving zone until both are even.
  for (const [i, zone] of hints.entries()) {
    const to = [...receiving].find(([, n]) => n > 0)?.[0];
    if (!zone || !to || !(giving.get(zone) ?? 0)) continue;
    hints[i] = to;
    giving.set(zone, (giving.get(zone) ?? 0) - 1);
    receiving.set(to, (receiving.get(to) ?? 0) - 1);
  }
  return hints;
}

/** Each zone's share of the cluster's CPU, or undefined when the topology cache has too little to go on. */
export type ZoneRatios = ReadonlyMap<string, number> | undefined;
