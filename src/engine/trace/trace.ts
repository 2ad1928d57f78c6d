import type { NodeState, PodState, Ref } from "../cluster/types.ts";
import { hostPodListening, type Listener, listener } from "../network/container-ports.ts";
import {
  type DataPlane,
  type EndpointView,
  type ExternalIPHolder,
  fwChainOf,
  type ServicePortView,
  type ServiceView,
  sepChainOf,
} from "../network/dataplane.ts";
import { type DnsResponse, NDOTS, type RecordType, UPSTREAM_DNS_IP, upstreamLookup } from "../network/dns.ts";
import { egress, entryFor, nextHop, nodeOf } from "../network/forwarding.ts";
import { pathOf } from "../network/ingress/path.ts";
import { savedProbability } from "../network/iptables.ts";
import type { Pick, ProxyEntry } from "../network/kubeproxy.ts";
import { catchingRule, dispatch, type Masquerade } from "../network/kubeproxy-dispatch.ts";
import { balance } from "../network/load-balancer.ts";
import { addr, header, isLoopback } from "../network/packet.ts";
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
import { clientRef, externalRef, lbRef, nodeRef } from "../refs.ts";
import { gatewayProxy, isGatewayListener } from "./gateway.ts";
import { causeOf, type HttpRequest, type TraceContext, traceContext } from "./hops.ts";
import { gceLoadBalancer, nginxProxy, type Wire } from "./ingress.ts";
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

export type ParsedRequestResult = { ok: true; value: ParsedRequest } | { ok: false; message: string };

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

const MASQUERADE_DETAIL: Record<Masquerade, string> = {
  "cluster-policy":
    "externalTrafficPolicy Cluster: KUBE-EXT marks the packet for masquerade, the pod sees the node's address",
  "local-source": "traffic from the node itself to an external destination is masqueraded",
  "off-pod-network":
    "ClusterIP traffic from outside the pod network is masqueraded (KUBE-SVC `! -s CLUSTER-CIDR`)",
  hairpin:
    "hairpin: the pod reached itself through its Service, so KUBE-SEP masquerades it (`-s ENDPOINT -j KUBE-MARK-MASQ`)",
};

/** How kube-proxy's rules picked the endpoint, as the dnat hop says it. */
function pickText(port: ServicePortView, endpoint: EndpointView, how: Pick): string {
  if (how.by === "round-robin") return `IPVS rr: real server ${how.server + 1} of ${how.of}`;
  if (how.by === "affinity")
    return `sessionAffinity ClientIP: ${how.clientIP} used ${endpoint.key} ${how.ago.toFixed(2)}s ago (timeout ${how.timeout}s)`;
  const chain = sepChainOf(port, endpoint);
  const { rule, of } = how;
  return rule < of - 1
    ? `${chain} (rule ${rule + 1} of ${of}, --probability ${savedProbability(1 / (of - rule))})`
    : `${chain} (rule ${of} of ${of}, the final rule always matches)`;
}

/** kube-proxy on `node` handles a packet one of its rules caught, and the hops say what it did. */
function proxy(
  ctx: TraceContext,
  node: NodeState,
  port: ServicePortView,
  entry: ProxyEntry,
  packet: PacketHeader,
): Arrival {
  const service = port.service.state;
  const who = () => `kube-proxy (${ctx.dp.cluster.settings.kubeProxyMode}) on ${node.name}`;
  const result = dispatch(ctx.dp, ctx.state, node, port, entry, packet);
  if (result.action === "firewall") {
    ctx.hop?.(
      service.ref,
      "drop",
      `kube-proxy on ${node.name}: ${packet.src.ip} is not in spec.loadBalancerSourceRanges, so ${fwChainOf(port)} lets it through undNATed and KUBE-PROXY-FIREWALL drops it`,
      packet,
      packet,
      causeOf(service.ref, service.source, "spec.loadBalancerSourceRanges"),
      node.ref,
    );
    return TIMEOUT;
  }
  if (result.action === "reject") {
    ctx.hop?.(
      service.ref,
      "reject",
      `${who()}: "${result.comment}" -j REJECT: no ready endpoint for ${addr(packet.dst)}, the client gets ICMP port unreachable (connection refused)`,
      packet,
      packet,
      causeOf(service.ref, service.source, service.selector ? "spec.selector" : "metadata.name"),
      node.ref,
    );
    return REFUSED;
  }
  if (result.action === "drop") {
    ctx.hop?.(
      service.ref,
      "drop",
      `${who()}: "${result.comment}" -j DROP: traffic policy Local and no ready endpoint on ${node.name}; the client waits until it times out`,
      packet,
      packet,
      causeOf(
        service.ref,
        service.source,
        entry === "clusterIP" ? "spec.internalTrafficPolicy" : "spec.externalTrafficPolicy",
      ),
      node.ref,
    );
    return TIMEOUT;
  }
  const { decision, choice, dnatted, masquerade } = result;
  const { endpoint } = choice;
  ctx.hop?.(
    service.ref,
    "dnat",
    `${who()}: ${decision.chains.join(" → ")} → ${pickText(port, endpoint, choice.how)}, of ${decision.local ? `${decision.endpoints.length} local` : `${decision.endpoints.length}`} ready endpoint(s): DNAT ${addr(packet.dst)} → ${endpoint.key}`,
    packet,
    dnatted,
    endpointCause(port, endpoint),
    node.ref,
  );
  if (masquerade)
    ctx.hop?.(
      node.ref,
      "snat",
      `MASQUERADE ${packet.src.ip} → ${node.internalIP}: ${MASQUERADE_DETAIL[masquerade]}`,
      dnatted,
      result.packet,
      masquerade === "cluster-policy"
        ? causeOf(service.ref, service.source, "spec.externalTrafficPolicy")
        : undefined,
    );
  return forward(ctx, node, result.packet);
}

