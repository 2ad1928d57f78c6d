import { buildCluster } from "../cluster/build.ts";
import { syncEndpointSlices } from "../cluster/endpointSlices.ts";
import { asRecord, asRecords } from "../cluster/fields.ts";
import { LOAD_BALANCER_PROVIDERS } from "../cluster/loadBalancerProviders.ts";
import { markNodeFailed, markPodsNotReady } from "../cluster/nodeLifecycle.ts";
import { podObject } from "../cluster/objects.ts";
import { placePods } from "../cluster/pods.ts";
import { tolerates } from "../cluster/scheduler.ts";
import type {
  Cluster,
  ClusterSettings,
  EndpointSliceState,
  NodeState,
  PodState,
  Ref,
} from "../cluster/types.ts";
import { PodMaker, replicasOf, workloadRef } from "../cluster/workloadPods.ts";
import type { PodDraft } from "../cluster/workloads.ts";
import type { SourcedObject } from "../manifests/types.ts";
import { type EventMessage, message, renderMessage } from "../messages/index.ts";
import { createDataPlane, type DataPlane } from "../network/dataplane.ts";
import { nodeName, refName, replicaSetRef } from "../refs.ts";
import { announcementDetection, announcements } from "./announcements.ts";
import { formatDuration } from "./duration.ts";
import type { SimEvent } from "./events.ts";
import { initialHealth, type LoadBalancerHealth, probe, record } from "./healthChecks.ts";
import { TimerQueue } from "./queue.ts";
import type { Scenario, ScenarioEvent } from "./scenario.ts";
import { type HealthCheckSettings, KIND_ENVOY_HEALTH_CHECK, type SimulationSettings } from "./settings.ts";

type Timer =
  | { kind: "action"; event: ScenarioEvent }
  | { kind: "node-not-ready"; node: string; epoch: number }
  | { kind: "evict"; pod: Ref; node: string; epoch: number; seconds: number }
  | { kind: "proxy-sync"; slices: readonly EndpointSliceState[] }
  | { kind: "check-result"; lb: Ref; node: string; passed: boolean; detail: EventMessage }
  | { kind: "check-tick" }
  | { kind: "check-backend"; lb: Ref; node: string }
  | { kind: "speaker-lost"; node: string; epoch: number };

/**
 * Within one instant: the scenario's actions first, then the node lifecycle controller, the taint
 * eviction, kube-proxy, and last the load balancers' health checks (a simulator choice; every
 * request sent at that instant sees the state after all of them).
 */
const PRIORITY: Record<Timer["kind"], number> = {
  action: 0,
  "node-not-ready": 1,
  evict: 2,
  "proxy-sync": 3,
  "check-result": 4,
  "check-tick": 5,
  "check-backend": 5,
  "speaker-lost": 4,
};

const UNREACHABLE_NO_EXECUTE = { key: "node.kubernetes.io/unreachable", effect: "NoExecute" } as const;

function ms(seconds: number): number {
  return Math.round(seconds * 1000);
}

function seconds(time: number): string {
  return formatDuration(time);
}

/** The pod template's (or bare pod's) written tolerations: what the learner wrote, before admission. */
function writtenTolerations(pod: PodState): Record<string, unknown>[] {
  const object = pod.source?.object;
  if (!object) return [];
  const spec =
    object.kind === "Pod" ? asRecord(object.spec) : asRecord(asRecord(asRecord(object.spec).template).spec);
  return asRecords(spec.tolerations);
}

/**
 * How long a pod stays bound to an unreachable node (taint-based evictions): DaemonSet pods
 * tolerate node.kubernetes.io/unreachable forever (the DaemonSet controller adds the toleration
 * without tolerationSeconds); a toleration the manifest writes counts as written; every other pod
 * gets the DefaultTolerationSeconds admission plugin's, podEvictionTimeout. null: never evicted.
 */
function evictionDelay(pod: PodState, settings: SimulationSettings): number | null {
  if (pod.owner?.startsWith("daemonset/")) return null;
  const written = writtenTolerations(pod).find((t) => tolerates(t, UNREACHABLE_NO_EXECUTE));
  if (written) {
    const value = written.tolerationSeconds;
    return typeof value === "number" ? Math.max(0, value) : null;
  }
  return settings.podEvictionTimeout;
}

function withReady(pod: PodState, ready: boolean): PodState {
  if (pod.ready === ready) return pod;
  const state = { ...pod, ready };
  return { ...state, object: podObject(state, pod.object, ready) };
}

