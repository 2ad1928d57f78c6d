import { buildCluster } from "../cluster/build.ts";
import { endpointChanges, syncEndpointSlices } from "../cluster/controllers/endpointSlices.ts";
import type { ControllerEvent } from "../cluster/controllers/events.ts";
import { nodeNotReady, nodeRecovered } from "../cluster/controllers/nodeLifecycle.ts";
import { evictionEvent, scheduledEvictions } from "../cluster/controllers/taintEviction.ts";
import { WorkloadControllers } from "../cluster/controllers/workloads.ts";
import { LOAD_BALANCER_PROVIDERS } from "../cluster/loadBalancerProviders.ts";
import { placePods, schedulingEvent } from "../cluster/pods.ts";
import { withReady } from "../cluster/readiness.ts";
import type {
  Cluster,
  ClusterSettings,
  EndpointSliceState,
  NodeState,
  PodState,
  Ref,
} from "../cluster/types.ts";
import type { PodDraft } from "../cluster/workloads.ts";
import type { SourcedObject } from "../manifests/types.ts";
import { type EventMessage, message, renderMessage } from "../messages/index.ts";
import { createDataPlane, type DataPlane } from "../network/dataplane.ts";
import { loadBalancerPools, type PoolMember } from "../network/loadBalancerPools.ts";
import { nodeName } from "../refs.ts";
import { announcementDetection, announcements } from "./announcements.ts";
import { formatDuration } from "./duration.ts";
import type { SimEvent } from "./events.ts";
import { initialHealth, type LoadBalancerHealth, probe, record } from "./healthChecks.ts";
import { TimerQueue } from "./queue.ts";
import type { Scenario, ScenarioEvent } from "./scenario.ts";
import { nodeHealthCheck } from "./settingFields.ts";
import type { HealthCheckSettings, SimulationSettings } from "./settings.ts";

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

function ms(seconds: number): number {
  return Math.round(seconds * 1000);
}

function seconds(time: number): string {
  return formatDuration(time);
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
  /** The ReplicaSet, StatefulSet and DaemonSet controllers (cluster/controllers/workloads.ts). */
  private readonly controllers: WorkloadControllers;
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
    this.controllers = new WorkloadControllers(this.cluster);
    const { entry } = LOAD_BALANCER_PROVIDERS[this.cluster.settings.loadBalancerProvider];
    const checked = nodeHealthCheck(this.cluster.settings.loadBalancerProvider, this.settings);
    // cloud-provider-kind's Envoy checks the nodes in turn; a cloud's load balancer checks them all at once.
    this.checksInTurn = entry === "proxy";
    this.hc = checked?.check ?? this.settings.loadBalancerHealthCheck;
    const hc = this.hc;
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

  /** Each load balancer's nodes now, as its health checks or MetalLB's speakers have it. */
  pools(): Map<Ref, PoolMember[]> {
    const cluster = { ...this.cluster, endpointSlices: this.proxied };
    return loadBalancerPools(cluster, { health: this.lbHealth, speakersLost: this.speakersLost });
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

  /** Stamps a controller's events with the instant. */
  private record(events: readonly ControllerEvent[]): void {
    for (const e of events) this.emit(e.type, e.reason, e.object, e.text);
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

  /** The node lifecycle controller's grace period passed without a heartbeat (cluster/controllers/nodeLifecycle.ts). */
  private nodeNotReady(name: string, epoch: number): void {
    if (!this.node(name) || this.epochs.get(name) !== epoch) return;
    const { nodes, pods, events } = nodeNotReady(this.cluster, name);
    this.cluster = { ...this.cluster, nodes, pods };
    this.plane = undefined;
    this.record(events);
    this.reconcileSlices();
    const timeout = this.settings.podEvictionTimeout;
    for (const { pod, seconds } of scheduledEvictions(pods, name, this.terminating, timeout))
      this.timers.add(this.now + ms(seconds), PRIORITY.evict, {
        kind: "evict",
        pod: pod.ref,
        node: name,
        epoch,
        seconds,
      });
  }

  /** Taint-based eviction: the pod's toleration of node.kubernetes.io/unreachable:NoExecute ran out. */
  private evict(timer: Extract<Timer, { kind: "evict" }>): void {
    if (this.epochs.get(timer.node) !== timer.epoch) return;
    const pod = this.cluster.pods.find((p) => p.ref === timer.pod);
    if (!pod || this.terminating.has(pod.ref)) return;
    this.terminating.add(pod.ref);
    this.plane = undefined;
    this.record([evictionEvent(pod, timer.seconds, timer.node)]);
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
    const recovered = nodeRecovered(node, this.cluster.pods, this.terminating, this.kubeletReady);
    this.record(recovered.events);
    for (const pod of recovered.removed) this.terminating.delete(pod.ref);
    this.setPods(recovered.pods);
    for (const owner of new Set(recovered.removed.flatMap((p) => (p.owner ? [p.owner] : []))))
      this.reconcileWorkload(owner);
    this.reconcileSlices();
  }

  // --- Pods and workloads ------------------------------------------------------------------

  private podReadyOn(pod: PodState): boolean {
    const node = pod.nodeName ? this.node(pod.nodeName) : undefined;
    return node !== undefined && !node.failed && (this.kubeletReady.get(pod.ref) ?? false);
  }

  private scale(ref: Ref, replicas: number): void {
    const event = this.controllers.scale(ref, replicas, this.cluster.pods);
    if (!event) return;
    this.record([event]);
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

  /** One sync of the workload's controller (cluster/controllers/workloads.ts): its deletions, then its new pods. */
  private reconcileWorkload(ref: Ref): void {
    const sync = this.controllers.sync(ref, this.cluster.pods, this.cluster.nodes, this.terminating);
    for (const { pod, event } of sync.deletions) {
      this.record([event]);
      this.removePod(pod, message("event.pod.why.scaledDown"));
    }
    this.create(ref, sync.drafts);
  }

  private create(ref: Ref, drafts: readonly PodDraft[]): void {
    if (drafts.length === 0) return;
    const { pods } = placePods(drafts, this.cluster.nodes, this.cluster.pods);
    const placed = pods.map((pod) => {
      this.kubeletReady.set(pod.ref, pod.ready);
      this.record([this.controllers.created(ref, pod), schedulingEvent(pod)]);
      // A pod bound to a node that has failed (not yet NotReady, so not tainted) never starts.
      return this.podReadyOn(pod) ? pod : withReady(pod, false);
    });
    this.setPods([...this.cluster.pods, ...placed]);
  }

  // --- EndpointSlices and kube-proxy --------------------------------------------------------

  /** The EndpointSlice controller runs again (cluster/controllers/endpointSlices.ts); kube-proxy follows kubeProxySyncPeriod later. */
  private reconcileSlices(): void {
    const { pods, nodes } = this.cluster;
    const after = syncEndpointSlices(this.cluster, pods, nodes, this.terminating);
    const changes = endpointChanges(this.cluster.endpointSlices, after);
    this.record(changes);
    this.cluster = { ...this.cluster, endpointSlices: after };
    this.plane = undefined;
    if (changes.length > 0)
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
