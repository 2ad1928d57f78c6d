import { ZONE_LABEL } from "../cluster/controllers/endpointSlices.ts";
import type { NodeState, PodState, Ref } from "../cluster/types.ts";
import { type HopMessage, hopMessage } from "../messages/index.ts";
import { hostPodListening, type Listener, listener } from "../network/container-ports.ts";
import type {
  DataPlane,
  EndpointView,
  ExternalIPHolder,
  ServicePortView,
  ServiceView,
} from "../network/dataplane.ts";
import { type DnsResponse, NDOTS, type RecordType, UPSTREAM_DNS_IP, upstreamLookup } from "../network/dns.ts";
import { egress, entryFor, nextHop, nodeOf } from "../network/forwarding.ts";
import { pathOf } from "../network/ingress/path.ts";
import type { ProxyEntry } from "../network/kubeproxy.ts";
import { catchingRule, dispatch } from "../network/kubeproxy-dispatch.ts";
import { announcesAddresses, balance } from "../network/load-balancer.ts";
import { addr, header, isLoopback } from "../network/packet.ts";
import type { Refusal } from "../network/refusal.ts";
import {
  addressOf,
  normalName,
  type QueryPlan,
  queryPlan,
  type ResolverAnswers,
  resolverAnswers,
} from "../network/resolver.ts";
import { type RequestSource, resolveSource } from "../network/source.ts";
import { parseTarget, type Target } from "../network/target.ts";
import { createTrafficState, nextSourcePort, type TrafficState } from "../network/traffic-state.ts";
import { clientRef, externalRef, lbRef, nodeRef, refKind } from "../refs.ts";
import { KUBE_PROXY_HEALTH_PORT } from "../sim/healthChecks.ts";
import { gatewayProxy, isGatewayListener } from "./gateway.ts";
import { causeOf, type HttpRequest, type TraceContext, traceContext } from "./hops.ts";
import { gceLoadBalancer, nginxProxy, type Wire } from "./ingress.ts";
import { dockerDesktopLocalhost, minikubeTunnel } from "./localLoadBalancers.ts";
import { type ProxyText, proxyTexts } from "./proxyRules.ts";
import { topologyHop } from "./topologyHop.ts";
import type {
  Backend,
  Hop,
  HopCause,
  Outcome,
  PacketHeader,
  Trace,
  TraceOptions,
  TraceRequest,
} from "./types.ts";

/** A request whose source and target have been read and checked: what `trace` needs. */
export interface ParsedRequest {
  request: TraceRequest;
  source: RequestSource;
  target: Target;
}

export type ParsedRequestResult = { ok: true; value: ParsedRequest } | Refusal;

export function parseRequest(dp: DataPlane, request: TraceRequest): ParsedRequestResult {
  const source = resolveSource(dp, request.from);
  if (!source.ok) return source;
  const target = parseTarget(request.to);
  if (!target.ok) return target;
  return { ok: true, value: { request, source: source.value, target: target.value } };
}

/**
 * Where a packet ended up: a pod, a node's own address, a host outside the cluster, nowhere, or an
 * L7 proxy that answered the request itself (an Ingress's 404, 503 or redirect).
 */
export type Arrival =
  | { at: "pod"; pod: PodState; packet: PacketHeader }
  | { at: "host"; node: NodeState; packet: PacketHeader }
  | { at: "external"; host: string; packet: PacketHeader }
  | { at: "lost"; outcome: "timeout" | "refused" }
  | { at: "answered"; outcome: `http-${number}` };

/** The phrase of an optional part that is absent. */
const NONE = hopMessage("hop.none", {});

const TIMEOUT: Arrival = { at: "lost", outcome: "timeout" };
const REFUSED: Arrival = { at: "lost", outcome: "refused" };

/** The field paths of one Service port that hops name. */
function portField(port: ServicePortView, field: "port" | "nodePort" | "targetPort"): string {
  return `spec.ports[${port.index}].${field}`;
}

const ENTRY_FIELD: Record<ProxyEntry, (port: ServicePortView) => string> = {
  clusterIP: (p) => portField(p, "port"),
  nodePort: (p) => portField(p, "nodePort"),
  externalIP: () => "spec.externalIPs",
  loadBalancerIP: () => "status.loadBalancer.ingress",
};