/**
 * A packet reaches `node` from the wire: dead if the node failed, else kube-proxy's rules, else the
 * node's own stack. `from` ends the hop's "arrives at NODE" (" from the load balancer").
 */
function arriveAtNode(ctx: TraceContext, node: NodeState, packet: PacketHeader, from: string): Arrival {
  if (node.failed) {
    ctx.hop?.(
      node.ref,
      "drop",
      `${node.name} has failed: nothing answers for ${addr(packet.dst)}, the packet is lost`,
      packet,
    );
    return TIMEOUT;
  }
  const rule = catchingRule(ctx.dp, node, packet);
  if (rule) {
    const service = rule.port.service.state;
    ctx.hop?.(
      node.ref,
      "route",
      `arrives at ${node.name}${from}; kube-proxy's ${rule.entry === "nodePort" ? "KUBE-NODEPORTS" : "KUBE-SERVICES"} rule for ${addr(packet.dst)} catches it (${rule.port.name})`,
      packet,
      packet,
      causeOf(service.ref, service.source, ENTRY_FIELD[rule.entry](rule.port)),
    );
    return proxy(ctx, node, rule.port, rule.entry, packet);
  }
  if (packet.dst.ip === node.internalIP) return { at: "host", node, packet };
  ctx.hop?.(
    node.ref,
    "drop",
    `arrives at ${node.name}${from}, but ${node.name} has no rule for ${addr(packet.dst)}: the packet is dropped`,
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
      ctx.hop?.(
        node.ref,
        "route",
        `${ip} is ${next.node.name}'s InternalIP: out to the node network`,
        packet,
      );
      return arriveAtNode(ctx, next.node, packet, "");
    case "external-ip":
      ctx.hop?.(node.ref, "route", `${ip}: ${externalIPRoute(ip, next.holder)}`, packet);
      return arriveAtNode(ctx, next.holder.node, packet, `, where external IP ${ip} is routed`);
    case "unassigned":
      ctx.hop?.(
        node.ref,
        "drop",
        `${ip} is in ${next.node.name}'s pod CIDR ${next.node.podCIDR} but no pod has it: nothing answers`,
        packet,
        packet,
        causeOf(next.node.ref, next.node.source, "spec.podCIDR"),
      );
      return TIMEOUT;
    case "virtual":
      ctx.hop?.(
        node.ref,
        "drop",
        `${next.clusterIP ? `no Service port ${packet.dst.port}/${packet.protocol} on ClusterIP ${ip}` : `nothing owns ${ip}`}: no kube-proxy rule matches and the address is virtual, so the packet is lost`,
        packet,
      );
      return TIMEOUT;
  }
  const out = egress(dp, node, packet);
  ctx.hop?.(
    node.ref,
    "egress",
    `${ip} is outside the cluster: out through ${node.name}'s default route`,
    packet,
    out,
  );
  const ingressLB = dp.ingress.gceByIP.get(ip);
  if (ingressLB) return gceLoadBalancer(ctx, WIRE, ingressLB, out);
  const host = (ctx.resolved?.ip === ip ? ctx.resolved.name : dp.externalHostByIP.get(ip)) ?? ip;
  return { at: "external", host, packet: out };
}

