import { type EventMessage, message } from "../../messages/index.ts";
import { endpointSliceRef } from "../../refs.ts";
import { generateName, streamFor } from "../hash.ts";
import { LabelIndex } from "../labels.ts";
import { endpointConditions, endpointSliceObject } from "../objects.ts";
import { autoHints, cpuRatiosByZone, hintsEnabled, type ZoneRatios } from "../topologyHints.ts";
import type {
  Cluster,
  EndpointHints,
  EndpointSlicePort,
  EndpointSliceState,
  EndpointState,
  NodeState,
  PodState,
  Ref,
  ServicePortState,
  ServiceState,
} from "../types.ts";
import type { ControllerEvent } from "./events.ts";

/** discovery/v1 well-known labels. */
export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";
export const MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
export const ENDPOINTSLICE_CONTROLLER = "endpointslice-controller.k8s.io";

/** kube-controller-manager --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/**
 * pkg/api/v1/pod/util.go FindPort: a numeric targetPort is used as is; a named one is the
 * containerPort of that name and the Service port's protocol, or none when the pod lacks it.
 */
export function findPort(pod: PodState, servicePort: ServicePortState): number | null {
  if (typeof servicePort.targetPort === "number") return servicePort.targetPort;
  for (const container of pod.containers) {
    for (const port of container.ports) {
      if (port.name === servicePort.targetPort && port.protocol === servicePort.protocol)
        return port.containerPort;
    }
  }
  return null;
}

/** endpointslice reconciler getEndpointPorts: the ports this pod can serve; a port it lacks is left out. */
function endpointPorts(service: ServiceState, pod: PodState): EndpointSlicePort[] {
  return service.ports.flatMap((sp) => {
    const port = findPort(pod, sp);
    return port === null ? [] : [{ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol }];
  });
}

/** The well-known label of a node's zone (kubernetes.io/docs/reference/labels-annotations-taints). */
export const ZONE_LABEL = "topology.kubernetes.io/zone";

/** Each node's zone, for the nodes that have one. */
export function zonesOf(nodes: readonly NodeState[]): Map<string, string> {
  const zones = new Map<string, string>();
  for (const node of nodes) {
    const zone = node.labels[ZONE_LABEL];
    if (zone) zones.set(node.name, zone);
  }
  return zones;
}

/**
 * staging/src/k8s.io/endpointslice/trafficdist/trafficdist.go: with PreferSameZone (or PreferClose)
 * each ready endpoint with a zone gets hints.forZones [its zone]; with PreferSameNode, also
 * hints.forNodes [its node] (KEP-3015: the zone hint stays for kube-proxies that know no node hints).
 * Without trafficDistribution no endpoint has hints.
 */
function hintsFor(service: ServiceState, endpoint: EndpointState): EndpointHints | undefined {
  const mode = service.trafficDistribution;
  // Kubernetes docs (Topology Aware Routing): topology-mode Auto takes precedence over trafficDistribution.
  if (hintsEnabled(service.object.metadata.annotations)) return undefined;
  if (!mode || !endpoint.conditions.ready) return undefined;
  const forNodes = mode === "PreferSameNode" && endpoint.nodeName ? [endpoint.nodeName] : [];
  const forZones = endpoint.zone ? [endpoint.zone] : [];
  return forZones.length || forNodes.length ? { forZones, forNodes } : undefined;
}

/**
 * endpointslice utils podToEndpoint, with the node's zone and the trafficDistribution hints. A pod
 * marked for deletion (`terminating`) is never ready, unless publishNotReadyAddresses makes every
 * endpoint ready; serving still tells whether the pod is Ready.
 */
function podToEndpoint(
  service: ServiceState,
  pod: PodState,
  zones: ReadonlyMap<string, string>,
  terminating: boolean,
): EndpointState {
  // Only a pod whose subdomain names this Service publishes its hostname through it.
  const hostname = pod.hostname && pod.subdomain === service.name ? pod.hostname : undefined;
  const ready = service.publishNotReadyAddresses || (pod.ready && !terminating);
  const endpoint: EndpointState = {
    addresses: [pod.podIP ?? ""],
    conditions: endpointConditions(ready, pod.ready, terminating),
  };
  // Optional fields assigned, not spread in: this runs for every pod behind a Service, and spreads
  // are slow on Node 20's V8. The key order is the same.
  if (pod.nodeName) endpoint.nodeName = pod.nodeName;
  const zone = pod.nodeName ? zones.get(pod.nodeName) : undefined;
  if (zone) endpoint.zone = zone;
  const hints = hintsFor(service, endpoint);
  if (hints) endpoint.hints = hints;
  endpoint.targetRef = pod.ref;
  if (hostname) endpoint.hostname = hostname;
  return endpoint;
}

