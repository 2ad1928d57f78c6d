import type { NodeState, PodState, Ref } from "../cluster/types.ts";
import {
  type DataPlane,
  type EndpointView,
  type ExternalIPHolder,
  fwChainOf,
  inServiceCIDR,
  type Protocol,
  packetKey,
  routeFor,
  type ServicePortView,
} from "../network/dataplane.ts";
import {
  type DnsResponse,
  isStableAnswer,
  NDOTS,
  podResolvConf,
  type RecordType,
  resolveAbsolute,
  searchCandidates,
  UPSTREAM_DNS_IP,
  upstreamLookup,
} from "../network/dns.ts";
import { pathOf } from "../network/ingress/path.ts";
import {
  admittedBySourceRanges,
  choose,
  decide,
  type ProxyEntry,
  type SourceKind,
} from "../network/kubeproxy.ts";
import { type RequestSource, resolveSource } from "../network/source.ts";
import { parseTarget, type Target } from "../network/target.ts";
import { createTrafficState, nextSourcePort, type TrafficState } from "../network/traffic-state.ts";
import type { Random } from "../random.ts";
import { gatewayProxy, isGatewayListener } from "./gateway.ts";
import { addHop, causeOf, type HttpRequest, type TraceContext } from "./hops.ts";
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

function header(
  protocol: "TCP" | "UDP",
  srcIP: string,
  srcPort: number,
  dstIP: string,
  dstPort: number,
): PacketHeader {
  return { protocol, src: { ip: srcIP, port: srcPort }, dst: { ip: dstIP, port: dstPort } };
}

function withDst(packet: PacketHeader, ip: string, port: number): PacketHeader {
  return { protocol: packet.protocol, src: packet.src, dst: { ip, port } };
}

function withSrc(packet: PacketHeader, ip: string): PacketHeader {
  return { protocol: packet.protocol, src: { ip, port: packet.src.port }, dst: packet.dst };
}

function addr(e: { ip: string; port: number }): string {
  return `${e.ip}:${e.port}`;
}

function isLoopback(ip: string): boolean {
  return ip.startsWith("127.");
}

/** How kube-proxy's rules on `node` see a packet's source (local-traffic detector, addrtype LOCAL). */
function sourceKind(dp: DataPlane, node: NodeState, srcIP: string): SourceKind {
  if (srcIP === node.internalIP || isLoopback(srcIP)) return "host";
  if (dp.podByIP.has(srcIP) || routeFor(dp, srcIP)) return "pod";
  return "remote";
}

/** The KUBE-SERVICES rule (and KUBE-NODEPORTS, for the node's own addresses) that catches a packet on `node`. */
function matchRule(
  dp: DataPlane,
  node: NodeState,
  packet: PacketHeader,
): { port: ServicePortView; entry: ProxyEntry } | null {
  const protocol = packet.protocol as Protocol;
  const key = packetKey(dp, packet.dst.ip, packet.dst.port, protocol);
  const clusterIP = dp.clusterIPPorts.get(key);
  if (clusterIP) return { port: clusterIP, entry: "clusterIP" };
  const external = dp.externalIPPorts.get(key);
  if (external) return { port: external, entry: "externalIP" };
  const lb = dp.loadBalancerPorts.get(key);
  if (lb) return { port: lb, entry: "loadBalancerIP" };
  // "kubernetes service nodeports": the last KUBE-SERVICES rule, for any address local to the node.
  if (packet.dst.ip === node.internalIP || isLoopback(packet.dst.ip)) {
    const nodePort = dp.nodePorts.get(packetKey(dp, "", packet.dst.port, protocol));
    if (nodePort) return { port: nodePort, entry: "nodePort" };
  }
  return null;
}

/** The field paths of one Service port that hops name, spelled once per port: every request names them. */
interface PortFields {
  port: string;
  nodePort: string;
  targetPort: string;
}

const portFields = new WeakMap<ServicePortView, PortFields>();