function readyEndpoints(slices: readonly EndpointSliceState[]) {
  const out = new Map<string, { slice: EndpointSliceState; address: string; pod?: Ref; node?: string }>();
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
function endpointName(e: { address: string; pod?: Ref; node?: string }): EventMessage {
  if (!e.pod) return message("event.endpoint.address", { address: e.address });
  if (!e.node) return message("event.endpoint.addressOfPod", { address: e.address, pod: e.pod });
  return message("event.endpoint.addressOfPodOnNode", { address: e.address, pod: e.pod, node: e.node });
}

function readyCounts(slices: readonly EndpointSliceState[]): Map<Ref, number> {
  const counts = new Map<Ref, number>();
  for (const slice of slices) {
    const n = slice.endpoints.filter((e) => e.conditions.ready).length;
    counts.set(slice.service, (counts.get(slice.service) ?? 0) + n);
  }
  return counts;
}

/**
 * The cluster over virtual time: the API server's objects, what kube-proxy has programmed, and each
 * load balancer's view of the nodes, moved forward by the scenario's actions and the controllers'
 * own timers. Deterministic: the same objects and scenario give the same states, so any moment can
 * be recomputed by replaying up to it.
 */
export class World {
  /** Virtual time in milliseconds. */
  now = 0;
  cluster: Cluster;
  /** The EndpointSlices kube-proxy has programmed on every node (the API's, kubeProxySyncPeriod ago). */
  proxied: readonly EndpointSliceState[];
  /** Pods marked for deletion on an unreachable node: the API keeps them (Terminating) until its kubelet confirms. */
  readonly terminating = new Set<Ref>();
  readonly lbHealth: LoadBalancerHealth[];
  readonly events: SimEvent[] = [];
  private readonly settings: SimulationSettings;
  /** The load balancers' health check: the Scenario's for a cloud's, the Envoy template's for kind's. */
  private readonly hc: HealthCheckSettings;
  /** Envoy checks each node in turn, after the last check ended; a cloud probes every node on a fixed beat. */
  private readonly checksInTurn: boolean;
  private readonly timers = new TimerQueue<Timer>();
  private readonly initialNodes: Map<string, NodeState>;
  private readonly epochs = new Map<string, number>();
  /** What each pod's kubelet reports (its readiness probe), apart from the node lifecycle controller. */
  private readonly kubeletReady = new Map<Ref, boolean>();
  private readonly desired = new Map<Ref, number>();
  private readonly workloads = new Map<Ref, SourcedObject>();
  private readonly maker: PodMaker;
  private plane: DataPlane | undefined;
  /** Failed nodes the MetalLB speakers (layer 2) or the router (BGP) have stopped counting. */
  private readonly speakersLost = new Set<string>();

  constructor(
    objects: readonly SourcedObject[],
    scenario: Scenario,
    settings: Partial<ClusterSettings> = {},
  ) {
    this.settings = scenario.settings;
    this.cluster = buildCluster(objects, { settings });
    this.proxied = this.cluster.endpointSlices;
    this.initialNodes = new Map(this.cluster.nodes.map((n) => [n.name, n]));
    for (const pod of this.cluster.pods) this.kubeletReady.set(pod.ref, pod.ready);
    for (const source of this.cluster.objects) {
      if (source.object.apiVersion !== "apps/v1") continue;
      const ref = workloadRef(source);
      this.workloads.set(ref, source);
      this.desired.set(ref, replicasOf(source));
    }
    this.maker = new PodMaker(
      this.cluster.settings.seed,
      new Set(this.cluster.pods.map((p) => `${p.namespace}/${p.name}`)),
    );
    // Only a cloud's load balancer (or cloud-provider-kind's Envoy) health-checks the nodes; MetalLB announces.
    const { entry } = LOAD_BALANCER_PROVIDERS[this.cluster.settings.loadBalancerProvider];
    this.checksInTurn = entry === "proxy";
    this.hc = this.checksInTurn ? KIND_ENVOY_HEALTH_CHECK : this.settings.loadBalancerHealthCheck;
    const hc = this.hc;
    const checked = entry === "health-checked" || entry === "proxy";
    this.lbHealth = checked ? initialHealth(this.cluster.services, this.cluster.nodes, this.proxied, hc) : [];
    // MetalLB's speaker reports where each layer-2 address is announced from the start.
    if (entry === "l2-leader")
      for (const [lb, nodes] of this.announced())
        if (nodes[0])
          this.emit("Normal", "nodeAssigned", lb, message("event.metallb.announcing", { node: nodes[0] }));
    for (const event of scenario.events)
      this.timers.add(ms(event.at), PRIORITY.action, { kind: "action", event });
    // The simulator's phase: every load balancer probes every node first at t = interval.
    if (this.checksInTurn)
      for (const lb of this.lbHealth)
        for (const backend of lb.backends)
          this.timers.add(ms(hc.interval), PRIORITY["check-backend"], {
            kind: "check-backend",
            lb: lb.lb,
            node: backend.node,
          });
    else if (this.lbHealth.length > 0)
      this.timers.add(ms(hc.interval), PRIORITY["check-tick"], { kind: "check-tick" });
  }

  /** Runs every timer due at or before `time` (milliseconds). */
  advanceTo(time: number): void {
    for (let timer = this.timers.next(time); timer; timer = this.timers.next(time)) {
      this.now = timer.at;
      this.fire(timer.value);
    }
    this.now = Math.max(this.now, time);
  }

  /** What a request sent now meets: nodes and pods as they are, kube-proxy's rules, each load balancer's pool. */
  dataPlane(): DataPlane {
    this.plane ??= createDataPlane(
      { ...this.cluster, endpointSlices: [...this.proxied] },
      {
        lbBackends: new Map([
          ...this.lbHealth.map(
            (lb) => [lb.lb, new Set(lb.backends.filter((b) => b.healthy).map((b) => b.node))] as const,
          ),
          ...[...this.announced()].map(([lb, nodes]) => [lb, new Set(nodes)] as const),
        ]),
      },
    );
    return this.plane;
  }

  private emit(type: SimEvent["type"], reason: string, object: Ref, text: EventMessage): void {
    this.events.push({ t: this.now / 1000, type, reason, object, text, message: renderMessage(text) });
  }

  private fire(timer: Timer): void {
    switch (timer.kind) {
      case "action":
        this.act(timer.event);
        break;
      case "node-not-ready":
        this.nodeNotReady(timer.node, timer.epoch);
        break;
      case "evict":
        this.evict(timer);
        break;
      case "proxy-sync":
        this.proxySync(timer.slices);
        break;
      case "check-result":
        this.checkResult(timer.lb, timer.node, timer.passed, timer.detail);
        break;
      case "check-tick":
        this.checkTick();
        break;
      case "check-backend":
        this.checkBackend(timer.lb, timer.node);
        break;
      case "speaker-lost":
        this.speakerLost(timer.node, timer.epoch);
        break;
    }
  }

  private act(event: ScenarioEvent): void {
    switch (event.action) {
      case "fail-node":
        this.failNode(nodeName(event.target));
        break;
      case "recover-node":
        this.recoverNode(nodeName(event.target));
        break;
      case "scale":
        this.scale(event.target, event.replicas);
        break;
      case "delete-pod":
        this.deletePod(event.target);
        break;
      case "set-ready":
        this.setReady(event.target, event.ready);
        break;
    }
  }

  private node(name: string): NodeState | undefined {
    return this.cluster.nodes.find((n) => n.name === name);
  }

  private setNode(next: NodeState): void {
    this.cluster = {
      ...this.cluster,
      nodes: this.cluster.nodes.map((n) => (n.name === next.name ? next : n)),
    };
    this.plane = undefined;
  }

  private setPods(pods: PodState[]): void {
    this.cluster = { ...this.cluster, pods };
    this.plane = undefined;
  }

  private bumpEpoch(name: string): number {
    const epoch = (this.epochs.get(name) ?? 0) + 1;
    this.epochs.set(name, epoch);
    return epoch;
  }

  // --- Nodes -------------------------------------------------------------------------------

  private failNode(name: string): void {
    const node = this.node(name);
    if (!node || node.failed) return;
    const epoch = this.bumpEpoch(name);
    // The machine stops; the API server still shows the kubelet's last report until the grace period ends.
    this.setNode({ ...node, failed: true });
    const grace = this.settings.nodeMonitorGracePeriod;
    this.emit(
      "Warning",
      "NodeUnreachable",
      node.ref,
      message("event.node.unreachable", { node: name, grace: seconds(ms(grace)) }),
    );
    this.timers.add(this.now + ms(grace), PRIORITY["node-not-ready"], {
      kind: "node-not-ready",
      node: name,
      epoch,
    });
    const detection = announcementDetection(this.cluster.settings.loadBalancerProvider);
    if (detection !== null)
      this.timers.add(this.now + ms(detection), PRIORITY["speaker-lost"], {
        kind: "speaker-lost",
        node: name,
        epoch,
      });
  }

  /** node_lifecycle_controller.go: the grace period passed without a heartbeat. */
  private nodeNotReady(name: string, epoch: number): void {
    const node = this.node(name);
    if (!node || this.epochs.get(name) !== epoch) return;
    this.setNode(markNodeFailed(node));
    this.emit("Normal", "NodeNotReady", node.ref, message("event.node.notReady", { node: name }));
    const before = this.cluster.pods;
    const pods = markPodsNotReady(before, name);
    pods.forEach((pod, i) => {
      // controller_utils.go MarkPodsNotReady records this event on each pod it changes.
      if (pod !== before[i]) this.emit("Warning", "NodeNotReady", pod.ref, message("event.pod.nodeNotReady"));
    });
    this.setPods(pods);
    this.reconcileSlices();
    for (const pod of pods) {
      if (pod.nodeName !== name || this.terminating.has(pod.ref)) continue;
      const delay = evictionDelay(pod, this.settings);
      if (delay === null) continue;
      this.timers.add(this.now + ms(delay), PRIORITY.evict, {
        kind: "evict",
        pod: pod.ref,
        node: name,
        epoch,
        seconds: delay,
      });
    }
  }

  /** Taint-based eviction: the pod's toleration of node.kubernetes.io/unreachable:NoExecute ran out. */
  private evict(timer: Extract<Timer, { kind: "evict" }>): void {
    if (this.epochs.get(timer.node) !== timer.epoch) return;
    const pod = this.cluster.pods.find((p) => p.ref === timer.pod);
    if (!pod || this.terminating.has(pod.ref)) return;
    this.terminating.add(pod.ref);
    this.plane = undefined;
    this.emit(
      "Normal",
      "PodEvicted",
      pod.ref,
      message("event.pod.evicted", {
        pod: `${pod.namespace}/${pod.name}`,
        seconds: timer.seconds,
        node: timer.node,
      }),
    );
    if (pod.owner) this.reconcileWorkload(pod.owner);
    this.reconcileSlices();
  }

  private recoverNode(name: string): void {
    const node = this.node(name);
    const initial = this.initialNodes.get(name);
    if (!node?.failed || !initial) return;
    this.bumpEpoch(name);
    this.setNode(initial);
    // Its speaker joins the memberlist (or its BGP session comes up) again at once: a simulator choice.
    if (this.speakersLost.has(name)) this.announce(() => this.speakersLost.delete(name));
    if (!node.ready) this.emit("Normal", "NodeReady", node.ref, message("event.node.ready", { node: name }));
    else this.emit("Normal", "NodeReachable", node.ref, message("event.node.reachable", { node: name }));
    const owners = new Set<Ref>();
    const pods: PodState[] = [];
    for (const pod of this.cluster.pods) {
      if (pod.nodeName !== name) {
        pods.push(pod);
      } else if (this.terminating.has(pod.ref)) {
        // The kubelet is back: it stops the deleted pod, and the API server removes it at last.
        this.terminating.delete(pod.ref);
        this.emit("Normal", "Killing", pod.ref, message("event.pod.killedOnRecovery", { node: name }));
        if (pod.owner) owners.add(pod.owner);
      } else {
        pods.push(withReady(pod, this.kubeletReady.get(pod.ref) ?? pod.ready));
      }
    }
    this.setPods(pods);
    for (const owner of owners) this.reconcileWorkload(owner);
    this.reconcileSlices();
  }

  // --- Pods and workloads ------------------------------------------------------------------

  private podReadyOn(pod: PodState): boolean {
    const node = pod.nodeName ? this.node(pod.nodeName) : undefined;
    return node !== undefined && !node.failed && (this.kubeletReady.get(pod.ref) ?? false);
  }

  private scale(ref: Ref, replicas: number): void {
    const source = this.workloads.get(ref);
    if (!source) return;
    const from = this.desired.get(ref) ?? 0;
    this.desired.set(ref, replicas);
    if (source.object.kind === "Deployment") {
      const sample = this.cluster.pods.find((p) => p.owner === ref);
      const rs = sample?.object.metadata.ownerReferences?.[0]?.name ?? source.object.metadata.name;
      const code = replicas >= from ? "event.deployment.scaledUp" : "event.deployment.scaledDown";
      this.emit("Normal", "ScalingReplicaSet", ref, message(code, { replicaSet: rs, from, to: replicas }));
    } else {
      this.emit("Normal", "Scaled", ref, message("event.workload.scaled", { from, to: replicas }));
    }
    this.reconcileWorkload(ref);
    this.reconcileSlices();
  }

  private deletePod(ref: Ref): void {
    const pod = this.cluster.pods.find((p) => p.ref === ref);
    if (!pod || this.terminating.has(ref)) return;
    this.removePod(pod, message("event.pod.why.deleted"));
    if (pod.owner) this.reconcileWorkload(pod.owner);
    this.reconcileSlices();
  }

  /** A pod deleted: gone at once on a live node (the simulator skips the grace period), Terminating on a failed one. */
  private removePod(pod: PodState, why: EventMessage): void {
    const node = pod.nodeName ? this.node(pod.nodeName) : undefined;
    if (node?.failed) {
      this.terminating.add(pod.ref);
      this.plane = undefined;
      this.emit("Warning", "Killing", pod.ref, message("event.pod.terminating", { why, node: node.name }));
      return;
    }
    this.setPods(this.cluster.pods.filter((p) => p !== pod));
    this.emit("Normal", "Killing", pod.ref, message("event.pod.killing", { why }));
  }

  private setReady(ref: Ref, ready: boolean): void {
    const pod = this.cluster.pods.find((p) => p.ref === ref);
    if (!pod) return;
    this.kubeletReady.set(ref, ready);
    if (ready) this.emit("Normal", "Ready", ref, message("event.pod.ready"));
    else this.emit("Warning", "Unhealthy", ref, message("event.pod.unhealthy"));
    const node = pod.nodeName ? this.node(pod.nodeName) : undefined;
    if (node?.failed) return;
    this.setPods(this.cluster.pods.map((p) => (p === pod ? withReady(p, ready) : p)));
    this.reconcileSlices();
  }

  /** The workload's controller: as many live pods as it wants, named and placed as buildCluster does. */
  private reconcileWorkload(ref: Ref): void {
    const source = this.workloads.get(ref);
    if (!source) return;
    const kind = source.object.kind;
    const desired = this.desired.get(ref) ?? 0;
    const own = this.cluster.pods.filter((p) => p.owner === ref);
    if (kind === "StatefulSet") {
      this.reconcileStatefulSet(ref, source, own, desired);
      return;
    }
    if (kind === "DaemonSet") {
      const drafts = this.cluster.nodes.flatMap((node) => {
        if (own.some((p) => p.nodeName === node.name)) return [];
        const draft = this.maker.daemon(source, node);
        return draft ? [draft] : [];
      });
      this.create(ref, drafts);
      return;
    }
    // replica_set.go: terminating pods are not active; the controller makes up the difference.
    const active = own.filter((p) => !this.terminating.has(p.ref));
    if (active.length < desired) {
      this.create(ref, this.maker.replicas(source, this.cluster.nodes, desired - active.length));
    } else if (active.length > desired) {
      // getPodsToDelete ranks unscheduled before scheduled, not ready before ready, newer before older.
      const ranked = active
        .map((pod, i) => ({ pod, i }))
        .sort(
          (a, b) =>
            Number(a.pod.nodeName !== null) - Number(b.pod.nodeName !== null) ||
            Number(a.pod.ready) - Number(b.pod.ready) ||
            b.i - a.i,
        );
      for (const { pod } of ranked.slice(0, active.length - desired)) {
        const text = message("event.replicaSet.deleted", { pod: pod.name });
        this.emit("Normal", "SuccessfulDelete", this.controllerOf(pod, ref), text);
        this.removePod(pod, message("event.pod.why.scaledDown"));
      }
    }
  }

  /**
   * stateful_set_control.go: one pod per ordinal below replicas, named NAME-ORDINAL. A pod whose
   * name still exists, even Terminating on an unreachable node, is not replaced: the StatefulSet
   * controller waits, so that two pods never share an identity (docs: Force Delete StatefulSet Pods).
   */
  private reconcileStatefulSet(ref: Ref, source: SourcedObject, own: PodState[], desired: number): void {
    const name = source.object.metadata.name;
    const drafts: PodDraft[] = [];
    for (let i = 0; i < desired; i++) {
      if (own.some((p) => p.name === `${name}-${i}`)) continue;
      const draft = this.maker.ordinal(source, this.cluster.nodes, i);
      if (draft) drafts.push(draft);
    }
    const surplus = own
      .filter((p) => Number(p.name.slice(name.length + 1)) >= desired && !this.terminating.has(p.ref))
      .sort((a, b) => Number(b.name.slice(name.length + 1)) - Number(a.name.slice(name.length + 1)));
    for (const pod of surplus) {
      this.emit(
        "Normal",
        "SuccessfulDelete",
        ref,
        message("event.statefulSet.deleted", { pod: pod.name, statefulSet: name }),
      );
      this.removePod(pod, message("event.pod.why.scaledDown"));
    }
    this.create(ref, drafts);
  }

  private controllerOf(pod: PodState | PodDraft, ref: Ref): Ref {
    const meta = "base" in pod ? pod.base.metadata : pod.object.metadata;
    const owner = meta.ownerReferences?.[0];
    if (owner?.kind === "ReplicaSet") return replicaSetRef(meta.namespace ?? "default", owner.name);
    return ref;
  }

  private create(ref: Ref, drafts: readonly PodDraft[]): void {
    if (drafts.length === 0) return;
    const { pods } = placePods(drafts, this.cluster.nodes, this.cluster.pods);
    const placed = pods.map((pod) => {
      this.kubeletReady.set(pod.ref, pod.ready);
      const by = this.controllerOf(pod, ref);
      const text = ref.startsWith("statefulset/")
        ? message("event.statefulSet.created", { pod: pod.name, statefulSet: refName(ref) })
        : message("event.replicaSet.created", { pod: pod.name });
      this.emit("Normal", "SuccessfulCreate", by, text);
      if (pod.nodeName)
        this.emit(
          "Normal",
          "PodScheduled",
          pod.ref,
          message("event.pod.scheduled", { pod: `${pod.namespace}/${pod.name}`, node: pod.nodeName }),
        );
      else
        this.emit(
          "Warning",
          "FailedScheduling",
          pod.ref,
          pod.pendingReason ?? message("event.scheduling.noNodeFits"),
        );
      // A pod bound to a node that has failed (not yet NotReady, so not tainted) never starts.
      return this.podReadyOn(pod) ? pod : withReady(pod, false);
    });
    this.setPods([...this.cluster.pods, ...placed]);
  }

  // --- EndpointSlices and kube-proxy --------------------------------------------------------

  /** The EndpointSlice controller runs again; kube-proxy follows kubeProxySyncPeriod later. */
  private reconcileSlices(): void {
    const before = this.cluster.endpointSlices;
    const pods = this.terminating.size
      ? this.cluster.pods.filter((p) => !this.terminating.has(p.ref))
      : this.cluster.pods;
    const after = syncEndpointSlices(this.cluster, pods, this.cluster.nodes);
    const was = readyEndpoints(before);
    const now = readyEndpoints(after);
    let changed = false;
    for (const [key, e] of was) {
      if (now.has(key)) continue;
      changed = true;
      const text = message("event.endpoint.removed", { who: endpointName(e), service: e.slice.service });
      this.emit("Warning", "EndpointRemoved", e.slice.ref, text);
    }
    for (const [key, e] of now) {
      if (was.has(key)) continue;
      changed = true;
      const text = message("event.endpoint.added", { who: endpointName(e), service: e.slice.service });
      this.emit("Normal", "EndpointAdded", e.slice.ref, text);
    }
    this.cluster = { ...this.cluster, endpointSlices: after };
    this.plane = undefined;
    if (changed)
      this.timers.add(this.now + ms(this.settings.kubeProxySyncPeriod), PRIORITY["proxy-sync"], {
        kind: "proxy-sync",
        slices: after,
      });
  }

  private proxySync(slices: readonly EndpointSliceState[]): void {
    const was = readyCounts(this.proxied);
    const now = readyCounts(slices);
    this.proxied = slices;
    this.plane = undefined;
    for (const [service, n] of now) {
      const before = was.get(service) ?? 0;
      if (before === n) continue;
      this.emit("Normal", "ProxyRulesSynced", service, message("event.proxy.synced", { ready: n, before }));
    }
  }

  // --- Load balancers ----------------------------------------------------------------------

  /** The nodes announcing each MetalLB address now (empty for other providers). */
  private announced(): Map<Ref, string[]> {
    const { settings, services, nodes } = this.cluster;
    return announcements(settings.loadBalancerProvider, services, nodes, this.proxied, this.speakersLost);
  }

  /**
   * Changes who counts as a speaker, and reports each address whose announcing nodes changed, as
   * MetalLB's speaker does (event nodeAssigned, "announcing from node ... with protocol ...").
   */
  private announce(change: () => void): void {
    const before = this.announced();
    change();
    this.plane = undefined;
    const layer2 = LOAD_BALANCER_PROVIDERS[this.cluster.settings.loadBalancerProvider].entry === "l2-leader";
    for (const [lb, nodes] of this.announced()) {
      const was = before.get(lb) ?? [];
      if (was.join() === nodes.join()) continue;
      if (layer2 && nodes[0])
        this.emit("Normal", "nodeAssigned", lb, message("event.metallb.announcing", { node: nodes[0] }));
      else if (layer2) this.emit("Warning", "nodeAssigned", lb, message("event.metallb.noNode"));
      else
        this.emit(
          "Normal",
          "RoutesChanged",
          lb,
          message("event.bgp.routes", {
            nodes: nodes.join(", ") || message("event.bgp.noNode"),
            was: was.join(", ") || message("event.bgp.none"),
          }),
        );
    }
  }

  /** The speakers' memberlist (layer 2) or the router's BGP hold timer (BGP) has noticed a failed node. */
  private speakerLost(name: string, epoch: number): void {
    if (this.epochs.get(name) !== epoch || !this.node(name)?.failed) return;
    this.announce(() => this.speakersLost.add(name));
  }

  /** A cloud's beat: every load balancer probes every node, then again `interval` later. */
  private checkTick(): void {
    for (const lb of this.lbHealth) for (const backend of lb.backends) this.checkBackend(lb.lb, backend.node);
    this.timers.add(this.now + ms(this.hc.interval), PRIORITY["check-tick"], { kind: "check-tick" });
  }

  /** One probe from a load balancer to a node; its result lands at once, or when the timeout runs out. */
  private checkBackend(lbRef: Ref, nodeName: string): void {
    const lb = this.lbHealth.find((l) => l.lb === lbRef);
    const service = this.cluster.services.find((s) => s.ref === lb?.service);
    const node = this.node(nodeName);
    if (!lb || !service || !node) return;
    const result = probe(service, node, this.proxied, this.hc);
    const at = result.timedOut ? this.now + ms(this.hc.timeout) : this.now;
    this.timers.add(at, PRIORITY["check-result"], {
      kind: "check-result",
      lb: lb.lb,
      node: nodeName,
      passed: result.passed,
      detail: result.detail,
    });
  }

  private checkResult(lbRef: Ref, nodeName: string, passed: boolean, detail: EventMessage): void {
    const hc = this.hc;
    // Envoy arms the node's next check when this one ends.
    if (this.checksInTurn)
      this.timers.add(this.now + ms(hc.interval), PRIORITY["check-backend"], {
        kind: "check-backend",
        lb: lbRef,
        node: nodeName,
      });
    const lb = this.lbHealth.find((l) => l.lb === lbRef);
    const backend = lb?.backends.find((b) => b.node === nodeName);
    if (!lb || !backend) return;
    const wasHealthy = backend.healthy;
    const change = record(backend, this.now / 1000, { passed, timedOut: false, detail }, hc);
    if (!passed && wasHealthy) {
      this.emit(
        "Warning",
        "HealthCheckFailed",
        lb.lb,
        message("event.healthCheck.failed", {
          node: nodeName,
          failures: backend.failures,
          threshold: hc.unhealthyThreshold,
          detail,
        }),
      );
    }
    if (change === "removed") {
      this.plane = undefined;
      this.emit(
        "Warning",
        "LoadBalancerBackendRemoved",
        lb.lb,
        message("event.lb.backendRemoved", { node: nodeName, threshold: hc.unhealthyThreshold }),
      );
    } else if (change === "added") {
      this.plane = undefined;
      this.emit(
        "Normal",
        "LoadBalancerBackendAdded",
        lb.lb,
        message("event.lb.backendAdded", { node: nodeName, threshold: hc.healthyThreshold, detail }),
      );
    }
  }
}
