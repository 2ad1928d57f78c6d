import type { Diagnostic, KubeObject, SourcedObject } from "../manifests/types.ts";
import { type DiagnosticMessage, message } from "../messages/index.ts";
import { ingressRef, svcRef } from "../refs.ts";
import { warningAt } from "./diagnostics.ts";
import { asRecord, asRecords, asString } from "./fields.ts";
import {
  defaultIngressClass,
  LEGACY_CLASS_ANNOTATION,
  readIngressClasses,
  resolveIngressClass,
} from "./ingressClasses.ts";
import { INGRESS_NGINX_SERVICE_REF } from "./ingressNginx.ts";
import { allocateLoadBalancerIPs } from "./loadBalancerIPs.ts";
import type { ClusterSettings, ServiceState } from "./types.ts";

export function isIngress(o: SourcedObject): boolean {
  return o.object.kind === "Ingress" && o.object.apiVersion === "networking.k8s.io/v1";
}

/** Every Service backend an Ingress names, with its field: spec.defaultBackend and each path's. */
function serviceBackends(object: KubeObject): { name: string; field: string }[] {
  const spec = asRecord(object.spec);
  const out: { name: string; field: string }[] = [];
  const add = (backend: unknown, field: string) => {
    const name = asString(asRecord(asRecord(backend).service).name);
    if (name) out.push({ name, field: `${field}.service.name` });
  };
  add(spec.defaultBackend, "spec.defaultBackend");
  asRecords(spec.rules).forEach((rule, i) => {
    asRecords(asRecord(rule.http).paths).forEach((path, j) => {
      add(path.backend, `spec.rules[${i}].http.paths[${j}].backend`);
    });
  });
  return out;
}

function errorAt(source: SourcedObject, field: string, text: DiagnosticMessage, object: string): Diagnostic {
  return { ...warningAt(source, field, text, object), severity: "error" };
}

/**
 * ingress-gce's translator without container-native load balancing: every backend must be a
 * Service of type NodePort or LoadBalancer, since the load balancer sends to nodes' NodePorts.
 * Any other backend fails the sync and the load balancer is not built.
 */
function gceErrors(source: SourcedObject, services: ReadonlyMap<string, ServiceState>, ref: string) {
  const namespace = source.object.metadata.namespace ?? "default";
  return serviceBackends(source.object).flatMap(({ name, field }) => {
    const service = services.get(svcRef(namespace, name));
    if (!service)
      return [
        errorAt(source, field, message("ingress.gceNoService", { service: `${namespace}/${name}` }), ref),
      ];
    if (service.type === "NodePort" || service.type === "LoadBalancer") return [];
    return [
      errorAt(
        source,
        field,
        message("ingress.gceServiceType", { service: `${namespace}/${name}`, type: service.type }),
        ref,
      ),
    ];
  });
}

function withStatus(source: SourcedObject, object: KubeObject, ip: string | null): SourcedObject {
  const loadBalancer = ip ? { ingress: [{ ip }] } : {};
  return { ...source, object: { ...object, status: { loadBalancer } } };
}

/**
 * The control plane's work on Ingresses: the DefaultIngressClass admission plugin sets a missing
 * spec.ingressClassName (unless the deprecated class annotation is set); then each controller
 * writes status.loadBalancer.ingress — ingress-nginx its own Service's load-balancer address
 * (--publish-service), ingress-gce the address of the L7 load balancer it builds for this Ingress
 * alone, from settings.loadBalancerCIDR after the Services' (a simulator choice). An Ingress that
 * no controller serves keeps an empty status, and a warning says why.
 */
export function admitIngresses(
  objects: readonly SourcedObject[],
  services: readonly ServiceState[],
  settings: ClusterSettings,
): { objects: SourcedObject[]; warnings: Diagnostic[] } {
  const classes = readIngressClasses(objects);
  const fallback = defaultIngressClass(classes);
  const byRef = new Map(services.map((s) => [s.ref, s]));
  const nginxIP = byRef.get(INGRESS_NGINX_SERVICE_REF)?.loadBalancerIPs[0] ?? null;
  const warnings: Diagnostic[] = [];
  const gce: SourcedObject[] = [];
  const admitted = objects.map((source) => {
    if (!isIngress(source)) return source;
    const spec = asRecord(source.object.spec);
    const annotated = source.object.metadata.annotations?.[LEGACY_CLASS_ANNOTATION] !== undefined;
    const object: KubeObject =
      spec.ingressClassName === undefined && !annotated && fallback
        ? { ...source.object, spec: { ...spec, ingressClassName: fallback.name } }
        : source.object;
    const ref = ingressRef(object.metadata.namespace ?? "default", object.metadata.name);
    const resolution = resolveIngressClass({ ...source, object }, classes);
    if (!resolution.served) {
      warnings.push(
        warningAt(
          source,
          resolution.field,
          message("cluster.notServed", { object: ref, why: resolution.why }),
          ref,
        ),
      );
      return withStatus(source, object, null);
    }
    if (resolution.implementation === "nginx") return withStatus(source, object, nginxIP);
    const errors = gceErrors(source, byRef, ref);
    warnings.push(...errors);
    const next = withStatus(source, object, null);
    if (errors.length === 0) gce.push(next);
    return next;
  });
  const taken = services.flatMap((s) => s.loadBalancerIPs.map((requested) => ({ requested })));
  const ips = allocateLoadBalancerIPs([...taken, ...gce.map(() => ({}))], settings.loadBalancerCIDR).slice(
    taken.length,
  );
  const addressed = new Map(gce.map((o, i) => [o, ips[i] ?? null]));
  return {
    objects: admitted.map((o) => {
      const ip = addressed.get(o);
      return ip ? withStatus(o, o.object, ip) : o;
    }),
    warnings,
  };
}
