import { dump } from "js-yaml/browser";
import type { ClusterSettings } from "../cluster/types.ts";
import { loadManifests } from "./load.ts";
import type { Diagnostic, Result, SourcedObject } from "./types.ts";

/** Test helper: objects written out as one multi-document YAML file, then loaded. */
export function loadObjects(
  objects: readonly unknown[],
  settings: Partial<ClusterSettings> = {},
): Result<SourcedObject[]> {
  return loadManifests([{ name: "test.yaml", text: objects.map((o) => dump(o)).join("---\n") }], settings);
}

/** Test helper: the diagnostics of loading `objects`, each as `PATH: MESSAGE` (warnings prefixed `warning `). */
export function problems(objects: readonly unknown[], settings: Partial<ClusterSettings> = {}): string[] {
  return loadObjects(objects, settings).diagnostics.map(describe);
}

export function describe(d: Diagnostic): string {
  return `${d.severity === "warning" ? "warning " : ""}${d.path}: ${d.message}`;
}

/** Test helper: a Service named `web` with the given spec fields over a minimal valid one. */
export function service(spec: Record<string, unknown>, name = "web"): unknown {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name },
    spec: { selector: { app: "web" }, ports: [{ port: 80 }], ...spec },
  };
}

/** Test helper: a valid Deployment `web` selecting app=web, with `spec` fields merged over it. */
export function deployment(spec: Record<string, unknown> = {}, kind = "Deployment"): unknown {
  return {
    apiVersion: "apps/v1",
    kind,
    metadata: { name: "web" },
    spec: {
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          containers: [{ name: "web", image: "nginx:1.27", ports: [{ name: "http", containerPort: 8080 }] }],
        },
      },
      ...spec,
    },
  };
}

export function pod(spec: Record<string, unknown>, name = "p"): unknown {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels: { app: "web" } },
    spec: { containers: [{ name: "app", image: "nginx:1.27" }], ...spec },
  };
}
