import type { NodeState, PodState } from "../cluster/types.ts";
import { type HopMessage, hopMessage } from "../messages/index.ts";
import type { DataPlane, EndpointView, ServicePortView } from "../network/dataplane.ts";
import type { GceLoadBalancer, IngressPlane } from "../network/ingress/plane.ts";
import {
  gceRoute,
  type NginxServer,
  nginxRoute,
  nginxServerFor,
  type Route,
} from "../network/ingress/routes.ts";
import { backendText, type IngressBackend, type IngressView } from "../network/ingress/spec.ts";
import { NGINX_FAKE_CERTIFICATE, secretProblem, type TLSMatch, tlsFor } from "../network/ingress/tls.ts";
import { nextSourcePort } from "../network/traffic-state.ts";
import { causeOf, type HttpRequest, type TraceContext } from "./hops.ts";
import type { Arrival } from "./trace.ts";
import type { HopCause, PacketHeader } from "./types.ts";

/** What the ingress proxies need from the rest of the trace: the node network and kube-proxy. */
export interface Wire {
  /** `from` says where from, in the hop's "arrives at NODE". */
  arriveAtNode(ctx: TraceContext, node: NodeState, packet: PacketHeader, from: HopMessage): Arrival;
  leave(ctx: TraceContext, node: NodeState, packet: PacketHeader): Arrival;
}

/** ingress-nginx's `ssl-redirect` annotation (default true) and its http-redirect-code default, 308. */
const SSL_REDIRECT = "nginx.ingress.kubernetes.io/ssl-redirect";
const REDIRECT_CODE = 308;
/** ingress-gce's annotation that drops the HTTP forwarding rule. */
const ALLOW_HTTP = "kubernetes.io/ingress.allow-http";
/**
 * The address a Google Front End proxies from: GCP documents 130.211.0.0/22 and 35.191.0.0/16; the
 * simulator uses one address of the first range.
 */
export const GFE_PROXY_IP = "130.211.0.10";

function cause(ingress: IngressView, field: string): HopCause {
  return causeOf(ingress.ref, ingress.source, field);
}

function answered(outcome: `http-${number}`): Arrival {
  return { at: "answered", outcome };
}

function timeout(): Arrival {
  return { at: "lost", outcome: "timeout" };
}

function addr(e: { ip: string; port: number }): string {
  return `${e.ip}:${e.port}`;
}

/** The HTTP request as the proxy reads it; a bare host:port is plain HTTP unless sent to 443. */
function requestOf(ctx: TraceContext, packet: PacketHeader): HttpRequest {
  return ctx.http ?? { scheme: packet.dst.port === 443 ? "https" : "http", host: packet.dst.ip, path: "/" };
}

/** nginx answers HTTP sent to its TLS port, and a TLS handshake sent to its plain port, with 400. */
function schemeMismatch(
  ctx: TraceContext,
  at: string,
  http: HttpRequest,
  tlsPort: boolean,
  packet: PacketHeader,
): Arrival | null {
  if (tlsPort === (http.scheme === "https")) return null;
  ctx.hop?.(
    at,
    "reject",
    hopMessage(tlsPort ? "hop.http-to-https-port" : "hop.tls-to-http-port", { port: packet.dst.port }),
    packet,
  );
  return answered("http-400");
}

/** Why a backend has no Service port, rather than the port. */
function isProblem(port: ServicePortView | HopMessage): port is HopMessage {
  return "code" in port;
}

/** The Service port an Ingress backend names, in the Ingress's namespace, or why there is none. */
function backendPort(
  dp: DataPlane,
  ingress: IngressView,
  backend: IngressBackend & { kind: "service" },
): ServicePortView | HopMessage {
  const service = `${ingress.namespace}/${backend.name}`;
  const view = dp.services.get(service);
  if (!view) return hopMessage("hop.backend-no-service", { service });
  const wanted = backend.port;
  const port =
    "name" in wanted
      ? view.ports.find((p) => p.spec.name === wanted.name)
      : view.ports.find((p) => p.spec.port === wanted.number);
  if (!port) return hopMessage("hop.backend-no-port", { service, port: portLabel(backend) });
  return port;
}

function portLabel(backend: IngressBackend & { kind: "service" }): string {
  return "name" in backend.port ? backend.port.name : String(backend.port.number);
}

function portField(backend: IngressBackend & { kind: "service" }): string {
  return `${backend.field}.port.${"name" in backend.port ? "name" : "number"}`;
}

