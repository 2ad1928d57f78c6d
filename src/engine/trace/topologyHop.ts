import { ZONE_LABEL } from "../cluster/controllers/endpointSlices.ts";
import {
  autoHints,
  cpuRatiosByZone,
  type HintsDisabledReason,
  hintsEnabled,
} from "../cluster/topologyHints.ts";
import type { NodeState } from "../cluster/types.ts";
import { type HopMessage, hopMessage } from "../messages/index.ts";
import type { ServicePortView } from "../network/dataplane.ts";
import { type TopologyIgnored, topologyFor } from "../network/topology.ts";
import { causeOf, type TraceContext } from "./hops.ts";
import type { PacketHeader } from "./types.ts";

/** topologycache/event.go: the message of each TopologyAwareHintsDisabled event. */
const DISABLED: Record<HintsDisabledReason, HopMessage> = {
  InsufficientNodeInfo: hopMessage("hop.topology-off-node-info", {}),
  InsufficientNumberOfEndpoints: hopMessage("hop.topology-off-endpoints", {}),
  MinAllocationExceedsOverloadThreshold: hopMessage("hop.topology-off-overload", {}),
  NoZoneSpecified: hopMessage("hop.topology-off-no-zone", {}),
};

/** pkg/proxy/topology.go: why kube-proxy on a node ignores the hints it was given. */
function ignoredPhrase(ignored: TopologyIgnored, node: NodeState, zone: string | undefined): HopMessage {
  switch (ignored) {
    case "endpoint-without-hint":
      return hopMessage("hop.topology-ignored-unhinted", {});
    case "no-hint-for-node":
      return hopMessage("hop.topology-ignored-node", { node: node.name });
    case "node-without-zone":
      return hopMessage("hop.topology-ignored-no-zone", { node: node.name });
    case "no-hint-for-zone":
      return hopMessage("hop.topology-ignored-zone", { zone: zone ?? "" });
  }
}

/**
 * The hop that says how the EndpointSlice hints narrowed kube-proxy's choice on `node` (topology.go
 * CategorizeEndpoints), or why they did not: nothing when the Service asks for no topology at all.
 */
export function topologyHop(
  ctx: TraceContext,
  node: NodeState,
  port: ServicePortView,
  packet: PacketHeader,
): void {
  if (!ctx.hop) return;
  const service = port.service.state;
  const auto = hintsEnabled(service.object.metadata.annotations);
  if (!auto && !service.trafficDistribution) return;
  const choice = topologyFor(port, node);
  const total = port.clusterEndpoints.length;
  const field = auto ? "metadata.annotations" : "spec.trafficDistribution";
  const cause = causeOf(service.ref, service.source, field);
  let message: HopMessage;
  if (choice.mode === "PreferSameNode")
    message = hopMessage("hop.topology-node", { node: node.name, count: choice.endpoints.length, total });
  else if (choice.mode === "PreferSameZone")
    message = hopMessage("hop.topology-zone", {
      node: node.name,
      zone: choice.zone ?? "",
      why: auto
        ? hopMessage("hop.topology-why-auto", {})
        : hopMessage("hop.topology-why-distribution", { value: service.trafficDistribution ?? "" }),
      count: choice.endpoints.length,
      total,
    });
  else if (choice.ignored)
    message = hopMessage("hop.topology-ignored", {
      node: node.name,
      reason: ignoredPhrase(choice.ignored, node, choice.zone),
      total,
    });
  else {
    if (!auto) return;
    const endpoints = port.endpoints.flatMap((e) => e.slice.endpoints[e.index] ?? []);
    const hints = autoHints(endpoints, cpuRatiosByZone(ctx.dp.cluster.nodes, ZONE_LABEL));
    if (typeof hints !== "string") return;
    message = hopMessage("hop.topology-auto-off", { reason: DISABLED[hints], node: node.name, total });
  }
  ctx.hop(service.ref, "route", message, packet, packet, cause, node.ref);
}
