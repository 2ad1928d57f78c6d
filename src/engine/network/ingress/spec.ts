import { asNumber, asRecord, asRecords, asString, asStringMap } from "../../cluster/fields.ts";
import type { Ref } from "../../cluster/types.ts";
import type { SourcedObject } from "../../manifests/types.ts";
import { ingressRef } from "../../refs.ts";

export type PathType = "Exact" | "Prefix" | "ImplementationSpecific";

/** spec.defaultBackend or a path's backend: a Service port (by name or number), or a resource the simulator does not serve. */
export type IngressBackend =
  | { kind: "service"; name: string; port: { name: string } | { number: number }; field: string }
  | { kind: "resource"; resource: string; field: string };

export interface IngressPath {
  path: string;
  pathType: PathType;
  backend: IngressBackend;
  /** `spec.rules[i].http.paths[j]`. */
  field: string;
}

export interface IngressRule {
  /** Empty for a rule without a host: it applies to every host. */
  host: string;
  paths: IngressPath[];
  field: string;
}

export interface IngressTLS {
  /** Empty: the entry applies to every host of the Ingress (IngressTLS.hosts "defaults to the wildcard host"). */
  hosts: string[];
  secretName: string | undefined;
  field: string;
}

/** One Ingress as the controllers read it (networking.k8s.io/v1 IngressSpec), with the field path of every part. */
export interface IngressView {
  ref: Ref;
  namespace: string;
  name: string;
  annotations: Record<string, string>;
  className: string | undefined;
  defaultBackend: IngressBackend | undefined;
  rules: IngressRule[];
  tls: IngressTLS[];
  source: SourcedObject;
}

function backendOf(value: unknown, field: string): IngressBackend | undefined {
  const backend = asRecord(value);
  const service = asRecord(backend.service);
  const name = asString(service.name);
  if (name) {
    const port = asRecord(service.port);
    const portName = asString(port.name);
    const number = asNumber(port.number);
    return {
      kind: "service",
      name,
      port: portName ? { name: portName } : { number: number ?? 0 },
      field: `${field}.service`,
    };
  }
  const resource = asRecord(backend.resource);
  if (Object.keys(resource).length === 0) return undefined;
  const what = `${asString(resource.kind) ?? "?"} ${asString(resource.name) ?? "?"}`;
  return { kind: "resource", resource: what, field: `${field}.resource` };
}

export function readIngress(source: SourcedObject): IngressView {
  const { object } = source;
  const spec = asRecord(object.spec);
  const namespace = object.metadata.namespace ?? "default";
  const rules = asRecords(spec.rules).map((rule, i): IngressRule => {
    const field = `spec.rules[${i}]`;
    const paths = asRecords(asRecord(rule.http).paths).flatMap((p, j): IngressPath[] => {
      const pathField = `${field}.http.paths[${j}]`;
      const backend = backendOf(p.backend, `${pathField}.backend`);
      const pathType = asString(p.pathType) as PathType | undefined;
      if (!backend || !pathType) return [];
      // HTTPIngressPath.path: an ImplementationSpecific path may be empty; controllers read it as "/".
      return [{ path: asString(p.path) || "/", pathType, backend, field: pathField }];
    });
    return { host: (asString(rule.host) ?? "").toLowerCase(), paths, field };
  });
  const tls = asRecords(spec.tls).map(
    (entry, i): IngressTLS => ({
      hosts: (Array.isArray(entry.hosts) ? entry.hosts : []).flatMap((h) =>
        typeof h === "string" ? [h.toLowerCase()] : [],
      ),
      secretName: asString(entry.secretName),
      field: `spec.tls[${i}]`,
    }),
  );
  return {
    ref: ingressRef(namespace, object.metadata.name),
    namespace,
    name: object.metadata.name,
    annotations: asStringMap(object.metadata.annotations),
    className: asString(spec.ingressClassName),
    defaultBackend: backendOf(spec.defaultBackend, "spec.defaultBackend"),
    rules,
    tls,
    source,
  };
}

/** `service1:80` or `service1:http`, as kubectl describe shows a backend. */
export function backendText(backend: IngressBackend): string {
  if (backend.kind === "resource") return `resource ${backend.resource}`;
  return `${backend.name}:${"name" in backend.port ? backend.port.name : backend.port.number}`;
}