/** The l7-route hop: which rule and path (or default backend) the proxy chose, at the Ingress. */
function routeHop(ctx: TraceContext, route: Route, proxy: string, http: HttpRequest, packet: PacketHeader) {
  const request = `${http.host}${http.path}`;
  if (route.kind === "path") {
    const { path, matching } = route;
    ctx.hop?.(
      route.ingress.ref,
      "l7-route",
      hopMessage("hop.ingress-path", {
        request,
        host: route.host,
        path: path.path,
        pathType: path.pathType,
        as:
          path.pathType === "ImplementationSpecific"
            ? hopMessage("hop.ingress-read-as", {
                matching:
                  matching === "glob"
                    ? hopMessage("hop.ingress-gce-path", {})
                    : matching === "exact"
                      ? "Exact"
                      : "Prefix",
              })
            : hopMessage("hop.none", {}),
        requestPath: http.path,
        backend: backendText(route.backend),
      }),
      packet,
      packet,
      cause(route.ingress, `${path.field}.path`),
    );
    return;
  }
  if (route.kind === "default") {
    ctx.hop?.(
      route.ingress.ref,
      "l7-route",
      hopMessage("hop.ingress-default", { request, why: route.why, backend: backendText(route.backend) }),
      packet,
      packet,
      cause(route.ingress, "spec.defaultBackend"),
    );
    return;
  }
  ctx.hop?.(proxy, "l7-route", hopMessage("hop.ingress-no-route", { request, why: route.why }), packet);
}

/** The TLS entry that gives a nginx server its certificate: the first Ingress with a rule for the host and a TLS entry covering it. */
function nginxCertificate(plane: IngressPlane, server: NginxServer | undefined): TLSMatch | undefined {
  if (!server || server.host === "") return undefined;
  for (const ingress of plane.nginx.ingresses) {
    if (!ingress.rules.some((r) => r.host === server.host)) continue;
    const match = tlsFor(ingress, server.host);
    if (match) return match;
  }
  return undefined;
}

function nginxTerminate(
  ctx: TraceContext,
  pod: PodState,
  http: HttpRequest,
  server: NginxServer | undefined,
  packet: PacketHeader,
): void {
  const match = nginxCertificate(ctx.dp.ingress, server);
  const sni = http.host;
  const certificate = NGINX_FAKE_CERTIFICATE;
  if (!match) {
    ctx.hop?.(
      pod.ref,
      "tls-terminate",
      hopMessage("hop.nginx-default-certificate", { sni, certificate }),
      packet,
    );
    return;
  }
  const { ingress, tls } = match;
  const problem = secretProblem(ctx.dp.ingress.secrets, ingress.namespace, tls.secretName);
  ctx.hop?.(
    pod.ref,
    "tls-terminate",
    problem
      ? hopMessage("hop.nginx-certificate-problem", { sni, ingress: ingress.ref, problem, certificate })
      : hopMessage("hop.nginx-certificate", { sni, secret: `${ingress.namespace}/${tls.secretName}` }),
    packet,
    packet,
    cause(ingress, problem ? `${tls.field}.secretName` : match.field),
  );
}

/** The ingress whose annotations rule a request: the chosen location's, else the server's creator. */
function ownerOf(route: Route, server: NginxServer | undefined): IngressView | undefined {
  return route.kind === "none" ? server?.ingress : route.ingress;
}

/**
 * A request reaching an ingress-nginx controller pod: TLS termination on 443, the ssl-redirect for
 * TLS hosts on 80, the L7 route, then a new connection from the pod straight to an endpoint of the
 * backend Service (ingress-nginx balances over the endpoints itself; the ClusterIP is not used).
 */
