import type { SourcedObject } from "../manifests/types.ts";
import { evaluateGateways } from "../network/gateway/controller.ts";
import { reconcileEndpointSlices } from "./controllers/endpointSlices.ts";
import { applyNodeFailures, markNodeFailed } from "./controllers/nodeLifecycle.ts";
import { admitGateways, envoyGatewayObjects, lookupOf } from "./gateways.ts";
import { admitIngresses } from "./ingresses.ts";
import { ingressNginxObjects } from "./ingressNginx.ts";
import { kubeProxyModeOf } from "./kubeProxyConfig.ts";
import { mirrorEndpoints } from "./mirroring.ts";
import { collectNamespaces } from "./namespaces.ts";
import { buildNodes } from "./nodes.ts";
import { placePods } from "./pods.ts";
import { buildServices } from "./services.ts";
import { resolveSettings } from "./settings.ts";
import { systemObjects } from "./system.ts";
import type { Cluster, ClusterSettings } from "./types.ts";
import { expandWorkloads } from "./workloads.ts";
import { readWrittenSlices } from "./writtenSlices.ts";

export interface BuildOptions {
  settings?: Partial<ClusterSettings>;
  /** Nodes to fail (DESIGN.md `--fail-node`): the state once the control plane has reacted, before eviction. */
  failedNodes?: readonly string[];
  /**
   * The cluster built before this edit of the same manifests. Its running pods that are still wanted
   * stay on their nodes with their IPs, and only new pods are scheduled, as in a real cluster, where
   * the scheduler binds each pod once. Without it, every pod is scheduled anew.
   */
  previous?: Cluster;
}

/** Kinds that become state of their own rather than staying in Cluster.objects as read. */
const STATE_KINDS = new Set(["Node", "Pod", "Service", "EndpointSlice"]);

function ofKind(objects: readonly SourcedObject[], kind: string, apiVersion: string): SourcedObject[] {
  return objects.filter((o) => o.object.kind === kind && o.object.apiVersion === apiVersion);
}

/**
 * The control plane over validated, defaulted objects: nodes, the implicit system objects (and
 * ingress-nginx's, when an IngressClass names it), workloads' pods, scheduling, pod IPs, Service
 * allocation, EndpointSlices and Ingress classes and addresses, then any node failures. Pure, and deterministic for settings.seed.
 */
export function buildCluster(objects: readonly SourcedObject[], options: BuildOptions = {}): Cluster {
  // Settings given by the caller (svclab --proxy-mode, a lesson) win over the manifests' kube-proxy ConfigMap.
  const mode = kubeProxyModeOf(objects);
  const settings = resolveSettings({ ...(mode ? { kubeProxyMode: mode } : {}), ...options.settings });
  const nodes = buildNodes(objects);
  // ingress-nginx's objects come last so that they never shift the manifests' own allocations.
  const base = [...systemObjects(objects, nodes, settings), ...objects, ...ingressNginxObjects(objects)];
  // Envoy Gateway reads the Gateway API objects once; its proxies, like ingress-nginx's objects, come last.
  const gatewayModel = evaluateGateways(base, lookupOf(base));
  const all = [...base, ...envoyGatewayObjects(gatewayModel)];
  const { namespaces, warnings } = collectNamespaces(all);
  const running = new Map(options.previous?.pods.map((p) => [p.ref, p]));
  // A rebuild of a running cluster (an edit while a node is down) schedules new pods as kube-scheduler
  // would then: around the down node, whose unreachable:NoSchedule taint keeps them off it. Without
  // `previous` every pod was placed before the failure (DESIGN.md's --fail-node), so none avoids it.
  const failed = new Set(options.failedNodes);
  const schedulable = options.previous
    ? nodes.map((n) => (failed.has(n.name) ? markNodeFailed(n) : n))
    : nodes;
  const placed = placePods(expandWorkloads(all, nodes, settings.seed), schedulable, [], running);
  const built = buildServices(ofKind(all, "Service", "v1"), settings);
  const mirrored = mirrorEndpoints(ofKind(all, "Endpoints", "v1"), built.services, settings.seed);
  const written = readWrittenSlices(ofKind(all, "EndpointSlice", "discovery.k8s.io/v1"), built.services);
  const ingresses = admitIngresses(all, built.services, settings);
  const gateways = admitGateways(ingresses.objects, gatewayModel, built.services);
  const cluster: Cluster = {
    settings,
    namespaces,
    nodes,
    pods: placed.pods,
    services: built.services,
    endpointSlices: [
      ...reconcileEndpointSlices(built.services, placed.pods, settings.seed, nodes),
      ...mirrored.slices,
      ...written.slices,
    ],
    objects: gateways.objects.filter((o) => !STATE_KINDS.has(o.object.kind)),
    warnings: [
      ...warnings,
      ...placed.warnings,
      ...built.warnings,
      ...mirrored.warnings,
      ...written.warnings,
      ...ingresses.warnings,
      ...gateways.warnings,
    ],
  };
  return applyNodeFailures(cluster, options.failedNodes ?? []);
}