function endpointCause(port: ServicePortView, endpoint: EndpointView) {
  const service = port.service.state;
  if (service.selector) return causeOf(service.ref, service.source, portField(port, "targetPort"));
  return causeOf(endpoint.slice.ref, endpoint.slice.source, `endpoints[${endpoint.index}].addresses`);
}

/** kube-proxy on `node` handles a packet one of its rules caught, and the hops say, in its mode, what it did. */
function proxy(
  ctx: TraceContext,
  node: NodeState,
  port: ServicePortView,
  entry: ProxyEntry,
  packet: PacketHeader,
): Arrival {
  const service = port.service.state;
  const texts = proxyTexts(ctx.dp.cluster.settings.kubeProxyMode);
  const act = { node, port, entry, packet };
  const result = dispatch(ctx.dp, ctx.state, node, port, entry, packet);
  // The rules stop the packet on this node: one hop on the Service, citing the field that decided.
  const stop = (kind: "drop" | "reject", { message, rules }: ProxyText, field: string, arrival: Arrival) => {
    ctx.hop?.(
      service.ref,
      kind,
      message,
      packet,
      packet,
      causeOf(service.ref, service.source, field),
      node.ref,
      rules,
    );
    return arrival;
  };
  if (result.action === "firewall")
    return stop("drop", texts.firewall(act), "spec.loadBalancerSourceRanges", TIMEOUT);
  if (result.action === "reject")
    return stop(
      "reject",
      texts.reject(act, result.comment),
      service.selector ? "spec.selector" : "metadata.name",
      REFUSED,
    );
  if (result.action === "drop")
    return stop(
      "drop",
      texts.drop(act, result.comment),
      entry === "clusterIP" ? "spec.internalTrafficPolicy" : "spec.externalTrafficPolicy",
      TIMEOUT,
    );
  const { decision, choice, dnatted, masquerade } = result;
  if (!decision.local) topologyHop(ctx, node, port, packet);
  if (ctx.hop) {
    const { message, rules } = texts.dnat(act, result);
    ctx.hop(
      service.ref,
      "dnat",
      message,
      packet,
      dnatted,
      endpointCause(port, choice.endpoint),
      node.ref,
      rules,
    );
  }
  if (masquerade && ctx.hop) {
    const { message, rules } = texts.snat(act, result, masquerade);
    ctx.hop(
      node.ref,
      "snat",
      message,
      dnatted,
      result.packet,
      masquerade === "cluster-policy"
        ? causeOf(service.ref, service.source, "spec.externalTrafficPolicy")
        : undefined,
      undefined,
      rules,
    );
  }
  const arrival = forward(ctx, node, result.packet);
  if (decision.replyLost && arrival.at === "pod") {
    ctx.hop?.(
      arrival.pod.ref,
      "drop",
      hopMessage("hop.ipvs-reply-lost", {
        pod: arrival.pod.name,
        ip: choice.endpoint.ip,
        vip: addr(packet.dst),
        client: packet.src.ip,
      }),
      arrival.packet,
      arrival.packet,
      causeOf(service.ref, service.source, "spec.externalTrafficPolicy"),
    );
    return TIMEOUT;
  }
  return arrival;
}

/**
 * A packet reaches `node` from the wire: dead if the node failed, else kube-proxy's rules, else the
 * node's own stack. `from` ends the hop's "arrives at NODE" (" from the load balancer").
 */
function arriveAtNode(ctx: TraceContext, node: NodeState, packet: PacketHeader, from: HopMessage): Arrival {
  if (node.failed) {
    ctx.hop?.(
      node.ref,
      "drop",
      hopMessage("hop.node-failed", { node: node.name, dst: addr(packet.dst) }),
      packet,
    );
    return TIMEOUT;
  }
  const rule = catchingRule(ctx.dp, node, packet);
  if (rule) {
    if (ctx.hop) {
      const service = rule.port.service.state;
      const { message, rules } = proxyTexts(ctx.dp.cluster.settings.kubeProxyMode).caught(
        { node, port: rule.port, entry: rule.entry, packet },
        from,
      );
      ctx.hop(
        node.ref,
        "route",
        message,
        packet,
        packet,
        causeOf(service.ref, service.source, ENTRY_FIELD[rule.entry](rule.port)),
        undefined,
        rules,
      );
    }
    return proxy(ctx, node, rule.port, rule.entry, packet);
  }
  if (packet.dst.ip === node.internalIP) return { at: "host", node, packet };
  ctx.hop?.(
    node.ref,
    "drop",
    hopMessage("hop.node-no-rule", { node: node.name, from, dst: addr(packet.dst) }),
    packet,
  );
  return TIMEOUT;
}