export function nginxProxy(ctx: TraceContext, wire: Wire, pod: PodState, packet: PacketHeader): Arrival {
  const { dp } = ctx;
  const http = requestOf(ctx, packet);
  const tlsPort = packet.dst.port === 443;
  const mismatch = schemeMismatch(ctx, pod.ref, http, tlsPort, packet);
  if (mismatch) return mismatch;
  const { config } = dp.ingress.nginx;
  const server = nginxServerFor(config, http.host);
  if (tlsPort) nginxTerminate(ctx, pod, http, server, packet);
  else
    ctx.hop?.(pod.ref, "route", hopMessage("hop.nginx-plain", { host: http.host, path: http.path }), packet);
  const route = nginxRoute(config, http.host, http.path);
  const owner = ownerOf(route, server);
  const certificate = tlsPort ? undefined : nginxCertificate(dp.ingress, server);
  if (certificate && owner?.annotations[SSL_REDIRECT] !== "false") {
    ctx.hop?.(
      owner?.ref ?? pod.ref,
      "redirect",
      hopMessage("hop.nginx-redirect", {
        host: http.host,
        ingress: certificate.ingress.ref,
        field: certificate.field,
        status: REDIRECT_CODE,
        location: `https://${http.host}${http.path}`,
      }),
      packet,
      packet,
      cause(certificate.ingress, certificate.field),
    );
    return answered(`http-${REDIRECT_CODE}`);
  }
  routeHop(ctx, route, pod.ref, http, packet);
  if (route.kind === "none") {
    ctx.hop?.(pod.ref, "reject", hopMessage("hop.nginx-no-rule", {}), packet);
    return answered("http-404");
  }
  const { ingress, backend } = route;
  const port = backendPort(dp, ingress, backend);
  const upstream = `${ingress.namespace}-${backend.name}-${portLabel(backend)}`;
  const ready = isProblem(port) ? [] : port.endpoints.filter((e) => e.ready);
  const endpoint = pickRoundRobin(ctx, `ingress-nginx ${pod.ref} ${upstream}`, ready);
  if (isProblem(port) || !endpoint) {
    ctx.hop?.(
      pod.ref,
      "reject",
      hopMessage("hop.nginx-unavailable", {
        upstream,
        why: isProblem(port)
          ? port
          : hopMessage("hop.backend-no-endpoint", { service: `${ingress.namespace}/${backend.name}` }),
      }),
      packet,
      packet,
      cause(ingress, `${backend.field}.name`),
    );
    return answered("http-503");
  }
  const node = pod.nodeName ? dp.nodes.get(pod.nodeName) : undefined;
  const out = upstreamPacket(ctx, pod, endpoint);
  if (!node || !out) return timeout();
  ctx.hop?.(
    pod.ref,
    "lb-choice",
    hopMessage("hop.nginx-upstream", {
      upstream,
      count: ready.length,
      dst: addr(out.dst),
      podIP: pod.podIP ?? "",
      client: packet.src.ip,
    }),
    packet,
    out,
    cause(ingress, portField(backend)),
  );
  return wire.leave(ctx, node, out);
}

/** An L7 proxy pod's new connection to an upstream endpoint: from the pod's own address and a fresh port. */
export function upstreamPacket(
  ctx: TraceContext,
  pod: PodState,
  endpoint: { ip: string; port: number },
): PacketHeader | null {
  if (!pod.podIP) return null;
  return {
    protocol: "TCP",
    src: { ip: pod.podIP, port: nextSourcePort(ctx.state) },
    dst: { ip: endpoint.ip, port: endpoint.port },
  };
}

function pickRoundRobin(ctx: TraceContext, key: string, endpoints: readonly EndpointView[]) {
  if (endpoints.length === 0) return undefined;
  const next = ctx.state.roundRobin.get(key) ?? 0;
  ctx.state.roundRobin.set(key, next + 1);
  return endpoints[next % endpoints.length];
}

/** The certificate a GCE load balancer presents: the Ingress's TLS entry for the host, else its first. */
function gceTerminate(
  ctx: TraceContext,
  lb: GceLoadBalancer,
  http: HttpRequest,
  packet: PacketHeader,
): boolean {
  const { ingress } = lb;
  const first = ingress.tls[0];
  if (!first) {
    ctx.hop?.(lb.ref, "drop", hopMessage("hop.gce-no-https", { ip: lb.ip }), packet);
    return false;
  }
  const match = tlsFor(ingress, http.host) ?? { ingress, tls: first, field: first.field };
  const problem = secretProblem(ctx.dp.ingress.secrets, ingress.namespace, match.tls.secretName);
  if (problem) {
    ctx.hop?.(
      lb.ref,
      "drop",
      hopMessage("hop.gce-certificate-problem", { problem }),
      packet,
      packet,
      cause(ingress, `${match.tls.field}.secretName`),
    );
    return false;
  }
  ctx.hop?.(
    lb.ref,
    "tls-terminate",
    hopMessage("hop.gce-certificate", {
      host: http.host,
      secret: `${ingress.namespace}/${match.tls.secretName}`,
      covers: tlsFor(ingress, http.host)
        ? hopMessage("hop.none", {})
        : hopMessage("hop.gce-certificate-other-host", { host: http.host }),
    }),
    packet,
    packet,
    cause(ingress, match.field),
  );
  return true;
}