function fieldsOf(port: ServicePortView): PortFields {
  let fields = portFields.get(port);
  if (!fields) {
    const at = `spec.ports[${port.index}]`;
    fields = { port: `${at}.port`, nodePort: `${at}.nodePort`, targetPort: `${at}.targetPort` };
    portFields.set(port, fields);
  }
  return fields;
}

const ENTRY_FIELD: Record<ProxyEntry, (port: ServicePortView) => string> = {
  clusterIP: (p) => fieldsOf(p).port,
  nodePort: (p) => fieldsOf(p).nodePort,
  externalIP: () => "spec.externalIPs",
  loadBalancerIP: () => "status.loadBalancer.ingress",
};

function endpointCause(port: ServicePortView, endpoint: EndpointView) {
  const service = port.service.state;
  if (service.selector) return causeOf(service.ref, service.source, fieldsOf(port).targetPort);
  return causeOf(endpoint.slice.ref, endpoint.slice.source, `endpoints[${endpoint.index}].addresses`);
}

const MASQUERADE_DETAIL = {
  "cluster-policy":
    "externalTrafficPolicy Cluster: KUBE-EXT marks the packet for masquerade, the pod sees the node's address",
  "local-source": "traffic from the node itself to an external destination is masqueraded",
  "off-pod-network":
    "ClusterIP traffic from outside the pod network is masqueraded (KUBE-SVC `! -s CLUSTER-CIDR`)",
  hairpin:
    "hairpin: the pod reached itself through its Service, so KUBE-SEP masquerades it (`-s ENDPOINT -j KUBE-MARK-MASQ`)",
} as const;