/** Routing on `node` once kube-proxy is done: the pod network, other nodes, or out of the cluster. */
function forward(ctx: TraceContext, node: NodeState, packet: PacketHeader): Arrival {
  const { dp } = ctx;
  const ip = packet.dst.ip;
  const next = nextHop(dp, node, ip);
  switch (next.to) {
    case "pod":
      return toPod(ctx, node, next.pod, packet);
    case "host":
      return { at: "host", node, packet };
    case "node":
      ctx.hop?.(node.ref, "route", hopMessage("hop.to-node", { ip, node: next.node.name }), packet);
      return arriveAtNode(ctx, next.node, packet, NONE);
    case "external-ip":
      ctx.hop?.(node.ref, "route", externalIPRoute(ip, next.holder), packet);
      return arriveAtNode(ctx, next.holder.node, packet, hopMessage("hop.from-external-ip", { ip }));
    case "unassigned":
      ctx.hop?.(
        node.ref,
        "drop",
        hopMessage("hop.unassigned-pod-ip", { ip, node: next.node.name, cidr: next.node.podCIDR }),
        packet,
        packet,
        causeOf(next.node.ref, next.node.source, "spec.podCIDR"),
      );
      return TIMEOUT;
    case "virtual":
      ctx.hop?.(
        node.ref,
        "drop",
        next.clusterIP
          ? hopMessage("hop.no-service-port", { port: packet.dst.port, protocol: packet.protocol, ip })
          : hopMessage("hop.virtual-address", { ip }),
        packet,
      );
      return TIMEOUT;
  }
  const out = egress(dp, node, packet);
  const balancer = dp.loadBalancers.get(ip);
  if (balancer) {
    // ipMode Proxy (KEP-1860): no rule short-circuits the address, so even a pod's packet goes out
    // to the load balancer and comes back in through it, as an outside client's does.
    const service = balancer.state;
    ctx.hop?.(
      node.ref,
      "egress",
      hopMessage("hop.egress-proxy-lb", { ip, service: service.ref, node: node.name }),
      packet,
      out,
      causeOf(service.ref, service.source, "status.loadBalancer.ingress"),
    );
    return cloudLoadBalancer(ctx, balancer, out);
  }
  ctx.hop?.(node.ref, "egress", hopMessage("hop.egress", { ip, node: node.name }), packet, out);
  const ingressLB = dp.ingress.gceByIP.get(ip);
  if (ingressLB) return gceLoadBalancer(ctx, WIRE, ingressLB, out);
  const host = (ctx.resolved?.ip === ip ? ctx.resolved.name : dp.externalHostByIP.get(ip)) ?? ip;
  return { at: "external", host, packet: out };
}

function toPod(ctx: TraceContext, node: NodeState, pod: PodState, packet: PacketHeader): Arrival {
  const podNode = nodeOf(ctx.dp, pod);
  if (!podNode) return TIMEOUT;
  if (podNode !== node) {
    const route = {
      ip: packet.dst.ip,
      cidr: podNode.podCIDR,
      node: podNode.name,
      nodeIP: podNode.internalIP,
    };
    const from = node.labels[ZONE_LABEL];
    const to = podNode.labels[ZONE_LABEL];
    // Nodes labelled with topology.kubernetes.io/zone: a hop between two zones says so (cross-zone traffic).
    ctx.hop?.(
      node.ref,
      "route",
      from && to && from !== to
        ? hopMessage("hop.to-pod-node-cross-zone", { ...route, from, to })
        : hopMessage("hop.to-pod-node", route),
      packet,
      packet,
      causeOf(podNode.ref, podNode.source, "spec.podCIDR"),
    );
    if (podNode.failed) {
      ctx.hop?.(
        podNode.ref,
        "drop",
        hopMessage("hop.pod-node-failed", { node: podNode.name, pod: pod.ref }),
        packet,
      );
      return TIMEOUT;
    }
    ctx.hop?.(podNode.ref, "route", hopMessage("hop.to-pod", { node: podNode.name, pod: pod.name }), packet);
  }
  return { at: "pod", pod, packet };
}