function toPod(ctx: TraceContext, node: NodeState, pod: PodState, packet: PacketHeader): Arrival {
  const podNode = nodeOf(ctx.dp, pod);
  if (!podNode) return TIMEOUT;
  if (podNode !== node) {
    ctx.hop?.(
      node.ref,
      "route",
      `${packet.dst.ip} is in ${podNode.podCIDR}: route via ${podNode.name} (${podNode.internalIP})`,
      packet,
      packet,
      causeOf(podNode.ref, podNode.source, "spec.podCIDR"),
    );
    if (podNode.failed) {
      ctx.hop?.(
        podNode.ref,
        "drop",
        `${podNode.name} has failed: ${pod.ref} does not answer, the packet is lost`,
        packet,
      );
      return TIMEOUT;
    }
    ctx.hop?.(
      podNode.ref,
      "route",
      `${podNode.name} hands the packet to ${pod.name}'s network interface`,
      packet,
    );
  }
  return { at: "pod", pod, packet };
}

/** The listening port as the deliver hop names it. */
function listenerText(port: Listener): string {
  if (!port.declared) return "no containerPort declared: the simulator assumes the process listens";
  return `container ${port.container}, containerPort ${port.containerPort}${port.name ? ` (${port.name})` : ""}`;
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
      `${arrival.host} (${addr(packet.dst)}), outside the cluster: the simulator assumes it answers`,
      packet,
    );
    return { outcome: "delivered", backend: backendAt(packet, null, null) };
  }
  const pod = arrival.at === "pod" ? arrival.pod : hostPodListening(dp, arrival.node, packet);
  if (!pod && arrival.at === "host" && dp.hostEndpoints.has(addr(packet.dst))) {
    ctx.hop?.(
      arrival.node.ref,
      "deliver",
      `a process on ${arrival.node.name}'s host network that a Service lists as its endpoint answers (the simulator does not model it further)`,
      packet,
    );
    return { outcome: "delivered", backend: backendAt(packet, null, arrival.node.ref) };
  }
  const port = pod ? listener(dp, pod, packet) : null;
  if (pod && port) {
    ctx.hop?.(
      pod.ref,
      "deliver",
      `delivered to ${pod.name} on ${addr(packet.dst)}: ${listenerText(port)}`,
      packet,
      packet,
      podCause(pod, port.field),
    );
    return { outcome: "delivered", backend: backendAt(packet, pod.ref, nodeRef(pod.nodeName ?? "")) };
  }
  ctx.hop?.(
    pod ? pod.ref : arrival.at === "host" ? arrival.node.ref : "",
    "reject",
    `nothing listens on ${addr(packet.dst)}: the kernel answers with a TCP reset (connection refused)`,
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
  const entry = entryFor(ctx.dp, ip);
  switch (entry.via) {
    case "ingress-lb":
      return gceLoadBalancer(ctx, WIRE, entry.lb, packet);
    case "load-balancer":
      return cloudLoadBalancer(ctx, entry.service, packet);
    case "node":
      return arriveAtNode(ctx, entry.node, packet, ` (${ip})`);
    case "external-ip":
      ctx.hop?.(clientRef(), "route", `${ip}: ${externalIPRoute(ip, entry.holder)}`, packet);
      return arriveAtNode(ctx, entry.holder.node, packet, `, where external IP ${ip} is routed`);
  }
  ctx.hop?.(
    clientRef(),
    "drop",
    `${ip}: ${entry.internal ? "pod and ClusterIP addresses are not routed from outside the cluster" : "no host in the simulation has it"}; the connection times out`,
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
        `the load balancer listens only on the Service's ports, not ${packet.dst.port}/${packet.protocol}`,
        packet,
      );
      return TIMEOUT;
    case "firewall":
      ctx.hop?.(
        lb,
        "drop",
        `${packet.src.ip} is outside spec.loadBalancerSourceRanges (${service.loadBalancerSourceRanges.join(", ")}): the load balancer's firewall drops it and the connection times out`,
        packet,
        packet,
        causeOf(service.ref, service.source, "spec.loadBalancerSourceRanges"),
      );
      return TIMEOUT;
    case "no-target":
      ctx.hop?.(lb, "drop", "no node is left to send to: every node has failed", packet);
      return TIMEOUT;
  }
  const { target, pool } = result;
  const nodePort = result.port.spec.nodePort;
  const local = service.externalTrafficPolicy === "Local";
  ctx.hop?.(
    lb,
    "lb-choice",
    `load balancer ${packet.dst.ip}: ${local ? `healthCheckNodePort ${service.healthCheckNodePort ?? "?"} passes only on nodes with a ready local endpoint` : "kube-proxy's health check (port 10256) passes on every live node"}; healthy: ${pool.healthy.map((n) => n.name).join(", ") || "none (fails open)"}; picked ${target.name}${nodePort ? `, forwards to its nodePort ${nodePort}` : ""}`,
    packet,
    result.packet,
    causeOf(service.ref, service.source, local ? "spec.externalTrafficPolicy" : "spec.type"),
  );
  return arriveAtNode(ctx, target, result.packet, " from the load balancer");
}