/** kube-proxy on `node` handles a packet one of its rules caught: REJECT, DROP, or DNAT to an endpoint. */
function proxy(
  ctx: TraceContext,
  node: NodeState,
  port: ServicePortView,
  entry: ProxyEntry,
  packet: PacketHeader,
): Arrival {
  const { dp, state } = ctx;
  const service = port.service.state;
  const mode = dp.cluster.settings.kubeProxyMode;
  // proxier.go KUBE-FW-*: to a load-balancer IP, only sources in spec.loadBalancerSourceRanges go on;
  // the rest fall to KUBE-PROXY-FIREWALL's DROP, and the connection times out.
  if (
    entry === "loadBalancerIP" &&
    port.hasEndpoints &&
    !admittedBySourceRanges(service.loadBalancerSourceRanges, packet.src.ip)
  ) {
    if (ctx.hops)
      addHop(
        ctx,
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
  const decision = decide(dp, node, port, entry, sourceKind(dp, node, packet.src.ip));
  // Spelt only where a hop is recorded: simulations trace without hops.
  const who = ctx.hops ? `kube-proxy (${mode}) on ${node.name}` : "";
  if (decision.action === "reject") {
    const field = service.selector ? "spec.selector" : "metadata.name";
    if (ctx.hops)
      addHop(
        ctx,
        service.ref,
        "reject",
        `${who}: "${decision.comment}" -j REJECT: no ready endpoint for ${addr(packet.dst)}, the client gets ICMP port unreachable (connection refused)`,
        packet,
        packet,
        causeOf(service.ref, service.source, field),
        node.ref,
      );
    return REFUSED;
  }
  if (decision.action === "drop") {
    const field = entry === "clusterIP" ? "spec.internalTrafficPolicy" : "spec.externalTrafficPolicy";
    if (ctx.hops)
      addHop(
        ctx,
        service.ref,
        "drop",
        `${who}: "${decision.comment}" -j DROP: traffic policy Local and no ready endpoint on ${node.name}; the client waits until it times out`,
        packet,
        packet,
        causeOf(service.ref, service.source, field),
        node.ref,
      );
    return TIMEOUT;
  }
  const choice = choose(state, mode, node, port, packet.dst, decision.endpoints, packet.src.ip);
  const endpoint = choice.endpoint;
  const dnatted = withDst(packet, endpoint.ip, endpoint.port);
  if (ctx.hops) {
    const pool = decision.local ? `${decision.endpoints.length} local` : `${decision.endpoints.length}`;
    addHop(
      ctx,
      service.ref,
      "dnat",
      `${who}: ${decision.chains.join(" → ")} → ${choice.how}, of ${pool} ready endpoint(s): DNAT ${addr(packet.dst)} → ${endpoint.key}`,
      packet,
      dnatted,
      endpointCause(port, endpoint),
      node.ref,
    );
  }
  let out = dnatted;
  const reason = decision.masquerade ?? (endpoint.ip === packet.src.ip ? "hairpin" : null);
  if (reason && packet.src.ip !== node.internalIP) {
    out = withSrc(dnatted, node.internalIP);
    const cause =
      reason === "cluster-policy"
        ? causeOf(service.ref, service.source, "spec.externalTrafficPolicy")
        : undefined;
    if (ctx.hops)
      addHop(
        ctx,
        node.ref,
        "snat",
        `MASQUERADE ${packet.src.ip} → ${node.internalIP}: ${MASQUERADE_DETAIL[reason]}`,
        dnatted,
        out,
        cause,
      );
  }
  return forward(ctx, node, out);
}

/**
 * A packet reaches `node` from the wire: dead if the node failed, else kube-proxy's rules, else the
 * node's own stack. `from` ends the hop's "arrives at NODE" (" from the load balancer"): a suffix, so
 * that a trace without hops spells nothing.
 */
function arriveAtNode(ctx: TraceContext, node: NodeState, packet: PacketHeader, from: string): Arrival {
  if (node.failed) {
    if (ctx.hops)
      addHop(
        ctx,
        node.ref,
        "drop",
        `${node.name} has failed: nothing answers for ${addr(packet.dst)}, the packet is lost`,
        packet,
      );
    return TIMEOUT;
  }
  const rule = matchRule(ctx.dp, node, packet);
  if (rule) {
    const service = rule.port.service.state;
    if (ctx.hops)
      addHop(
        ctx,
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
  if (ctx.hops)
    addHop(
      ctx,
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
  const pod = dp.podByIP.get(ip);
  if (pod) return toPod(ctx, node, pod, packet);
  const other = dp.nodeByIP.get(ip);
  if (other === node || isLoopback(ip)) return { at: "host", node, packet };
  if (other) {
    if (ctx.hops)
      addHop(ctx, node.ref, "route", `${ip} is ${other.name}'s InternalIP: out to the node network`, packet);
    return arriveAtNode(ctx, other, packet, "");
  }
  const holder = dp.externalIPNodes.get(ip);
  if (holder) {
    if (ctx.hops) addHop(ctx, node.ref, "route", `${ip}: ${externalIPRoute(ip, holder)}`, packet);
    return arriveAtNode(ctx, holder.node, packet, `, where external IP ${ip} is routed`);
  }
  const cidrNode = routeFor(dp, ip);
  if (cidrNode) {
    if (ctx.hops)
      addHop(
        ctx,
        node.ref,
        "drop",
        `${ip} is in ${cidrNode.name}'s pod CIDR ${cidrNode.podCIDR} but no pod has it: nothing answers`,
        packet,
        packet,
        causeOf(cidrNode.ref, cidrNode.source, "spec.podCIDR"),
      );
    return TIMEOUT;
  }
  if (inServiceCIDR(dp, ip) || dp.loadBalancers.has(ip)) {
    const what = dp.clusterIPs.has(ip)
      ? `no Service port ${packet.dst.port}/${packet.protocol} on ClusterIP ${ip}`
      : `nothing owns ${ip}`;
    if (ctx.hops)
      addHop(
        ctx,
        node.ref,
        "drop",
        `${what}: no kube-proxy rule matches and the address is virtual, so the packet is lost`,
        packet,
      );
    return TIMEOUT;
  }
  // Pods reach the outside through their node; CNIs masquerade traffic that leaves the pod network.
  const out = dp.podByIP.has(packet.src.ip) ? withSrc(packet, node.internalIP) : packet;
  const host = (ctx.resolved?.ip === ip ? ctx.resolved.name : dp.externalHostByIP.get(ip)) ?? ip;
  if (ctx.hops)
    addHop(
      ctx,
      node.ref,
      "egress",
      `${ip} is outside the cluster: out through ${node.name}'s default route`,
      packet,
      out,
    );
  const ingressLB = dp.ingress.gceByIP.get(ip);
  if (ingressLB) return gceLoadBalancer(ctx, WIRE, ingressLB, out);
  return { at: "external", host, packet: out };
}

function toPod(ctx: TraceContext, node: NodeState, pod: PodState, packet: PacketHeader): Arrival {
  const podNode = pod.nodeName ? ctx.dp.nodes.get(pod.nodeName) : undefined;
  if (!podNode) return TIMEOUT;
  if (podNode !== node) {
    if (ctx.hops)
      addHop(
        ctx,
        node.ref,
        "route",
        `${packet.dst.ip} is in ${podNode.podCIDR}: route via ${podNode.name} (${podNode.internalIP})`,
        packet,
        packet,
        causeOf(podNode.ref, podNode.source, "spec.podCIDR"),
      );
    if (podNode.failed) {
      if (ctx.hops)
        addHop(
          ctx,
          podNode.ref,
          "drop",
          `${podNode.name} has failed: ${pod.ref} does not answer, the packet is lost`,
          packet,
        );
      return TIMEOUT;
    }
    if (ctx.hops)
      addHop(
        ctx,
        podNode.ref,
        "route",
        `${podNode.name} hands the packet to ${pod.name}'s network interface`,
        packet,
      );
  }
  return { at: "pod", pod, packet };
}

interface Listener {
  containerPort: number;
  protocol: string;
  field: string;
  what: string;
}

/** containerPort is informational; with none declared the simulator assumes the process listens. */
const ASSUMED_LISTENER = {
  field: "spec.containers",
  what: "no containerPort declared: the simulator assumes the process listens",
} as const;

/**
 * Each pod's declared container ports with their hop texts, worked out once per containers list:
 * every request delivered to a pod asks for them.
 */
const listeners = new WeakMap<PodState["containers"], Listener[]>();

function listenersOf(pod: PodState): Listener[] {
  let list = listeners.get(pod.containers);
  if (!list) {
    list = pod.containers.flatMap((container, c) =>
      container.ports.map((port, p) => ({
        containerPort: port.containerPort,
        protocol: port.protocol,
        field: `spec.containers[${c}].ports[${p}].containerPort`,
        what: `container ${container.name}, containerPort ${port.containerPort}${port.name ? ` (${port.name})` : ""}`,
      })),
    );
    listeners.set(pod.containers, list);
  }
  return list;
}

/** The container port a packet reaches, or null when the pod declares ports and none matches. */
function listener(pod: PodState, packet: PacketHeader): { field: string; what: string } | null {
  const declared = listenersOf(pod);
  if (declared.length === 0) return ASSUMED_LISTENER;
  return declared.find((l) => l.containerPort === packet.dst.port && l.protocol === packet.protocol) ?? null;
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

function hostPodListening(dp: DataPlane, node: NodeState, packet: PacketHeader): PodState | undefined {
  return dp.hostPods
    .get(node.name)
    ?.find((pod) => listener(pod, packet) !== null && pod.containers.some((c) => c.ports.length > 0));
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
  const { packet } = arrival;
  if (arrival.at === "pod" && isIngressProxy(ctx, arrival.pod, packet)) {
    return deliver(ctx, nginxProxy(ctx, WIRE, arrival.pod, packet));
  }
  const gateway = arrival.at === "pod" ? ctx.dp.gateway.proxyPods.get(arrival.pod.ref) : undefined;
  if (arrival.at === "pod" && gateway && isGatewayListener(gateway, packet.dst.port)) {
    return deliver(ctx, gatewayProxy(ctx, WIRE, arrival.pod, gateway, packet));
  }
  if (arrival.at === "external") {
    if (ctx.hops)
      addHop(
        ctx,
        `external/${arrival.host}`,
        "deliver",
        `${arrival.host} (${addr(packet.dst)}), outside the cluster: the simulator assumes it answers`,
        packet,
      );
    return { outcome: "delivered", backend: backendAt(packet, null, null) };
  }
  const pod = arrival.at === "pod" ? arrival.pod : hostPodListening(ctx.dp, arrival.node, packet);
  if (!pod && arrival.at === "host" && ctx.dp.hostEndpoints.has(addr(packet.dst))) {
    const detail = `a process on ${arrival.node.name}'s host network that a Service lists as its endpoint answers (the simulator does not model it further)`;
    if (ctx.hops) addHop(ctx, arrival.node.ref, "deliver", detail, packet);
    return { outcome: "delivered", backend: backendAt(packet, null, arrival.node.ref) };
  }
  const port = pod ? listener(pod, packet) : null;
  if (pod && port) {
    if (ctx.hops)
      addHop(
        ctx,
        pod.ref,
        "deliver",
        `delivered to ${pod.name} on ${addr(packet.dst)}: ${port.what}`,
        packet,
        packet,
        podCause(pod, port.field),
      );
    return { outcome: "delivered", backend: backendAt(packet, pod.ref, `node/${pod.nodeName}`) };
  }
  const at = pod ? pod.ref : arrival.at === "host" ? arrival.node.ref : "";
  const cause = pod ? podCause(pod, "spec.containers") : undefined;
  if (ctx.hops)
    addHop(
      ctx,
      at,
      "reject",
      `nothing listens on ${addr(packet.dst)}: the kernel answers with a TCP reset (connection refused)`,
      packet,
      packet,
      cause,
    );
  return { outcome: "refused", backend: null };
}

/** The packet leaves a pod or a node: kube-proxy's rules on that node first (PREROUTING / OUTPUT), then routing. */
function leave(ctx: TraceContext, node: NodeState, packet: PacketHeader): Arrival {
  const rule = matchRule(ctx.dp, node, packet);
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
  const { dp, state } = ctx;
  const ip = packet.dst.ip;
  const ingressLB = dp.ingress.gceByIP.get(ip);
  if (ingressLB) return gceLoadBalancer(ctx, WIRE, ingressLB, packet);
  const lb = dp.loadBalancers.get(ip);
  if (lb) {
    const port = dp.loadBalancerPorts.get(packetKey(dp, ip, packet.dst.port, packet.protocol));
    const service = lb.state;
    const lbRef = `lb/${service.namespace}/${service.name}`;
    if (!port) {
      if (ctx.hops)
        addHop(
          ctx,
          lbRef,
          "drop",
          `the load balancer listens only on the Service's ports, not ${packet.dst.port}/${packet.protocol}`,
          packet,
        );
      return TIMEOUT;
    }
    // The cloud provider turns spec.loadBalancerSourceRanges into its firewall (Service docs,
    // "Specifying source ranges"): a client outside them gets no answer at all.
    if (!admittedBySourceRanges(service.loadBalancerSourceRanges, packet.src.ip)) {
      if (ctx.hops)
        addHop(
          ctx,
          lbRef,
          "drop",
          `${packet.src.ip} is outside spec.loadBalancerSourceRanges (${service.loadBalancerSourceRanges.join(", ")}): the load balancer's firewall drops it and the connection times out`,
          packet,
          packet,
          causeOf(service.ref, service.source, "spec.loadBalancerSourceRanges"),
        );
      return TIMEOUT;
    }
    const { targets, names } = poolOf(dp, port, lbRef);
    const target = targets[state.random.int(targets.length)];
    if (!target) {
      if (ctx.hops) addHop(ctx, lbRef, "drop", "no node is left to send to: every node has failed", packet);
      return TIMEOUT;
    }
    const nodePort = port.spec.nodePort;
    const after = nodePort
      ? withDst(packet, target.internalIP, nodePort)
      : withDst(packet, ip, packet.dst.port);
    if (ctx.hops) {
      const check =
        service.externalTrafficPolicy === "Local"
          ? `healthCheckNodePort ${service.healthCheckNodePort ?? "?"} passes only on nodes with a ready local endpoint`
          : "kube-proxy's health check (port 10256) passes on every live node";
      addHop(
        ctx,
        lbRef,
        "lb-choice",
        `load balancer ${ip}: ${check}; healthy: ${names}; picked ${target.name}${nodePort ? `, forwards to its nodePort ${nodePort}` : ""}`,
        packet,
        after,
        causeOf(
          service.ref,
          service.source,
          service.externalTrafficPolicy === "Local" ? "spec.externalTrafficPolicy" : "spec.type",
        ),
      );
    }
    return arriveAtNode(ctx, target, after, " from the load balancer");
  }
  const node = dp.nodeByIP.get(ip);
  if (node) return arriveAtNode(ctx, node, packet, ` (${ip})`);
  const holder = dp.externalIPNodes.get(ip);
  if (holder) {
    if (ctx.hops) addHop(ctx, "client/external", "route", `${ip}: ${externalIPRoute(ip, holder)}`, packet);
    return arriveAtNode(ctx, holder.node, packet, `, where external IP ${ip} is routed`);
  }
  const why =
    dp.podByIP.has(ip) || routeFor(dp, ip) || inServiceCIDR(dp, ip)
      ? "pod and ClusterIP addresses are not routed from outside the cluster"
      : "no host in the simulation has it";
  if (ctx.hops) addHop(ctx, "client/external", "drop", `${ip}: ${why}; the connection times out`, packet);
  return TIMEOUT;
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

interface LoadBalancerPool {
  targets: NodeState[];
  /** The healthy nodes' names, as the lb-choice hop lists them. */
  names: string;
}

/** One data plane's load-balancer pools: the same for every request, so worked out once per port. */
const pools = new WeakMap<ServicePortView, LoadBalancerPool>();

function poolOf(dp: DataPlane, port: ServicePortView, lbRef: string): LoadBalancerPool {
  let pool = pools.get(port);
  if (!pool) {
    const healthy = healthyTargets(dp, port);
    // A load balancer whose pool the health checks keep does not know which nodes have failed.
    const alive = dp.lbBackends.has(lbRef) ? dp.cluster.nodes : dp.cluster.nodes.filter((n) => !n.failed);
    // Cloud load balancers fail open: with no healthy target, they spread over every target (GCP, AWS NLB).
    pool = {
      targets: healthy.length > 0 ? healthy : alive,
      names: healthy.map((n) => n.name).join(", ") || "none (fails open)",
    };
    pools.set(port, pool);
  }
  return pool;
}

/** Nodes a load balancer sends to: live nodes, and with externalTrafficPolicy Local only those with local endpoints. */
export function healthyTargets(dp: DataPlane, port: ServicePortView): NodeState[] {
  const { namespace, name } = port.service.state;
  const pool = dp.lbBackends.get(`lb/${namespace}/${name}`);
  if (pool) return dp.cluster.nodes.filter((node) => pool.has(node.name));
  const local = port.service.state.externalTrafficPolicy === "Local";
  return dp.cluster.nodes.filter((node) => {
    if (node.failed) return false;
    if (!local) return true;
    return port.service.ports.some((p) => p.endpoints.some((e) => e.nodeName === node.name && e.ready));
  });
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
  const hops: Hop[] = [];
  const ctx: TraceContext = { dp, state, hops, phase: "dns" };
  return { result: lookup(ctx, source, name, type), hops };
}

/** The first address a lookup gave and the name it belongs to (the end of any CNAME chain). */
function addressOf(response: DnsResponse): { ip: string; name: string } | null {
  const a = response.answers.find((answer) => answer.type === "A");
  return a ? { ip: a.data, name: a.name } : null;
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

function dnsCause(dp: DataPlane, response: DnsResponse) {
  const cause = response.cause;
  if (!cause) return undefined;
  const source =
    dp.serviceByRef.get(cause.object)?.state.source ??
    dp.ingress.ingresses.get(cause.object)?.source ??
    dp.gateway.routes.get(cause.object)?.source ??
    dp.gateway.model.gateways.get(cause.object)?.view.source;
  return causeOf(cause.object, source, cause.field);
}

/** One name as a pod's resolver asks it: the names it tries, in order, and what CoreDNS answers to them. */
interface QueryPlan {
  candidates: string[];
  /** The dns-query hop's text. */
  detail: string;
  /** Kept once every answer on the way is one that never changes (see coreDNSAnswers). */
  answers?: CoreDNSAnswers;
}

/** CoreDNS's answer to each name tried, up to the first that has records, and what the resolver makes of them. */
interface CoreDNSAnswers {
  steps: { name: string; response: DnsResponse; detail: string; cause: HopCause | undefined }[];
  result: { name: string; response: DnsResponse };
  /** The text of the reply hop back to the client. */
  reply: string;
}

/**
 * Query plans per data plane, by namespace (whose search list the resolver uses), record type and
 * name as written: a workload resolves the same few names again and again.
 */
const queryPlans = new WeakMap<DataPlane, Map<string, Map<string, QueryPlan>>>();

function queryPlan(
  dp: DataPlane,
  namespace: string,
  dnsIP: string,
  rawName: string,
  type: RecordType,
): QueryPlan {
  let byNamespace = queryPlans.get(dp);
  if (!byNamespace) {
    byNamespace = new Map();
    queryPlans.set(dp, byNamespace);
  }
  const scope = `${type} ${namespace}`;
  let plans = byNamespace.get(scope);
  if (!plans) {
    plans = new Map();
    byNamespace.set(scope, plans);
  }
  let plan = plans.get(rawName);
  if (!plan) {
    const conf = podResolvConf(dp, namespace, dnsIP);
    const candidates = searchCandidates(rawName, conf.search);
    const order = rawName.endsWith(".")
      ? "absolute name: no search"
      : candidates[0] === rawName.toLowerCase()
        ? `at least ndots:${NDOTS} dots: as is first, then the search list`
        : `fewer than ndots:${NDOTS} dots: search list first`;
    plan = { candidates, detail: `${type}? ${rawName}: ${conf.text}; ${order}` };
    plans.set(rawName, plan);
  }
  return plan;
}

/**
 * CoreDNS answers each candidate name in turn. When every answer is one `loadbalance` cannot shuffle
 * (isStableAnswer), the same names get the same answers for the life of the data plane and draw no
 * randomness, so the plan keeps them and later lookups skip straight to the hops.
 */
function coreDNSAnswers(
  dp: DataPlane,
  plan: QueryPlan,
  dnsIP: string,
  rawName: string,
  type: RecordType,
  random: Random,
): CoreDNSAnswers {
  const steps: CoreDNSAnswers["steps"] = [];
  let found: { name: string; response: DnsResponse } | null = null;
  let last: DnsResponse = { rcode: "NXDOMAIN", answers: [], from: "cluster" };
  for (const name of plan.candidates) {
    const response = resolveAbsolute(dp, name, type, random);
    const via =
      response.from === "upstream"
        ? ` (not in the cluster domain: forwarded upstream)${publishedBy(response)}`
        : "";
    steps.push({
      name,
      response,
      detail: `CoreDNS: ${type}? ${name}${via} → ${answerText(response)}`,
      cause: dnsCause(dp, response),
    });
    last = response;
    if (response.rcode === "NOERROR" && response.answers.length > 0) {
      found = { name, response };
      break;
    }
  }
  // glibc's res_search: when no name has records, a name that exists (NODATA) is the answer, not NXDOMAIN.
  const nodata = found ? undefined : steps.find((step) => step.response.rcode === "NOERROR");
  const summary = found
    ? `${rawName} is ${found.name} → ${answerText(found.response)}`
    : nodata
      ? `${rawName}: ${nodata.name} exists but has no ${type} record`
      : `${rawName}: NXDOMAIN after ${steps.length} name(s)`;
  const answers: CoreDNSAnswers = {
    steps,
    result: found ?? nodata ?? { name: rawName.toLowerCase().replace(/\.$/, ""), response: last },
    reply: `reply from ${dnsIP} (conntrack reverses the DNAT): ${summary}`,
  };
  if (steps.every((step) => isStableAnswer(step.response))) plan.answers = answers;
  return answers;
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
      const name = rawName.toLowerCase().replace(/\.$/, "");
      const query = header("UDP", source.ip, sport, UPSTREAM_DNS_IP, 53);
      const reply = header("UDP", UPSTREAM_DNS_IP, 53, source.ip, sport);
      const why = source.dns.cluster ? "" : source.dns.why;
      if (ctx.hops)
        addHop(
          ctx,
          source.ref,
          "dns-query",
          `${type}? ${name} to the upstream resolver ${UPSTREAM_DNS_IP} (${why})`,
          query,
        );
      const response: DnsResponse =
        type === "A" || type === "AAAA"
          ? upstreamLookup(dp, name, type)
          : { rcode: "NXDOMAIN", answers: [], from: "upstream" };
      if (ctx.hops)
        addHop(
          ctx,
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
    const kubeDNS = dp.dnsService;
    const dnsIP = kubeDNS?.state.clusterIP ?? "";
    const query = header("UDP", source.ip, sport, dnsIP, 53);
    const plan = queryPlan(dp, source.dns.namespace, dnsIP, rawName, type);
    if (ctx.hops) addHop(ctx, source.ref, "dns-query", plan.detail, query);
    const arrival = leave(ctx, source.node, query);
    if (arrival.at === "lost") return { outcome: arrival.outcome };
    // Only HTTP reaches an L7 proxy; a DNS query never gets an HTTP answer.
    if (arrival.at === "answered") return { outcome: "refused" };
    if (arrival.at !== "pod" || !listener(arrival.pod, arrival.packet)) {
      if (ctx.hops)
        addHop(
          ctx,
          arrival.at === "pod" ? arrival.pod.ref : source.ref,
          "reject",
          `nothing answers DNS on ${addr(arrival.packet.dst)}`,
          arrival.packet,
        );
      return { outcome: "refused" };
    }
    const server = arrival.pod;
    const reply = header("UDP", arrival.packet.dst.ip, 53, source.ip, sport);
    const answers = plan.answers ?? coreDNSAnswers(dp, plan, dnsIP, rawName, type, ctx.state.random);
    for (const step of answers.steps) {
      if (ctx.hops) addHop(ctx, server.ref, "dns-answer", step.detail, arrival.packet, reply, step.cause);
    }
    const unDNAT = header("UDP", dnsIP, 53, source.ip, sport);
    if (ctx.hops) addHop(ctx, source.ref, "dns-answer", answers.reply, reply, unDNAT);
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
  if (ctx.hops) {
    const named = viaName ? ` (${viaName})` : "";
    addHop(
      ctx,
      source.ref,
      "send",
      `connect to ${addr(packet.dst)}${named}, TCP from ${addr(packet.src)}`,
      packet,
    );
  }
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
  return { request: parsed.request, outcome: ending.outcome, backend: ending.backend, hops: ctx.hops ?? [] };
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
  const ctx: TraceContext = {
    dp,
    state: state ?? createTrafficState(dp.cluster.settings.seed),
    hops: options.hops === false ? null : [],
    phase: "request",
    http: httpRequest(parsed.target, parsed.request),
  };
  const { source, target } = parsed;
  if (source.node?.failed) {
    const packet = header("TCP", source.ip, nextSourcePort(ctx.state), source.ip, target.port);
    if (ctx.hops)
      addHop(
        ctx,
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
