import {
  type IngressImplementation,
  readIngressClasses,
  resolveIngressClass,
} from "../../cluster/ingressClasses.ts";
import { INGRESS_NGINX_SERVICE_REF } from "../../cluster/ingressNginx.ts";
import type { Ref } from "../../cluster/types.ts";
import type { EngineMessage } from "../../messages/index.ts";
import { ingressLbRef, lbRefOf, svcRef } from "../../refs.ts";
import type { DataPlane } from "../dataplane.ts";
import { backendText, type IngressBackend, readIngress } from "./spec.ts";

/** An Ingress backend as the graph draws it: `cart:http`, and the Service it names (null for a resource backend). */
export interface IngressBackendSummary {
  text: string;
  service: Ref | null;
}

/** One path of one rule: `shop.example.com` `/cart` (Prefix) → `cart:http`. */
export interface IngressPathSummary {
  /** Empty for a rule without a host (every host). */
  host: string;
  path: string;
  pathType: string;
  backend: IngressBackendSummary;
}

/** What the app draws of one Ingress, worked out with the cluster and its data plane. */
export interface IngressSummary {
  ref: Ref;
  name: string;
  namespace: string;
  /** The class as written (annotation or spec.ingressClassName), or the default class admission set. */
  className: string | null;
  /** Who serves it; null when no controller does (see `notServed`). */
  implementation: IngressImplementation | null;
  notServed: EngineMessage | null;
  /** status.loadBalancer.ingress[0].ip, as its controller published it. */
  address: string | null;
  paths: IngressPathSummary[];
  defaultBackend: IngressBackendSummary | null;
  tls: { hosts: string[]; secretName: string | null }[];
  /**
   * Where requests for it enter: its own L7 load balancer outside the cluster (ingress-gce), or the
   * ingress-nginx controller's LoadBalancer Service shared by every nginx Ingress.
   */
  frontDoor: Ref | null;
}

function backendSummary(namespace: string, backend: IngressBackend): IngressBackendSummary {
  return {
    text: backendText(backend),
    service: backend.kind === "service" ? svcRef(namespace, backend.name) : null,
  };
}

function frontDoorOf(
  implementation: IngressImplementation | null,
  namespace: string,
  name: string,
): Ref | null {
  if (implementation === "gce") return ingressLbRef(namespace, name);
  if (implementation === "nginx") return lbRefOf(INGRESS_NGINX_SERVICE_REF);
  return null;
}

/** Every Ingress of the data plane's cluster, served or not, as the graph and inspector show it. */
export function summarizeIngresses(dp: DataPlane): IngressSummary[] {
  const classes = readIngressClasses(dp.cluster.objects);
  return dp.cluster.objects
    .filter((o) => o.object.kind === "Ingress" && o.object.apiVersion === "networking.k8s.io/v1")
    .map((source): IngressSummary => {
      const view = readIngress(source);
      const served = dp.ingress.ingresses.get(view.ref);
      const resolution = resolveIngressClass(source, classes);
      const implementation = served?.implementation ?? null;
      return {
        ref: view.ref,
        name: view.name,
        namespace: view.namespace,
        className: resolution.served ? resolution.ingressClass.name : (view.className ?? null),
        implementation,
        notServed: resolution.served ? null : resolution.why,
        address: served?.address ?? null,
        paths: view.rules.flatMap((rule) =>
          rule.paths.map((p) => ({
            host: rule.host,
            path: p.path,
            pathType: p.pathType,
            backend: backendSummary(view.namespace, p.backend),
          })),
        ),
        defaultBackend: view.defaultBackend ? backendSummary(view.namespace, view.defaultBackend) : null,
        tls: view.tls.map((t) => ({ hosts: t.hosts, secretName: t.secretName ?? null })),
        frontDoor: frontDoorOf(implementation, view.namespace, view.name),
      };
    })
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
}