/** The listening port as the deliver hop names it. */
function listenerPhrase(port: Listener): HopMessage {
  if (!port.declared) return hopMessage("hop.listener-undeclared", {});
  const { container, containerPort, name } = port;
  return name
    ? hopMessage("hop.listener-named", { container, port: containerPort, name })
    : hopMessage("hop.listener", { container, port: containerPort });
}

/**
 * A field of a pod's spec, where its manifest writes it: a Pod's own `spec`, or the pod template of
 * the workload that made it (`spec.template.spec`, as in a Deployment, ReplicaSet, StatefulSet, DaemonSet).
 */
function podCause(pod: PodState, field: string) {
  const written =
    pod.source?.object.kind === "Pod" || !pod.source
      ? field
      : field.replace(/^spec\./, "spec.template.spec.");
  return causeOf(pod.ref, pod.source, written);
}

/** What answered at the packet's destination: a pod, a node's host network, or an address outside. */
function backendAt(packet: PacketHeader, pod: Ref | null, node: Ref | null): Backend {
  return { pod, node, ip: packet.dst.ip, port: packet.dst.port, clientIP: packet.src.ip };
}

interface Ending {
  outcome: Outcome;
  backend: Backend | null;
}

/** The request's last hop: a listening socket, a closed port (RST: refused), or a host outside. */
function deliver(ctx: TraceContext, arrival: Arrival): Ending {
  if (arrival.at === "lost" || arrival.at === "answered") return { outcome: arrival.outcome, backend: null };
  const { dp } = ctx;
  const { packet } = arrival;
  if (arrival.at === "pod" && isIngressProxy(ctx, arrival.pod, packet)) {
    return deliver(ctx, nginxProxy(ctx, WIRE, arrival.pod, packet));
  }
  const gateway = arrival.at === "pod" ? dp.gateway.proxyPods.get(arrival.pod.ref) : undefined;
  if (arrival.at === "pod" && gateway && isGatewayListener(gateway, packet.dst.port)) {
    return deliver(ctx, gatewayProxy(ctx, WIRE, arrival.pod, gateway, packet));
  }
  if (arrival.at === "external") {
    ctx.hop?.(
      externalRef(arrival.host),
      "deliver",
      hopMessage("hop.external-answers", { host: arrival.host, dst: addr(packet.dst) }),
      packet,
    );
    return { outcome: "delivered", backend: backendAt(packet, null, null) };
  }
  const pod = arrival.at === "pod" ? arrival.pod : hostPodListening(dp, arrival.node, packet);
  if (!pod && arrival.at === "host" && dp.hostEndpoints.has(addr(packet.dst))) {
    ctx.hop?.(
      arrival.node.ref,
      "deliver",
      hopMessage("hop.host-endpoint", { node: arrival.node.name }),
      packet,
    );
    return { outcome: "delivered", backend: backendAt(packet, null, arrival.node.ref) };
  }
  const port = pod ? listener(dp, pod, packet) : null;
  if (pod && port) {
    ctx.hop?.(
      pod.ref,
      "deliver",
      hopMessage("hop.delivered", { pod: pod.name, dst: addr(packet.dst), listener: listenerPhrase(port) }),
      packet,
      packet,
      podCause(pod, port.field),
    );
    return { outcome: "delivered", backend: backendAt(packet, pod.ref, nodeRef(pod.nodeName ?? "")) };
  }
  ctx.hop?.(
    pod ? pod.ref : arrival.at === "host" ? arrival.node.ref : "",
    "reject",
    hopMessage("hop.refused", { dst: addr(packet.dst) }),
    packet,
    packet,
    pod ? podCause(pod, "spec.containers") : undefined,
  );
  return { outcome: "refused", backend: null };
}

/** The packet leaves a pod or a node: kube-proxy's rules on that node first (PREROUTING / OUTPUT), then routing. */
function leave(ctx: TraceContext, node: NodeState, packet: PacketHeader): Arrival {
  const rule = catchingRule(ctx.dp, node, packet);
  if (rule) return proxy(ctx, node, rule.port, rule.entry, packet);
  return forward(ctx, node, packet);
}

/** ingress-nginx's controller pods proxy what reaches their http and https ports. */
function isIngressProxy(ctx: TraceContext, pod: PodState, packet: PacketHeader): boolean {
  return (packet.dst.port === 80 || packet.dst.port === 443) && ctx.dp.ingress.controllerPods.has(pod.ref);
}

