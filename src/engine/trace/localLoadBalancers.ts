import { LOAD_BALANCER_PROVIDERS } from "../cluster/loadBalancerProviders.ts";
import type { NodeState } from "../cluster/types.ts";
import { hopMessage } from "../messages/index.ts";
import { inServiceCIDR, type ServicePortView } from "../network/dataplane.ts";
import { addr, withDst, withSrc } from "../network/packet.ts";
import { clientRef, lbRef } from "../refs.ts";
import { causeOf, type TraceContext } from "./hops.ts";
import type { Wire } from "./ingress.ts";
import type { Arrival } from "./trace.ts";
import type { PacketHeader } from "./types.ts";

const REFUSED: Arrival = { at: "lost", outcome: "refused" };

/**
 * The node a local cluster's host reaches: Docker Desktop and minikube run one node (docker-desktop,
 * minikube); a simulated cluster with more stands for it with its first node.
 */
function localNode(ctx: TraceContext): NodeState | undefined {
  return ctx.dp.cluster.nodes[0];
}

/** The LoadBalancer Service port vpnkit opened on the host's `port`: the first Service to ask for it. */
function vpnkitPort(ctx: TraceContext, packet: PacketHeader): ServicePortView | undefined {
  for (const service of ctx.dp.services.values()) {
    if (service.state.type !== "LoadBalancer" || !service.state.clusterIP) continue;
    const port = service.ports.find(
      (p) => p.spec.port === packet.dst.port && p.spec.protocol === packet.protocol,
    );
    // vpnkit-controller: "Port %d for service %s is already opened by another service" keeps the first.
    if (port) return port;
  }
  return undefined;
}

/**
 * A connection to localhost on a Docker Desktop host. moby/vpnkit go/pkg/controller/controller.go
 * (Docker Desktop's vpnkit-controller): for a LoadBalancer Service it exposes 0.0.0.0:PORT on the
 * host (the Service's port) and forwards it into the VM to the Service's ClusterIP:PORT, then writes
 * status.loadBalancer.ingress [{hostname: localhost}]. kube-proxy on the node takes it from there.
 */
export function dockerDesktopLocalhost(ctx: TraceContext, wire: Wire, packet: PacketHeader): Arrival {
  if (LOAD_BALANCER_PROVIDERS[ctx.dp.cluster.settings.loadBalancerProvider].entry !== "localhost")
    return REFUSED;
  const port = vpnkitPort(ctx, packet);
  const node = localNode(ctx);
  if (!port || !node) return REFUSED;
  const service = port.service.state;
  const inside = withSrc(withDst(packet, service.clusterIP ?? "", port.spec.port), node.internalIP);
  ctx.hop?.(
    lbRef(service.namespace, service.name),
    "route",
    hopMessage("hop.lb-docker-desktop", {
      port: packet.dst.port,
      service: service.ref,
      dst: addr(inside.dst),
      node: node.name,
    }),
    packet,
    inside,
    causeOf(service.ref, service.source, `spec.ports[${port.index}].port`),
  );
  return wire.arriveAtNode(ctx, node, inside, hopMessage("hop.from-vpnkit", {}));
}

/**
 * A packet from the host to an address in the Service CIDR, with minikube tunnel running.
 * minikube docs (handbook/accessing, "LoadBalancer access"): `minikube tunnel` "creates a network
 * route on the host to the service CIDR of the cluster using the cluster's IP address as a gateway",
 * and sets each LoadBalancer Service's ingress to its ClusterIP (commands/tunnel). So every
 * ClusterIP, not only the LoadBalancers', answers from the host, through the minikube node.
 */
export function minikubeTunnel(ctx: TraceContext, wire: Wire, packet: PacketHeader): Arrival | undefined {
  const { dp } = ctx;
  if (LOAD_BALANCER_PROVIDERS[dp.cluster.settings.loadBalancerProvider].entry !== "tunnel") return undefined;
  const node = localNode(ctx);
  if (!node || !inServiceCIDR(dp, packet.dst.ip)) return undefined;
  ctx.hop?.(
    clientRef(),
    "route",
    hopMessage("hop.lb-minikube-tunnel", {
      ip: packet.dst.ip,
      cidr: dp.cluster.settings.serviceCIDR,
      node: node.name,
      nodeIP: node.internalIP,
    }),
    packet,
  );
  return wire.arriveAtNode(ctx, node, packet, hopMessage("hop.from-minikube-tunnel", {}));
}