/**
 * How the network outside Kubernetes delivers a Service's external IP (Service docs, "External IPs":
 * Kubernetes does not manage them): to the node that has the address, or, for an address no node
 * has, to the node the simulator assumes the administrator chose.
 */
function externalIPRoute(ip: string, holder: ExternalIPHolder): string {
  const { node } = holder;
  if (!holder.owned)
    return `no node lists ${ip} in status.addresses; the simulator assumes the administrator routes it to ${node.name}, the first node`;
  const type = node.internalIP === ip ? "InternalIP" : "ExternalIP";
  return `${node.name}'s ${type}: the network delivers it to ${node.name}, and its kube-proxy takes it from there`;
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

function answerText(response: DnsResponse): string {
  if (response.rcode === "NXDOMAIN") return "NXDOMAIN";
  if (response.answers.length === 0) return "NOERROR, no records of that type (the name exists)";
  return response.answers.map((a) => `${a.type} ${a.data}`).join(", ");
}

/** The outside DNS publishes Ingress hosts as external-dns would: say so where it answers. */
function publishedBy(response: DnsResponse): string {
  const cause = response.from === "upstream" ? response.cause : undefined;
  return cause
    ? ` (published by external-dns from ${cause.object} ${cause.field}, the ${cause.object.startsWith("ingress/") ? "Ingress" : "Gateway"}'s address)`
    : "";
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

/** The dns-query hop's text: what the pod's resolv.conf says and the order it tries names in. */
function queryText(plan: QueryPlan, dnsIP: string): string {
  const order =
    plan.order === "absolute"
      ? "absolute name: no search"
      : plan.order === "as-is-first"
        ? `at least ndots:${NDOTS} dots: as is first, then the search list`
        : `fewer than ndots:${NDOTS} dots: search list first`;
  return `${plan.type}? ${plan.name}: resolv.conf nameserver ${dnsIP}, search ${plan.search.join(" ")}, options ndots:${NDOTS}; ${order}`;
}

/** The reply hop's text: what the resolver made of CoreDNS's answers. */
function replyText(plan: QueryPlan, answers: ResolverAnswers, dnsIP: string): string {
  const { result } = answers;
  const summary =
    answers.ending === "found"
      ? `${plan.name} is ${result.name} → ${answerText(result.response)}`
      : answers.ending === "nodata"
        ? `${plan.name}: ${result.name} exists but has no ${plan.type} record`
        : `${plan.name}: NXDOMAIN after ${answers.steps.length} name(s)`;
  return `reply from ${dnsIP} (conntrack reverses the DNAT): ${summary}`;
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
        `${type}? ${name} to the upstream resolver ${UPSTREAM_DNS_IP} (${source.dns.cluster ? "" : source.dns.why})`,
        query,
      );
      const response: DnsResponse =
        type === "A" || type === "AAAA"
          ? upstreamLookup(dp, name, type)
          : { rcode: "NXDOMAIN", answers: [], from: "upstream" };
      ctx.hop?.(
        source.ref,
        "dns-answer",
        `upstream: ${name} → ${answerText(response)}${publishedBy(response)}`,
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
    ctx.hop?.(source.ref, "dns-query", queryText(plan, dnsIP), query);
    const arrival = leave(ctx, source.node, query);
    if (arrival.at === "lost") return { outcome: arrival.outcome };
    // Only HTTP reaches an L7 proxy; a DNS query never gets an HTTP answer.
    if (arrival.at === "answered") return { outcome: "refused" };
    if (arrival.at !== "pod" || !listener(dp, arrival.pod, arrival.packet)) {
      ctx.hop?.(
        arrival.at === "pod" ? arrival.pod.ref : source.ref,
        "reject",
        `nothing answers DNS on ${addr(arrival.packet.dst)}`,
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
        `CoreDNS: ${type}? ${name}${response.from === "upstream" ? ` (not in the cluster domain: forwarded upstream)${publishedBy(response)}` : ""} → ${answerText(response)}`,
        arrival.packet,
        reply,
        dnsCause(dp, response),
      );
    ctx.hop?.(
      source.ref,
      "dns-answer",
      replyText(plan, answers, dnsIP),
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
    `connect to ${addr(packet.dst)}${viaName ? ` (${viaName})` : ""}, TCP from ${addr(packet.src)}`,
    packet,
  );
  if (!source.node) return deliver(ctx, loopback ? REFUSED : enter(ctx, packet));
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
      `${source.node.name} has failed: nothing leaves ${source.ref}`,
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
