import { envoyDeploymentRef, gatewayAddress, lookupOf } from "../../cluster/gateways.ts";
import type { Cluster, Ref } from "../../cluster/types.ts";
import { closestRecord, type PublishedHost } from "../ingress/plane.ts";
import { evaluateGateways, type GatewayModel, type GatewayState } from "./controller.ts";
import type { RouteView } from "./spec.ts";

/** The Gateway API data plane: Envoy's proxy pods, each Gateway's address, the names the outside DNS publishes. */
export interface GatewayPlane {
  model: GatewayModel;
  /** Pods of a Gateway's Envoy Deployment: a request reaching a listener port is proxied at L7. */
  proxyPods: Map<Ref, GatewayState>;
  addresses: Map<Ref, string>;
  routes: Map<Ref, RouteView>;
  /**
   * Names external-dns publishes from Gateways (its gateway-httproute source): each attached
   * route's hostnames, and listener hostnames, at the Gateway's address. `ingress` holds the
   * object that claimed the name.
   */
  published: Map<string, PublishedHost>;
}

function publish(plane: GatewayPlane, gateway: GatewayState, ip: string): void {
  const claim = (host: string | undefined, object: Ref, field: string) => {
    // external-dns leaves a name to the first owner that claimed it.
    if (host && !plane.published.has(host)) plane.published.set(host, { ip, ingress: object, field });
  };
  for (const listener of gateway.listeners) {
    if (!listener.valid) continue;
    for (const { route } of listener.routes)
      route.hostnames.forEach((h, i) => {
        claim(h, route.ref, `spec.hostnames[${i}]`);
      });
    claim(listener.listener.hostname, gateway.view.ref, `${listener.listener.field}.hostname`);
  }
}

/** The Gateway API data plane of a built cluster (whose control plane has written statuses and addresses). */
export function buildGatewayPlane(cluster: Cluster): GatewayPlane {
  const lookup = lookupOf(cluster.objects);
  const model = evaluateGateways(cluster.objects, {
    ...lookup,
    services: new Set(cluster.services.map((s) => `${s.namespace}/${s.name}`)),
  });
  const services = new Map(cluster.services.map((s) => [s.ref, s]));
  const plane: GatewayPlane = {
    model,
    proxyPods: new Map(),
    addresses: new Map(),
    routes: new Map(model.routes.map((r) => [r.view.ref, r.view])),
    published: new Map(),
  };
  const byDeployment = new Map<Ref, GatewayState>();
  for (const gateway of model.gateways.values()) {
    if (!gateway.served) continue;
    byDeployment.set(envoyDeploymentRef(gateway.view.namespace, gateway.view.name), gateway);
    const ip = gatewayAddress(gateway, services);
    if (!ip) continue;
    plane.addresses.set(gateway.view.ref, ip);
    publish(plane, gateway, ip);
  }
  for (const pod of cluster.pods) {
    const gateway = pod.owner ? byDeployment.get(pod.owner) : undefined;
    if (gateway) plane.proxyPods.set(pod.ref, gateway);
  }
  return plane;
}

/** What the outside DNS answers for `name` from the Gateways, exact or wildcard. */
export function publishedGatewayHost(plane: GatewayPlane, name: string): PublishedHost | undefined {
  return closestRecord(plane.published, name);
}