/** reconciler.go setEndpointSliceLabels: the Service's labels, plus the two the controller owns. */
function sliceLabels(service: ServiceState): Record<string, string> {
  const labels: Record<string, string> = { ...service.object.metadata.labels };
  if (service.headless) labels["service.kubernetes.io/headless"] = "";
  labels[SERVICE_NAME_LABEL] = service.name;
  labels[MANAGED_BY_LABEL] = ENDPOINTSLICE_CONTROLLER;
  return labels;
}

function portKey(ports: readonly EndpointSlicePort[]): string {
  return ports.map((p) => `${p.name ?? ""}/${p.protocol}/${p.port}`).join(",");
}

/**
 * topology-mode Auto: the EndpointSlice controller's topology cache hints every endpoint of the
 * Service at once (topologycache.go AddHints), or removes every hint when a safeguard trips.
 */
function addAutoHints(
  service: ServiceState,
  groups: Iterable<{ endpoints: readonly EndpointState[] }>,
  ratios: ZoneRatios,
): void {
  if (!hintsEnabled(service.object.metadata.annotations)) return;
  const endpoints = [...groups].flatMap((g) => g.endpoints);
  const hints = autoHints(endpoints, ratios);
  if (typeof hints === "string") return;
  endpoints.forEach((endpoint, i) => {
    const zone = hints[i];
    if (zone) endpoint.hints = { forZones: [zone], forNodes: [] };
  });
}

function serviceSlices(
  service: ServiceState,
  pods: readonly PodState[],
  seed: number,
  zones: ReadonlyMap<string, string>,
  ratios: ZoneRatios,
  terminating: ReadonlySet<Ref>,
): EndpointSliceState[] {
  // The endpoints of each distinct port set go to slices of their own, as the reconciler's PortMapKey groups them.
  const groups = new Map<string, { ports: EndpointSlicePort[]; endpoints: EndpointState[] }>();
  // Pods of one template share their containers, so their ports are resolved once.
  const keys = new Map<PodState["containers"], { ports: EndpointSlicePort[]; key: string }>();
  for (const pod of pods) {
    // endpointslice util ShouldPodBeInEndpoints(pod, includeTerminating=true): every pod with an IP, Terminating
    // ones too (not terminal ones, which no simulated pod is).
    if (pod.podIP === null) continue;
    let resolved = keys.get(pod.containers);
    if (!resolved) {
      const ports = endpointPorts(service, pod);
      resolved = { ports, key: portKey(ports) };
      keys.set(pod.containers, resolved);
    }
    const { ports, key } = resolved;
    let group = groups.get(key);
    if (!group) {
      group = { ports, endpoints: [] };
      groups.set(key, group);
    }
    group.endpoints.push(podToEndpoint(service, pod, zones, terminating.has(pod.ref)));
  }
  addAutoHints(service, groups.values(), ratios);
  // reconciler.go: a Service with no endpoints keeps one empty placeholder slice.
  if (groups.size === 0) groups.set("", { ports: [], endpoints: [] });
  const random = streamFor(seed, service.ref);
  const labels = sliceLabels(service);
  const owner = [
    { apiVersion: "v1", kind: "Service", name: service.name, controller: true, blockOwnerDeletion: true },
  ];
  const slices: EndpointSliceState[] = [];
  for (const { ports, endpoints } of groups.values()) {
    for (let i = 0; i === 0 || i < endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      const name = generateName(`${service.name}-`, random);
      const state = {
        ref: endpointSliceRef(service.namespace, name),
        namespace: service.namespace,
        name,
        service: service.ref,
        addressType: "IPv4" as const,
        endpoints: endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE),
        ports,
        managedBy: ENDPOINTSLICE_CONTROLLER,
      };
      slices.push({ ...state, object: endpointSliceObject(state, labels, owner) });
    }
  }
  return slices;
}

