import { reservedServiceIPs } from "../../cluster/clusterIPs.ts";
import type { ClusterSettings } from "../../cluster/types.ts";
import { message } from "../../messages/index.ts";
import { svcRef } from "../../refs.ts";
import { kindInfo, objectRef } from "../kinds.ts";
import { positionOf } from "../positions.ts";
import type { SourcedObject } from "../types.ts";
import { child, duplicate, type FieldError, index, invalid, warning } from "./field.ts";
import { inAllocatableRange, parseIP } from "./ip.ts";
import { checkNodePortRange } from "./nodePortRange.ts";
import { isObj, type Obj } from "./values.ts";

export interface ObjectError {
  source: SourcedObject;
  error: FieldError;
}

/** Namespaces every cluster has (kube-apiserver creates them at start). */
const BUILT_IN_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

/**
 * Rules that need every object at once: duplicates, and what the API server's allocators refuse
 * when a Service asks for a specific clusterIP or nodePort (pkg/registry/core/service/ipallocator
 * and portallocator). Also warnings for references that a real cluster accepts but that lead nowhere.
 */
export function validateAcrossObjects(
  objects: readonly SourcedObject[],
  settings: ClusterSettings,
): ObjectError[] {
  const out: ObjectError[] = [];
  const add = (source: SourcedObject, error: FieldError) => out.push({ source, error });
  findDuplicates(objects, add);
  const services = objects.filter((o) => o.object.kind === "Service" && kindInfo(o.object));
  checkClusterIPs(services, settings, add);
  checkNodePorts(services, settings, add);
  checkNodePortRange(services, settings, add);
  checkReferences(objects, services, add);
  return out;
}

type Add = (source: SourcedObject, error: FieldError) => void;

function where(source: SourcedObject, path: string): string {
  const p = positionOf(source, path);
  return `${p.file}:${p.line}:${p.column}`;
}