const WIRE: Wire = { arriveAtNode, leave };

/** From the external client: only addresses the outside can reach (nodes, load balancers, external IPs). */
function enter(ctx: TraceContext, packet: PacketHeader): Arrival {
  const ip = packet.dst.ip;
  const tunnelled = minikubeTunnel(ctx, WIRE, packet);
  if (tunnelled) return tunnelled;
  const entry = entryFor(ctx.dp, ip);
  switch (entry.via) {
    case "ingress-lb":
      return gceLoadBalancer(ctx, WIRE, entry.lb, packet);
    case "load-balancer":
      return cloudLoadBalancer(ctx, entry.service, packet);
    case "node":
      return arriveAtNode(ctx, entry.node, packet, hopMessage("hop.from-address", { ip }));
    case "external-ip":
      ctx.hop?.(clientRef(), "route", externalIPRoute(ip, entry.holder), packet);
      return arriveAtNode(ctx, entry.holder.node, packet, hopMessage("hop.from-external-ip", { ip }));
  }
  ctx.hop?.(
    clientRef(),
    "drop",
    hopMessage(entry.internal ? "hop.outside-internal" : "hop.outside-unknown", { ip }),
    packet,
  );
  return TIMEOUT;
}

/** A Service's cloud load balancer takes the packet, and the hops say which node it picked and why. */
function cloudLoadBalancer(ctx: TraceContext, view: ServiceView, packet: PacketHeader): Arrival {
  const service = view.state;
  const lb = lbRef(service.namespace, service.name);
  const result = balance(ctx.dp, view, packet, ctx.state.random);
  switch (result.verdict) {
    case "no-listener":
      ctx.hop?.(
        lb,
        "drop",
        hopMessage("hop.lb-no-listener", { port: packet.dst.port, protocol: packet.protocol }),
        packet,
      );
      return TIMEOUT;
    case "firewall":
      ctx.hop?.(
        lb,
        "drop",
        hopMessage("hop.lb-firewall", {
          client: packet.src.ip,
          ranges: service.loadBalancerSourceRanges.join(", "),
        }),
        packet,
        packet,
        causeOf(service.ref, service.source, "spec.loadBalancerSourceRanges"),
      );
      return TIMEOUT;
    case "no-target":
      ctx.hop?.(
        lb,
        "drop",
        announcesAddresses(ctx.dp)
          ? hopMessage("hop.lb-unannounced", { ip: packet.dst.ip })
          : hopMessage("hop.lb-no-target", {}),
        packet,
      );
      return TIMEOUT;
  }
  const { target, pool } = result;
  if (result.entry === "l2-leader" || result.entry === "bgp-ecmp") {
    ctx.hop?.(
      lb,
      "lb-choice",
      result.entry === "l2-leader"
        ? hopMessage("hop.lb-l2", { ip: packet.dst.ip, node: target.name })
        : hopMessage("hop.lb-bgp", {
            ip: packet.dst.ip,
            nodes: pool.healthy.map((n) => n.name).join(", "),
            node: target.name,
          }),
      packet,
      result.packet,
      causeOf(service.ref, service.source, "spec.type"),
    );
    return arriveAtNode(ctx, target, result.packet, hopMessage("hop.from-load-balancer", {}));
  }
  const nodePort = result.port.spec.nodePort;
  const local = service.externalTrafficPolicy === "Local";
  if (result.entry === "proxy") {
    ctx.hop?.(
      lb,
      "lb-choice",
      hopMessage("hop.lb-kind-envoy", {
        ip: packet.dst.ip,
        hcPort: local ? (service.healthCheckNodePort ?? "?") : KUBE_PROXY_HEALTH_PORT,
        healthy: pool.healthy.map((n) => n.name).join(", ") || hopMessage("hop.lb-fails-open", {}),
        node: target.name,
        nodeIP: result.packet.dst.ip,
        nodePort: result.packet.dst.port,
      }),
      packet,
      result.packet,
      causeOf(service.ref, service.source, "status.loadBalancer.ingress"),
    );
    return arriveAtNode(ctx, target, result.packet, hopMessage("hop.from-load-balancer", {}));
  }
  ctx.hop?.(
    lb,
    "lb-choice",
    hopMessage("hop.lb-choice", {
      ip: packet.dst.ip,
      check: local
        ? hopMessage("hop.lb-check-local", { port: service.healthCheckNodePort ?? "?" })
        : hopMessage("hop.lb-check-cluster", {}),
      healthy: pool.healthy.map((n) => n.name).join(", ") || hopMessage("hop.lb-fails-open", {}),
      node: target.name,
      forward: nodePort ? hopMessage("hop.lb-to-node-port", { nodePort }) : NONE,
    }),
    packet,
    result.packet,
    causeOf(service.ref, service.source, local ? "spec.externalTrafficPolicy" : "spec.type"),
  );
  return arriveAtNode(ctx, target, result.packet, hopMessage("hop.from-load-balancer", {}));
}

