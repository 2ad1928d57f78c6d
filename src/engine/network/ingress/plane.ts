import { asRecord, asRecords, asString } from "../../cluster/fields.ts";
import {
  type IngressImplementation,
  readIngressClasses,
  resolveIngressClass,
} from "../../cluster/ingressClasses.ts";
import { isIngress } from "../../cluster/ingresses.ts";
import { INGRESS_NGINX_DEPLOYMENT_REF } from "../../cluster/ingressNginx.ts";
import type { Cluster, Ref } from "../../cluster/types.ts";
import type { SourcedObject } from "../../manifests/types.ts";
import { ingressLbRef } from "../../refs.ts";
import { type NginxConfig, nginxConfig } from "./routes.ts";
import { type IngressView, readIngress } from "./spec.ts";

export interface ServedIngress extends IngressView {
  implementation: IngressImplementation;
  /** status.loadBalancer.ingress[0].ip, or null while no address is published. */
  address: string | null;
}

/** An ingress-gce L7 load balancer: one per Ingress, outside the cluster, at its own address. */
export interface GceLoadBalancer {
  ref: Ref;
  ip: string;
  ingress: ServedIngress;
}

/** A name the outside DNS answers for an Ingress, as external-dns publishes it from the Ingress's hosts. */
export interface PublishedHost {
  ip: string;
  ingress: Ref;
  field: string;
}

/** The Ingress data plane: who serves which Ingress, and at which addresses. */
export interface IngressPlane {
  ingresses: Map<Ref, ServedIngress>;
  nginx: { ingresses: ServedIngress[]; config: NginxConfig };
  /** Pods of ingress-nginx's controller Deployment: a request reaching one is proxied at L7. */
  controllerPods: Set<Ref>;
  gceByIP: Map<string, GceLoadBalancer>;
  /** Exact host and `*.domain` records of the outside DNS. */
  published: Map<string, PublishedHost>;
  /** Secrets by "NS/NAME", for TLS. */
  secrets: Map<string, SourcedObject>;
}

function addressOf(source: SourcedObject): string | null {
  const first = asRecords(asRecord(asRecord(source.object.status).loadBalancer).ingress)[0];
  return asString(first?.ip) ?? null;
}

function publish(plane: IngressPlane, ingress: ServedIngress): void {
  if (!ingress.address) return;
  const hosts = [
    ...ingress.rules.map((r, i) => ({ host: r.host, field: `spec.rules[${i}].host` })),
    ...ingress.tls.flatMap((t) => t.hosts.map((host, j) => ({ host, field: `${t.field}.hosts[${j}]` }))),
  ];
  for (const { host, field } of hosts) {
    // external-dns leaves a name to the first owner that claimed it.
    if (host !== "" && !plane.published.has(host)) {
      plane.published.set(host, { ip: ingress.address, ingress: ingress.ref, field });
    }
  }
}

/** The Ingress data plane of a built cluster (whose control plane has set classes and addresses). */
export function buildIngressPlane(cluster: Cluster): IngressPlane {
  const classes = readIngressClasses(cluster.objects);
  const plane: IngressPlane = {
    ingresses: new Map(),
    nginx: { ingresses: [], config: { servers: new Map(), catchAll: undefined } },
    controllerPods: new Set(
      cluster.pods.filter((p) => p.owner === INGRESS_NGINX_DEPLOYMENT_REF).map((p) => p.ref),
    ),
    gceByIP: new Map(),
    published: new Map(),
    secrets: new Map(),
  };
  for (const source of cluster.objects) {
    if (source.object.kind === "Secret") {
      plane.secrets.set(
        `${source.object.metadata.namespace ?? "default"}/${source.object.metadata.name}`,
        source,
      );
    }
    if (!isIngress(source)) continue;
    const resolution = resolveIngressClass(source, classes);
    if (!resolution.served) continue;
    const ingress: ServedIngress = {
      ...readIngress(source),
      implementation: resolution.implementation,
      address: addressOf(source),
    };
    plane.ingresses.set(ingress.ref, ingress);
    if (ingress.implementation === "nginx") plane.nginx.ingresses.push(ingress);
    else if (ingress.address) {
      const ref = ingressLbRef(ingress.namespace, ingress.name);
      plane.gceByIP.set(ingress.address, { ref, ip: ingress.address, ingress });
    }
    publish(plane, ingress);
  }
  plane.nginx.config = nginxConfig(plane.nginx.ingresses);
  return plane;
}

/**
 * What the outside DNS answers for `name` from the Ingresses: an exact record, else the closest
 * wildcard record (RFC 4592: `*.foo.com` answers for any name below foo.com, however deep —
 * unlike the Ingress rule, which then matches one label only).
 */
export function publishedHost(plane: IngressPlane, name: string): PublishedHost | undefined {
  return closestRecord(plane.published, name);
}

/** An exact record for `name`, else the closest `*.domain` record above it (RFC 4592). */
export function closestRecord<T>(records: ReadonlyMap<string, T>, name: string): T | undefined {
  const exact = records.get(name);
  if (exact) return exact;
  let dot = name.indexOf(".");
  while (dot >= 0) {
    const wildcard = records.get(`*${name.slice(dot)}`);
    if (wildcard) return wildcard;
    dot = name.indexOf(".", dot + 1);
  }
  return undefined;
}
