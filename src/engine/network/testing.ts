import { buildCluster } from "../cluster/build.ts";
import type { ClusterSettings } from "../cluster/types.ts";
import { loadManifests } from "../manifests/load.ts";
import { renderMessage } from "../messages/index.ts";
import { parseRequest, trace } from "../trace/trace.ts";
import type { Hop, Trace } from "../trace/types.ts";
import { createDataPlane, type DataPlane } from "./dataplane.ts";
import type { TrafficState } from "./traffic-state.ts";

/** Tests only: YAML through loadManifests and buildCluster to a data plane; throws on invalid manifests. */
export function dataPlaneFromYaml(
  yaml: string,
  options: { failedNodes?: string[]; settings?: Partial<ClusterSettings> } = {},
): DataPlane {
  const loaded = loadManifests([{ name: "test.yaml", text: yaml }], options.settings);
  if (!loaded.ok) {
    throw new Error(
      loaded.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.path}: ${d.message}`).join("\n"),
    );
  }
  return createDataPlane(buildCluster(loaded.value, options));
}

/** Tests only: one trace of `from` -> `to`; throws when the request itself is invalid. */
export function traceOf(dp: DataPlane, from: string, to: string, state?: TrafficState): Trace {
  const parsed = parseRequest(dp, { from, to });
  if (!parsed.ok) throw new Error(parsed.message);
  return trace(dp, parsed.value, state);
}

/** Tests only: the two IngressClasses the Ingress tests run under, as the docs write them (nginx the default). */
export const NGINX_CLASS = `
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx-example
  annotations:
    ingressclass.kubernetes.io/is-default-class: "true"
spec:
  controller: k8s.io/ingress-nginx
`;

export const GCE_CLASS = `
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: gce}
spec: {controller: k8s.io/ingress-gce}
`;

/** Tests only: a hop's text in English, as the CLI prints it ("" for no hop). */
export function detailOf(hop: Hop | undefined): string {
  return hop ? renderMessage(hop.message) : "";
}