/**
 * How the network outside Kubernetes delivers a Service's external IP (Service docs, "External IPs":
 * Kubernetes does not manage them): to the node that has the address, or, for an address no node
 * has, to the node the simulator assumes the administrator chose.
 */
function externalIPRoute(ip: string, holder: ExternalIPHolder): HopMessage {
  const { node } = holder;
  if (!holder.owned) return hopMessage("hop.external-ip-assumed", { ip, node: node.name });
  const type = node.internalIP === ip ? "InternalIP" : "ExternalIP";
  return hopMessage("hop.external-ip-owned", { ip, node: node.name, type });
}

export interface Resolution {
  /** The name that answered, or the name as asked when none did. */
  name: string;
  response: DnsResponse;
  /** Each name tried and its answer, in order. */
  attempts: { name: string; rcode: DnsResponse["rcode"] }[];
  /** The nameserver that answered: kube-dns's ClusterIP (and the CoreDNS pod behind it) or the upstream. */
  server: { ip: string; pod: PodState | null };
}

/**
 * A lookup on its own, as `svclab dns` shows it: the answer (or the outcome that stopped the query)
 * and the hops of the query.
 */
export function dnsLookup(
  dp: DataPlane,
  source: RequestSource,
  name: string,
  type: RecordType,
  state: TrafficState = createTrafficState(dp.cluster.settings.seed),
): { result: Resolution | { outcome: "timeout" | "refused" }; hops: Hop[] } {
  const ctx = traceContext(dp, state, true, "dns");
  return { result: lookup(ctx, source, name, type), hops: ctx.hops };
}

function answerPhrase(response: DnsResponse): HopMessage {
  if (response.rcode === "NXDOMAIN") return hopMessage("hop.dns-nxdomain", {});
  if (response.answers.length === 0) return hopMessage("hop.dns-nodata", {});
  return hopMessage("hop.dns-records", {
    records: response.answers.map((a) => `${a.type} ${a.data}`).join(", "),
  });
}

/** The outside DNS publishes Ingress hosts as external-dns would: say so where it answers. */
function publishedBy(response: DnsResponse): HopMessage {
  const cause = response.from === "upstream" ? response.cause : undefined;
  if (!cause) return NONE;
  const { object, field } = cause;
  return refKind(object) === "ingress"
    ? hopMessage("hop.dns-published-ingress", { object, field })
    : hopMessage("hop.dns-published-gateway", { object, field });
}

function dnsCause(dp: DataPlane, response: DnsResponse): HopCause | undefined {
  const cause = response.cause;
  if (!cause) return undefined;
  const source =
    dp.serviceByRef.get(cause.object)?.state.source ??
    dp.ingress.ingresses.get(cause.object)?.source ??
    dp.gateway.routes.get(cause.object)?.source ??
    dp.gateway.model.gateways.get(cause.object)?.view.source;
  return causeOf(cause.object, source, cause.field);
}

const SEARCH_ORDER = {
  absolute: hopMessage("hop.dns-order-absolute", {}),
  "as-is-first": hopMessage("hop.dns-order-as-is", { ndots: NDOTS }),
  "search-first": hopMessage("hop.dns-order-search", { ndots: NDOTS }),
} as const satisfies Record<QueryPlan["order"], HopMessage>;

/** The dns-query hop: what the pod's resolv.conf says and the order it tries names in. */
function queryMessage(plan: QueryPlan, dnsIP: string): HopMessage {
  return hopMessage("hop.dns-query", {
    type: plan.type,
    name: plan.name,
    server: dnsIP,
    search: plan.search.join(" "),
    ndots: NDOTS,
    order: SEARCH_ORDER[plan.order],
  });
}

