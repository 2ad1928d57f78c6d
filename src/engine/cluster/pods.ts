import type { Diagnostic } from "../manifests/types.ts";
import { message } from "../messages/index.ts";
import { nodeRef, podRef } from "../refs.ts";
import type { ControllerEvent } from "./controllers/events.ts";
import { warningAt } from "./diagnostics.ts";
import { asNumber, asRecord, asRecords, asString, type Fields } from "./fields.ts";
import { podObject } from "./objects.ts";
import { inPodCIDR, PodIPAllocator } from "./podNetwork.ts";
import { declaredReady } from "./readiness.ts";
import { type Placement, schedulePods, tolerates } from "./scheduler.ts";
import type { ContainerPort, ContainerState, NodeState, PodState, Ref } from "./types.ts";
import type { PodDraft } from "./workloads.ts";

function protocolOf(value: unknown): ContainerPort["protocol"] {
  return value === "UDP" || value === "SCTP" ? value : "TCP";
}

/** Pods of one template share their spec object, and so their parsed containers. */
const containerCache = new WeakMap<Fields, ContainerState[]>();

function containersOf(spec: Fields): ContainerState[] {
  const cached = containerCache.get(spec);
  if (cached) return cached;
  const containers = parseContainers(spec);
  containerCache.set(spec, containers);
  return containers;
}

function parseContainers(spec: Fields): ContainerState[] {
  return asRecords(spec.containers).map((c) => ({
    name: asString(c.name) ?? "",
    ...(typeof c.image === "string" ? { image: c.image } : {}),
    ports: asRecords(c.ports).flatMap((p) => {
      const containerPort = asNumber(p.containerPort);
      if (containerPort === undefined) return [];
      const name = asString(p.name);
      return [{ ...(name ? { name } : {}), containerPort, protocol: protocolOf(p.protocol) }];
    }),
  }));
}

/**
 * Whether a pod of an earlier build stays where it runs: the scheduler binds a pod once and never
 * moves it (scheduler.go schedulingCycle binds; nothing re-binds). It leaves when its node is gone
 * (a node re-registered with another address or pod CIDR is another node), when the taint manager
 * would evict it (a NoExecute taint it does not tolerate), or when the spec that placed it changed.
 */
function keeps(previous: PodState, spec: Fields, node: NodeState | undefined): node is NodeState {
  if (!node || previous.podIP === null || previous.nodeName !== node.name) return false;
  if (previous.hostIP !== node.internalIP || previous.hostNetwork !== (spec.hostNetwork === true))
    return false;
  const requested = asString(spec.nodeName);
  if (requested && requested !== node.name) return false;
  // tainteviction/taint_eviction.go: pods not tolerating a NoExecute taint are deleted.
  const tolerations = asRecords(spec.tolerations);
  return node.taints.every((t) => t.effect !== "NoExecute" || tolerations.some((tol) => tolerates(tol, t)));
}

/**
 * Schedules the pods, gives each scheduled pod its address (the node's IP for hostNetwork pods)
 * and its readiness. Pods that cannot run stay Pending, not Ready, with a warning saying why.
 */
