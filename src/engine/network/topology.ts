import { ZONE_LABEL } from "../cluster/controllers/endpointSlices.ts";
import type { NodeState } from "../cluster/types.ts";
import type { EndpointView, ServicePortView } from "./dataplane.ts";

/** pkg/proxy/topology.go: which hints kube-proxy on a node follows ("" none: every endpoint). */
export type TopologyMode = "PreferSameNode" | "PreferSameZone" | "";

/** Why kube-proxy ignored the hints, as topology.go's log lines say. */
export type TopologyIgnored =
  | "endpoint-without-hint"
  | "no-hint-for-node"
  | "node-without-zone"
  | "no-hint-for-zone";

export interface TopologyChoice {
  mode: TopologyMode;
  /** The node's topology.kubernetes.io/zone, if it has one. */
  zone: string | undefined;
  /** Set when some endpoint carries hints but kube-proxy on this node cannot follow them. */
  ignored?: TopologyIgnored;
  /** The cluster endpoints this node's kube-proxy sends to. */
  endpoints: EndpointView[];
}

function hintsOf(endpoint: EndpointView) {
  return endpoint.slice.endpoints[endpoint.index]?.hints;
}

/**
 * topology.go topologyModeFromHints: node hints win when every ready endpoint has one and one names
 * this node; else zone hints when every ready endpoint has one and one names this node's zone; else
 * none (traffic goes to every endpoint, as if there were no hints).
 */
export function topologyModeFromHints(
  endpoints: readonly EndpointView[],
  nodeName: string,
  zone: string | undefined,
): { mode: TopologyMode; ignored?: TopologyIgnored } {
  let allNodeHints = true;
  let forNode = false;
  let allZoneHints = true;
  let forZone = false;
  let anyHints = false;
  for (const endpoint of endpoints) {
    if (!endpoint.ready) continue;
    const hints = hintsOf(endpoint);
    const nodes = hints?.forNodes ?? [];
    const zones = hints?.forZones ?? [];
    if (nodes.length || zones.length) anyHints = true;
    if (nodes.length === 0) allNodeHints = false;
    else if (nodes.includes(nodeName)) forNode = true;
    if (zones.length === 0) allZoneHints = false;
    else if (zone !== undefined && zones.includes(zone)) forZone = true;
  }
  if (!anyHints) return { mode: "" };
  if (allNodeHints && forNode) return { mode: "PreferSameNode" };
  if (allZoneHints) {
    if (forZone) return { mode: "PreferSameZone" };
    return { mode: "", ignored: zone === undefined ? "node-without-zone" : "no-hint-for-zone" };
  }
  return { mode: "", ignored: allNodeHints ? "no-hint-for-node" : "endpoint-without-hint" };
}

/** topology.go availableForTopology. */
function availableForTopology(
  endpoint: EndpointView,
  mode: TopologyMode,
  nodeName: string,
  zone: string | undefined,
) {
  const hints = hintsOf(endpoint);
  if (mode === "PreferSameNode") return hints?.forNodes.includes(nodeName) ?? false;
  if (mode === "PreferSameZone") return zone !== undefined && (hints?.forZones.includes(zone) ?? false);
  return true;
}

const choices = new WeakMap<ServicePortView, Map<string, TopologyChoice>>();

/**
 * topology.go CategorizeEndpoints' clusterEndpoints on one node: the ready endpoints its hints
 * allow, else (no ready endpoint anywhere) the serving terminating ones. Worked out once per node.
 */
export function topologyFor(port: ServicePortView, node: NodeState): TopologyChoice {
  let byNode = choices.get(port);
  if (!byNode) {
    byNode = new Map();
    choices.set(port, byNode);
  }
  const known = byNode.get(node.name);
  if (known) return known;
  const zone = node.labels[ZONE_LABEL] || undefined;
  const { mode, ignored } = topologyModeFromHints(port.endpoints, node.name, zone);
  const endpoints = mode
    ? port.clusterEndpoints.filter((e) => availableForTopology(e, mode, node.name, zone))
    : port.clusterEndpoints;
  const choice: TopologyChoice = { mode, zone, endpoints, ...(ignored ? { ignored } : {}) };
  byNode.set(node.name, choice);
  return choice;
}