/** Nodes whose NodePort passes the backend service's health check: with no ready endpoint, none. */
function healthyNodes(dp: DataPlane, port: ServicePortView): NodeState[] {
  if (!port.hasEndpoints) return [];
  const local = port.service.state.externalTrafficPolicy === "Local";
  return dp.cluster.nodes.filter(
    (n) => !n.failed && (!local || port.endpoints.some((e) => e.nodeName === n.name && e.ready)),
  );
}

function gceFrontend(ctx: TraceContext, lb: GceLoadBalancer, http: HttpRequest, packet: PacketHeader) {
  const { ingress } = lb;
  const port = packet.dst.port;
  if (port === 80 && ingress.annotations[ALLOW_HTTP] === "false") {
    ctx.hop?.(
      lb.ref,
      "drop",
      hopMessage("hop.gce-http-disabled", { annotation: ALLOW_HTTP, ip: lb.ip }),
      packet,
      packet,
      cause(ingress, `metadata.annotations.${ALLOW_HTTP}`),
    );
    return false;
  }
  if (port !== 80 && port !== 443) {
    ctx.hop?.(lb.ref, "drop", hopMessage("hop.gce-ports", { port }), packet);
    return false;
  }
  if (port === 443) return gceTerminate(ctx, lb, http, packet);
  ctx.hop?.(lb.ref, "route", hopMessage("hop.gce-http", { ip: lb.ip, ingress: ingress.ref }), packet);
  return true;
}

/**
 * A request reaching an ingress-gce L7 load balancer (outside the cluster, one per Ingress): its
 * forwarding rules, TLS termination, the URL map, then a node whose NodePort passes the backend
 * service's health check, reached from a Google Front End address; kube-proxy takes it from there.
 */
export function gceLoadBalancer(
  ctx: TraceContext,
  wire: Wire,
  lb: GceLoadBalancer,
  packet: PacketHeader,
): Arrival {
  const { dp } = ctx;
  const http = requestOf(ctx, packet);
  const mismatch = schemeMismatch(ctx, lb.ref, http, packet.dst.port === 443, packet);
  if (mismatch) return mismatch;
  if (!gceFrontend(ctx, lb, http, packet)) return timeout();
  const route = gceRoute(lb.ingress, http.host, http.path);
  routeHop(ctx, route, lb.ref, http, packet);
  if (route.kind === "none") {
    ctx.hop?.(lb.ref, "reject", hopMessage("hop.gce-no-rule", {}), packet);
    return answered("http-404");
  }
  const { ingress, backend } = route;
  const port = backendPort(dp, ingress, backend);
  const nodePort = isProblem(port) ? undefined : port.spec.nodePort;
  const healthy = isProblem(port) ? [] : healthyNodes(dp, port);
  const target = healthy[ctx.state.random.int(Math.max(healthy.length, 1))];
  if (isProblem(port) || !nodePort || !target) {
    ctx.hop?.(
      lb.ref,
      "reject",
      hopMessage("hop.gce-bad-gateway", {
        why: isProblem(port)
          ? port
          : !nodePort
            ? hopMessage("hop.gce-no-node-port", {})
            : hopMessage("hop.gce-no-healthy-node", {}),
      }),
      packet,
      packet,
      cause(ingress, `${backend.field}.name`),
    );
    return answered("http-502");
  }
  const after: PacketHeader = {
    protocol: "TCP",
    src: { ip: GFE_PROXY_IP, port: nextSourcePort(ctx.state) },
    dst: { ip: target.internalIP, port: nodePort },
  };
  ctx.hop?.(
    lb.ref,
    "lb-choice",
    hopMessage("hop.gce-choice", {
      service: port.service.state.ref,
      port: port.spec.port,
      nodePort,
      policy: hopMessage(
        port.service.state.externalTrafficPolicy === "Local" ? "hop.gce-policy-local" : "hop.gce-policy-live",
        {},
      ),
      nodes: healthy.map((n) => n.name).join(", "),
      node: target.name,
      gfe: GFE_PROXY_IP,
      client: packet.src.ip,
      ip: lb.ip,
    }),
    packet,
    after,
    cause(ingress, portField(backend)),
  );
  return wire.arriveAtNode(ctx, target, after, hopMessage("hop.from-ingress-load-balancer", { lb: lb.ref }));
}