function findDuplicates(objects: readonly SourcedObject[], add: Add): void {
  const seen = new Map<string, SourcedObject>();
  for (const source of objects) {
    const { object } = source;
    const group = object.apiVersion.includes("/")
      ? object.apiVersion.slice(0, object.apiVersion.indexOf("/"))
      : "";
    const key = `${group}/${object.kind}/${object.metadata.namespace ?? ""}/${object.metadata.name}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, source);
      continue;
    }
    add(
      source,
      duplicate(
        "metadata.name",
        object.metadata.name,
        message("cross.alreadyDefined", {
          kind: object.kind,
          object: objectRef(object),
          at: where(first, ""),
        }),
      ),
    );
  }
}

function spec(source: SourcedObject): Obj {
  const value = source.object.spec;
  return isObj(value) ? value : {};
}

function checkClusterIPs(services: readonly SourcedObject[], settings: ClusterSettings, add: Add): void {
  const owners = new Map<string, string>();
  // The implicit `kubernetes` and kube-dns Services hold their addresses unless the manifests define them.
  const { kubernetes, kubeDNS } = reservedServiceIPs(settings.serviceCIDR);
  const reserved: [string, string][] = [
    [kubernetes, "svc/default/kubernetes"],
    [kubeDNS, "svc/kube-system/kube-dns"],
  ];
  for (const [ip, ref] of reserved)
    if (!services.some((s) => objectRef(s.object) === ref)) owners.set(ip, ref);
  for (const source of services) {
    const ip = spec(source).clusterIP;
    if (
      typeof ip !== "string" ||
      ip === "" ||
      ip === "None" ||
      !parseIP(ip) ||
      spec(source).type === "ExternalName"
    ) {
      continue;
    }
    if (!inAllocatableRange(ip, settings.serviceCIDR)) {
      const detail = message("cross.clusterIPRange", { ip, cidr: settings.serviceCIDR });
      add(source, invalid("spec.clusterIP", ip, detail));
      continue;
    }
    const owner = owners.get(ip);
    if (owner) add(source, invalid("spec.clusterIP", ip, message("cross.clusterIPTaken", { ip, owner })));
    else owners.set(ip, objectRef(source.object));
  }
}

function checkNodePorts(services: readonly SourcedObject[], settings: ClusterSettings, add: Add): void {
  const { min, max } = settings.nodePortRange;
  // One allocator for every protocol: a nodePort taken by any Service is taken for all others.
  const owners = new Map<number, string>();
  for (const source of services) {
    const type = spec(source).type;
    if (type !== "NodePort" && type !== "LoadBalancer") continue;
    const ports = spec(source).ports;
    if (!Array.isArray(ports)) continue;
    const mine = new Set<number>();
    ports.forEach((port, i) => {
      const nodePort = isObj(port) ? port.nodePort : undefined;
      if (typeof nodePort !== "number" || !Number.isInteger(nodePort) || nodePort === 0) return;
      const path = child(index("spec.ports", i), "nodePort");
      if (nodePort < min || nodePort > max) {
        const detail = message("cross.nodePortRange", { min, max });
        add(source, invalid(path, nodePort, detail));
        return;
      }
      const owner = owners.get(nodePort);
      if (owner && !mine.has(nodePort))
        add(source, invalid(path, nodePort, message("cross.nodePortTaken", { owner })));
      else {
        owners.set(nodePort, objectRef(source.object));
        mine.add(nodePort);
      }
    });
  }
}

function checkReferences(
  objects: readonly SourcedObject[],
  services: readonly SourcedObject[],
  add: Add,
): void {
  const serviceByRef = new Map(services.map((s) => [objectRef(s.object), s]));
  const namespaces = new Set(BUILT_IN_NAMESPACES);
  for (const source of objects)
    if (source.object.kind === "Namespace") namespaces.add(source.object.metadata.name);
  const reported = new Set<string>();
  for (const source of objects) {
    const { object } = source;
    const namespace = object.metadata.namespace;
    if (
      namespace !== undefined &&
      kindInfo(object)?.namespaced &&
      !namespaces.has(namespace) &&
      !reported.has(namespace)
    ) {
      reported.add(namespace);
      add(source, warning("metadata.namespace", message("cross.namespaceUndefined", { namespace })));
    }
    if (object.kind === "StatefulSet" && kindInfo(object)) {
      const name = spec(source).serviceName;
      if (typeof name !== "string" || name === "") continue;
      const service = serviceByRef.get(svcRef(namespace ?? "default", name));
      if (!service) {
        add(
          source,
          warning(
            "spec.serviceName",
            message("cross.statefulSetNoService", { service: `${namespace}/${name}` }),
          ),
        );
      } else if (spec(service).clusterIP !== "None") {
        add(
          source,
          warning(
            "spec.serviceName",
            message("cross.statefulSetNotHeadless", { service: `${namespace}/${name}` }),
          ),
        );
      }
    }
    if (object.kind === "Ingress" && kindInfo(object)) {
      for (const [path, name] of ingressBackendServices(spec(source))) {
        if (!serviceByRef.has(svcRef(namespace ?? "default", name))) {
          add(source, warning(path, message("cross.ingressNoService", { service: `${namespace}/${name}` })));
        }
      }
    }
  }
}

function ingressBackendServices(ingressSpec: Obj): [string, string][] {
  const out: [string, string][] = [];
  const name = (backend: unknown): string | undefined => {
    const service = isObj(backend) ? backend.service : undefined;
    return isObj(service) && typeof service.name === "string" ? service.name : undefined;
  };
  const defaultName = name(ingressSpec.defaultBackend);
  if (defaultName) out.push(["spec.defaultBackend.service.name", defaultName]);
  const rules = Array.isArray(ingressSpec.rules) ? ingressSpec.rules : [];
  rules.forEach((rule, r) => {
    const http = isObj(rule) ? rule.http : undefined;
    const paths = isObj(http) && Array.isArray(http.paths) ? http.paths : [];
    paths.forEach((p, i) => {
      const n = name(isObj(p) ? p.backend : undefined);
      if (n) out.push([`spec.rules[${r}].http.paths[${i}].backend.service.name`, n]);
    });
  });
  return out;
}
