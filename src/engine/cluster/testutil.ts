import type { KubeObject, SourcedObject } from "../manifests/types.ts";

/** Test input: plain objects as SourcedObjects without positions, as if loaded from `file`. */
export function sourced(objects: readonly KubeObject[], file = "test.yaml"): SourcedObject[] {
  return objects.map((object, documentIndex) => ({ object, file, documentIndex, positions: new Map() }));
}

export function deployment(
  name: string,
  replicas: number,
  labels: Record<string, string>,
  spec: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: "app", image: "nginx" }], ...spec } },
    },
  };
}

export function service(name: string, spec: Record<string, unknown>, namespace = "default"): KubeObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace }, spec };
}

/** A DaemonSet `name` whose pods carry `app: NAME`. */
export function daemonSet(name: string): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name, namespace: "default" },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name, image: name }] } },
    },
  };
}

/** A StatefulSet `name` of `replicas` pods governed by the Service of the same name. */
export function statefulSet(name: string, replicas: number): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      serviceName: name,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name, image: "postgres" }] } },
    },
  };
}