export function placePods(
  drafts: readonly PodDraft[],
  nodes: readonly NodeState[],
  /** Pods already placed (a simulation creating more): they count for spreading and keep their IPs. */
  existing: readonly PodState[] = [],
  /**
   * The pods of an earlier build of the same manifests: a draft whose pod ran there stays on its node
   * with its IP (see `keeps`); only the others are scheduled, around the kept ones.
   */
  previous: ReadonlyMap<Ref, PodState> = new Map(),
): { pods: PodState[]; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const specs = drafts.map((d) => asRecord(d.base.spec));
  const refs = drafts.map((d) => podRef(d.base.metadata.namespace ?? "default", d.base.metadata.name));
  const kept = drafts.map((_, i): PodState | undefined => {
    const before = previous.get(refs[i] ?? "");
    return before && keeps(before, specs[i] ?? {}, byName.get(before.nodeName ?? "")) ? before : undefined;
  });
  const placed = [...existing, ...kept.filter((p) => p !== undefined)];
  const running = new Map<string, number>();
  for (const pod of placed) if (pod.nodeName) running.set(pod.nodeName, (running.get(pod.nodeName) ?? 0) + 1);
  const unplaced = specs.filter((_, i) => !kept[i]);
  const scheduled = schedulePods(unplaced, nodes, running);
  let next = 0;
  const placements = kept.map((pod): Placement | undefined =>
    pod?.nodeName ? { nodeName: pod.nodeName } : scheduled[next++],
  );
  const taken = new Set(placed.flatMap((p) => (p.podIP && !p.hostNetwork ? [p.podIP] : [])));
  // A pasted pod that ran (`kubectl get -o yaml` of a live cluster) keeps the address its status reports,
  // when its node could have given it: the graph shows that cluster's own addresses, which its pasted
  // EndpointSlices name. (kube-apiserver drops status from `kubectl apply`; a dump is read as the cluster
  // it shows.) Pods without one are given the next free addresses after them, as host-local does.
  const reported = drafts.map((draft, i): string | undefined => {
    const spec = specs[i] ?? {};
    // Bound to its node by spec.nodeName, as a pod that ran is: that node's CNI gave the address.
    const node = byName.get(asString(spec.nodeName) ?? "");
    const ip = asString(asRecord(draft.base.status).podIP);
    if (kept[i] || !node || !ip || spec.hostNetwork === true || !inPodCIDR(node, ip) || taken.has(ip))
      return undefined;
    taken.add(ip);
    return ip;
  });
  const ips = new PodIPAllocator(nodes, taken);
  const pods = drafts.map((draft, i): PodState => {
    const { base, source, owner } = draft;
    const spec = specs[i] ?? {};
    const namespace = base.metadata.namespace ?? "default";
    const ref = refs[i] ?? "";
    const node = byName.get(placements[i]?.nodeName ?? "");
    const hostNetwork = spec.hostNetwork === true;
    const podIP = node
      ? hostNetwork
        ? node.internalIP
        : (kept[i]?.podIP ?? reported[i] ?? ips.allocate(node.name))
      : null;
    let pendingReason = placements[i]?.reason;
    if (node && podIP === null) {
      // What the CNI reports when host-local IPAM has no address left (the pod stays ContainerCreating).
      pendingReason = message("event.scheduling.noPodIP", { cidr: node.podCIDR });
    }
    const phase = podIP !== null ? "Running" : "Pending";
    const hostname = asString(spec.hostname);
    const subdomain = asString(spec.subdomain);
    const kubeletReady = declaredReady(base);
    // Optional fields assigned in their place rather than spread in: each conditional spread is an
    // object and a slow copy per pod. The state is fresh and local: it gets its object in place too.
    const pod = {
      ref,
      namespace,
      name: base.metadata.name,
      labels: base.metadata.labels ?? {},
      nodeName: node?.name ?? null,
      podIP,
      hostIP: node?.internalIP ?? null,
      phase,
    } as PodState;
    if (pendingReason) pod.pendingReason = pendingReason;
    pod.ready = phase === "Running" && kubeletReady;
    if (hostname) pod.hostname = hostname;
    if (subdomain) pod.subdomain = subdomain;
    pod.hostNetwork = hostNetwork;
    pod.containers = containersOf(spec);
    if (owner) pod.owner = owner;
    pod.source = source;
    if (pendingReason)
      warnings.push(
        warningAt(source, "", message("cluster.pod.pending", { pod: ref, reason: pendingReason }), ref),
      );
    pod.object = podObject(pod, base, kubeletReady);
    return pod;
  });
  return { pods, warnings };
}

/** The node a pod runs on, as a ref; undefined for a pod not scheduled or not known. */
export function nodeOfPod(pods: ReadonlyMap<Ref, PodState>, pod: Ref): Ref | undefined {
  const name = pods.get(pod)?.nodeName;
  return name ? nodeRef(name) : undefined;
}

/** The scheduler's event for a pod it placed (PodScheduled, "Successfully assigned") or could not (FailedScheduling). */
export function schedulingEvent(pod: PodState): ControllerEvent {
  if (pod.nodeName) {
    const text = message("event.pod.scheduled", { pod: `${pod.namespace}/${pod.name}`, node: pod.nodeName });
    return { type: "Normal", reason: "PodScheduled", object: pod.ref, text };
  }
  const text = pod.pendingReason ?? message("event.scheduling.noNodeFits");
  return { type: "Warning", reason: "FailedScheduling", object: pod.ref, text };
}