/** The reply hop: what the resolver made of CoreDNS's answers. */
function replyMessage(plan: QueryPlan, answers: ResolverAnswers, dnsIP: string): HopMessage {
  const { result } = answers;
  const asked = plan.name;
  const summary =
    answers.ending === "found"
      ? hopMessage("hop.dns-found", { asked, name: result.name, answer: answerPhrase(result.response) })
      : answers.ending === "nodata"
        ? hopMessage("hop.dns-exists-no-record", { asked, name: result.name, type: plan.type })
        : hopMessage("hop.dns-nxdomain-after", { asked, count: answers.steps.length });
  return hopMessage("hop.dns-reply", { server: dnsIP, summary });
}

/**
 * A name looked up as the source's resolver would, with its hops in the "dns" phase. Pods with
 * cluster DNS send UDP to kube-dns's ClusterIP, which kube-proxy DNATs to a CoreDNS pod; everyone
 * else asks the upstream resolver.
 */
function lookup(
  ctx: TraceContext,
  source: RequestSource,
  rawName: string,
  type: RecordType,
): Resolution | { outcome: "timeout" | "refused" } {
  const { dp } = ctx;
  const sport = nextSourcePort(ctx.state);
  const previous = ctx.phase;
  ctx.phase = "dns";
  try {
    if (!source.dns.cluster || !source.node) {
      const name = normalName(rawName);
      const query = header("UDP", source.ip, sport, UPSTREAM_DNS_IP, 53);
      const reply = header("UDP", UPSTREAM_DNS_IP, 53, source.ip, sport);
      ctx.hop?.(
        source.ref,
        "dns-query",
        hopMessage("hop.dns-upstream-query", {
          type,
          name,
          server: UPSTREAM_DNS_IP,
          why: source.dns.cluster ? NONE : source.dns.why,
        }),
        query,
      );
      const response: DnsResponse =
        type === "A" || type === "AAAA"
          ? upstreamLookup(dp, name, type)
          : { rcode: "NXDOMAIN", answers: [], from: "upstream" };
      ctx.hop?.(
        source.ref,
        "dns-answer",
        hopMessage("hop.dns-upstream-answer", {
          name,
          answer: answerPhrase(response),
          published: publishedBy(response),
        }),
        query,
        reply,
        dnsCause(dp, response),
      );
      return {
        name,
        response,
        attempts: [{ name, rcode: response.rcode }],
        server: { ip: UPSTREAM_DNS_IP, pod: null },
      };
    }
    const dnsIP = dp.dnsService?.state.clusterIP ?? "";
    const query = header("UDP", source.ip, sport, dnsIP, 53);
    const plan = queryPlan(dp, source.dns.namespace, rawName, type);
    ctx.hop?.(source.ref, "dns-query", queryMessage(plan, dnsIP), query);
    const arrival = leave(ctx, source.node, query);
    if (arrival.at === "lost") return { outcome: arrival.outcome };
    // Only HTTP reaches an L7 proxy; a DNS query never gets an HTTP answer.
    if (arrival.at === "answered") return { outcome: "refused" };
    if (arrival.at !== "pod" || !listener(dp, arrival.pod, arrival.packet)) {
      ctx.hop?.(
        arrival.at === "pod" ? arrival.pod.ref : source.ref,
        "reject",
        hopMessage("hop.dns-no-server", { dst: addr(arrival.packet.dst) }),
        arrival.packet,
      );
      return { outcome: "refused" };
    }
    const server = arrival.pod;
    const reply = header("UDP", arrival.packet.dst.ip, 53, source.ip, sport);
    const answers = resolverAnswers(dp, plan, ctx.state.random);
    for (const { name, response } of answers.steps)
      ctx.hop?.(
        server.ref,
        "dns-answer",
        hopMessage("hop.dns-coredns-answer", {
          type,
          name,
          via:
            response.from === "upstream"
              ? hopMessage("hop.dns-forwarded", { published: publishedBy(response) })
              : NONE,
          answer: answerPhrase(response),
        }),
        arrival.packet,
        reply,
        dnsCause(dp, response),
      );
    ctx.hop?.(
      source.ref,
      "dns-answer",
      replyMessage(plan, answers, dnsIP),
      reply,
      header("UDP", dnsIP, 53, source.ip, sport),
    );
    return {
      name: answers.result.name,
      response: answers.result.response,
      attempts: answers.steps.map((step) => ({ name: step.name, rcode: step.response.rcode })),
      server: { ip: dnsIP, pod: server },
    };
  } finally {
    ctx.phase = previous;
  }
}