/**
 * The EndpointSlice controller (pkg/controller/endpointslice, staging/src/k8s.io/endpointslice):
 * for every Service with a selector, slices `<svc>-<5 chars>` of the matching pods' endpoints.
 * Slice names come from a PRNG stream of the seed and the Service's ref. `terminating`: the pods
 * marked for deletion that the API server still keeps (on an unreachable node, until its kubelet confirms).
 */
export function reconcileEndpointSlices(
  services: readonly ServiceState[],
  pods: readonly PodState[],
  seed: number,
  nodes: readonly NodeState[],
  terminating: ReadonlySet<Ref> = new Set(),
): EndpointSliceState[] {
  const index = new LabelIndex(pods);
  const zones = zonesOf(nodes);
  const ratios = cpuRatiosByZone(nodes, ZONE_LABEL);
  return services.flatMap((service) =>
    service.selector === null
      ? []
      : serviceSlices(
          service,
          index.select(service.namespace, service.selector),
          seed,
          zones,
          ratios,
          terminating,
        ),
  );
}

/**
 * The EndpointSlice controller run again over a running cluster (a node failed, a pod changed): its
 * own slices made anew from the Services and `pods` on `nodes`, every other slice (mirrored from
 * Endpoints by the EndpointSliceMirroring controller, or written in the manifests) kept as it is, in
 * the order buildCluster gives them. The static build and the clock (sim/world.ts) both run it.
 */
export function syncEndpointSlices(
  cluster: Pick<Cluster, "services" | "endpointSlices" | "settings">,
  pods: readonly PodState[],
  nodes: readonly NodeState[],
  /** Pods the API server keeps Terminating on an unreachable node: their endpoints say terminating. */
  terminating: ReadonlySet<Ref> = new Set(),
): EndpointSliceState[] {
  const others = cluster.endpointSlices.filter(
    (s) => s.source !== undefined || s.managedBy !== ENDPOINTSLICE_CONTROLLER,
  );
  return [
    ...reconcileEndpointSlices(cluster.services, pods, cluster.settings.seed, nodes, terminating),
    ...others,
  ];
}

interface ReadyEndpoint {
  slice: EndpointSliceState;
  address: string;
  pod?: Ref;
  node?: string;
}

/** Every ready endpoint address, keyed by its Service and address. */
function readyEndpoints(slices: readonly EndpointSliceState[]): Map<string, ReadyEndpoint> {
  const out = new Map<string, ReadyEndpoint>();
  for (const slice of slices) {
    for (const e of slice.endpoints) {
      if (!e.conditions.ready) continue;
      for (const address of e.addresses) {
        out.set(`${slice.service}|${address}`, {
          slice,
          address,
          ...(e.targetRef ? { pod: e.targetRef } : {}),
          ...(e.nodeName ? { node: e.nodeName } : {}),
        });
      }
    }
  }
  return out;
}

/** An endpoint as the events name it: its address, and its pod and node when it has them. */
function endpointName(e: ReadyEndpoint): EventMessage {
  if (!e.pod) return message("event.endpoint.address", { address: e.address });
  if (!e.node) return message("event.endpoint.addressOfPod", { address: e.address, pod: e.pod });
  return message("event.endpoint.addressOfPodOnNode", { address: e.address, pod: e.pod, node: e.node });
}

/**
 * What a run of the controller changed, as events: each ready endpoint it removed, then each one
 * it added (the simulator's EndpointRemoved and EndpointAdded: Kubernetes records no event for
 * these, but a learner watching a failure needs to see them).
 */
export function endpointChanges(
  before: readonly EndpointSliceState[],
  after: readonly EndpointSliceState[],
): ControllerEvent[] {
  const was = readyEndpoints(before);
  const now = readyEndpoints(after);
  const events: ControllerEvent[] = [];
  for (const [key, e] of was) {
    if (now.has(key)) continue;
    const text = message("event.endpoint.removed", { who: endpointName(e), service: e.slice.service });
    events.push({ type: "Warning", reason: "EndpointRemoved", object: e.slice.ref, text });
  }
  for (const [key, e] of now) {
    if (was.has(key)) continue;
    const text = message("event.endpoint.added", { who: endpointName(e), service: e.slice.service });
    events.push({ type: "Normal", reason: "EndpointAdded", object: e.slice.ref, text });
  }
  return events;
}
