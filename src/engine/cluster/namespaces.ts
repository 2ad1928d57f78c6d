import type { Diagnostic, SourcedObject } from "../manifests/types.ts";
import { message } from "../messages/index.ts";
import { warningAt } from "./diagnostics.ts";

/** The namespaces every cluster starts with. */
export const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"] as const;

/** Kinds that live outside namespaces. */
const CLUSTER_SCOPED = new Set([
  "Namespace",
  "Node",
  "IngressClass",
  "GatewayClass",
  "PersistentVolume",
  "ClusterRole",
  "ClusterRoleBinding",
  "StorageClass",
  "CustomResourceDefinition",
  "PriorityClass",
]);

/**
 * The cluster's namespaces: the system ones, every declared Namespace, and every namespace an object
 * uses. A real API server rejects an object whose namespace does not exist (admission
 * NamespaceLifecycle); the simulator accepts it and warns, so that a single manifest still runs.
 */
export function collectNamespaces(objects: readonly SourcedObject[]): {
  namespaces: string[];
  warnings: Diagnostic[];
} {
  const namespaces: string[] = [...SYSTEM_NAMESPACES];
  const known = new Set<string>(namespaces);
  for (const o of objects) {
    if (o.object.kind === "Namespace" && !known.has(o.object.metadata.name)) {
      known.add(o.object.metadata.name);
      namespaces.push(o.object.metadata.name);
    }
  }
  const warnings: Diagnostic[] = [];
  for (const o of objects) {
    const namespace = o.object.metadata.namespace;
    if (CLUSTER_SCOPED.has(o.object.kind) || namespace === undefined || known.has(namespace)) continue;
    known.add(namespace);
    namespaces.push(namespace);
    warnings.push(warningAt(o, "metadata.namespace", message("namespace.undeclared", { namespace })));
  }
  return { namespaces, warnings };
}