function send(
  ctx: TraceContext,
  parsed: ParsedRequest,
  dstIP: string,
  sport: number,
  viaName: string | null,
): Ending {
  const { source, target } = parsed;
  const loopback = isLoopback(dstIP);
  const srcIP = loopback ? "127.0.0.1" : source.ip;
  const packet = header("TCP", srcIP, sport, dstIP, target.port);
  ctx.hop?.(
    source.ref,
    "send",
    hopMessage("hop.send", {
      dst: addr(packet.dst),
      via: viaName ? hopMessage("hop.send-via-name", { name: viaName }) : NONE,
      src: addr(packet.src),
    }),
    packet,
  );
  if (!source.node)
    return deliver(ctx, loopback ? dockerDesktopLocalhost(ctx, WIRE, packet) : enter(ctx, packet));
  if (loopback && source.pod && !source.pod.hostNetwork)
    return deliver(ctx, { at: "pod", pod: source.pod, packet });
  return deliver(ctx, leave(ctx, source.node, packet));
}

/** The request as an L7 proxy reads it; a bare host:port counts as HTTPS on 443 and HTTP elsewhere. */
function httpRequest(target: Target, request: TraceRequest): HttpRequest {
  const scheme = target.scheme ?? (target.port === 443 ? "https" : "http");
  const headers = request.headers ?? [];
  // A Host header replaces the URL's host, as curl sends it; proxies match it without its port
  // (HTTPRouteSpec.Hostnames: "MUST ignore any port value specified in the HTTP Host header").
  const hostHeader = headers.findLast((h) => h.name.toLowerCase() === "host")?.value.trim();
  const host = hostHeader ? hostHeader.replace(/:\d+$/, "").toLowerCase() : target.host;
  const mark = target.path.indexOf("?");
  return {
    scheme,
    host,
    path: pathOf(target.path),
    method: request.method ?? "GET",
    query: mark < 0 ? "" : target.path.slice(mark + 1),
    headers: headers.filter((h) => h.name.toLowerCase() !== "host"),
  };
}

function finished(parsed: ParsedRequest, ctx: TraceContext, ending: Ending): Trace {
  return { request: parsed.request, outcome: ending.outcome, backend: ending.backend, hops: ctx.hops };
}

/**
 * The path of one request through the cluster, hop by hop, and its outcome: the DNS lookup it needs
 * (as the source's resolver makes it), then kube-proxy, routes and the listening pod. `state` carries
 * what persists between requests (PRNG, round-robin, session affinity, clock); without one, a fresh
 * state from the cluster's seed. With `options.hops` false, the same routing runs and draws the same
 * randomness, but no hop is built (most of a trace's cost is spelling its hops).
 */
export function trace(
  dp: DataPlane,
  parsed: ParsedRequest,
  state?: TrafficState,
  options: TraceOptions = {},
): Trace {
  const ctx = traceContext(
    dp,
    state ?? createTrafficState(dp.cluster.settings.seed),
    options.hops !== false,
    "request",
    httpRequest(parsed.target, parsed.request),
  );
  const { source, target } = parsed;
  if (source.node?.failed) {
    const packet = header("TCP", source.ip, nextSourcePort(ctx.state), source.ip, target.port);
    ctx.hop?.(
      source.node.ref,
      "drop",
      hopMessage("hop.source-failed", { node: source.node.name, source: source.ref }),
      packet,
    );
    return finished(parsed, ctx, { outcome: "timeout", backend: null });
  }
  if (target.isAddress)
    return finished(parsed, ctx, send(ctx, parsed, target.host, nextSourcePort(ctx.state), null));
  if (target.host === "localhost")
    return finished(parsed, ctx, send(ctx, parsed, "127.0.0.1", nextSourcePort(ctx.state), "localhost"));
  const resolution = lookup(ctx, source, target.rawHost, "A");
  if ("outcome" in resolution) return finished(parsed, ctx, { outcome: resolution.outcome, backend: null });
  const address = addressOf(resolution.response);
  if (!address) return finished(parsed, ctx, { outcome: "nxdomain", backend: null });
  ctx.resolved = address;
  const ending = send(ctx, parsed, address.ip, nextSourcePort(ctx.state), resolution.name);
  return finished(parsed, ctx, ending);
}
