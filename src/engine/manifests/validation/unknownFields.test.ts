import { describe, expect, it } from "vitest";
import { loadManifests } from "../load.ts";
import { deployment, pod, problems, service } from "../testutil.ts";

// Server-side field validation (KEP-2885, Strict by default for kubectl apply since 1.27): an
// unknown field fails the request, `strict decoding error: unknown field "spec.selectr"`.
describe("unknown fields", () => {
  it("rejects a misspelt Service field, suggesting the nearest known one", () => {
    const misspelt = { apiVersion: "v1", kind: "Service", metadata: { name: "web" } };
    expect(problems([{ ...misspelt, spec: { selectr: { app: "web" }, ports: [{ port: 80 }] } }])).toEqual([
      'spec.selectr: unknown field "selectr"; did you mean "selector"?',
    ]);
  });

  it("walks lists and pod templates down to a container's ports", () => {
    const template = {
      metadata: { labels: { app: "web" } },
      spec: {
        containers: [{ name: "web", image: "nginx", ports: [{ containerport: 8080, protocl: "TCP" }] }],
      },
    };
    expect(problems([deployment({ template })]).filter((p) => p.includes("unknown"))).toEqual([
      'spec.template.spec.containers[0].ports[0].containerport: unknown field "containerport"; did you mean "containerPort"?',
      'spec.template.spec.containers[0].ports[0].protocl: unknown field "protocl"; did you mean "protocol"?',
    ]);
  });

  it("names no field when none is near enough to be a typo", () => {
    expect(problems([service({ colour: "blue" })])).toEqual(['spec.colour: unknown field "colour"']);
  });

  // The real API accepts these; the simulator must not call them unknown.
  it("accepts status, managedFields, annotations and fields the simulator does not model", () => {
    const base = pod({
      volumes: [{ name: "data", emptyDir: {} }],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} } },
      securityContext: { runAsNonRoot: true },
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule" }],
    }) as { metadata: Record<string, unknown> };
    const object = {
      ...base,
      metadata: {
        ...base.metadata,
        annotations: { "example.com/x": "y" },
        managedFields: [{ manager: "kubectl", operation: "Apply" }],
      },
      status: { phase: "Running", anything: { at: "all" } },
    };
    expect(problems([object])).toEqual([]);
    expect(
      problems([
        service({
          trafficDistribution: "PreferSameZone",
          sessionAffinity: "ClientIP",
          sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } },
        }),
      ]),
    ).toEqual([]);
  });

  // ConfigMap (core/v1 types.go) has data at the top level and no spec.
  it("checks kinds the simulator keeps without modelling, such as a ConfigMap", () => {
    const configMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, datta: { a: "b" } };
    expect(problems([configMap]).filter((p) => !p.startsWith("warning"))).toEqual([
      'datta: unknown field "datta"; did you mean "data"?',
    ]);
  });

  // Gateway API CRDs have structural schemas: the API server prunes and so rejects unknown fields too.
  it("checks Gateway API routes", () => {
    const route = {
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: "r" },
      spec: { parentRefs: [{ name: "gw" }], rules: [{ backendRef: [{ name: "web", port: 80 }] }] },
    };
    expect(problems([route])).toContain(
      'spec.rules[0].backendRef: unknown field "backendRef"; did you mean "backendRefs"?',
    );
  });

  it("leaves kinds of groups it does not know (a CRD's) alone", () => {
    const cert = {
      apiVersion: "cert-manager.io/v1",
      kind: "Certificate",
      metadata: { name: "c" },
      spec: { x: 1 },
    };
    expect(problems([cert]).filter((p) => !p.startsWith("warning"))).toEqual([]);
  });

  it("marks the misspelt key itself, so the editor underlines the right line", () => {
    const text = [
      "apiVersion: v1",
      "kind: Service",
      "metadata:",
      "  name: web",
      "spec:",
      "  selector: {app: web}",
      "  ports:",
      "  - port: 80",
      "    targetPrt: 8080",
    ].join("\n");
    const result = loadManifests([{ name: "svc.yaml", text }]);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([
      { line: 9, column: 5, severity: "error", path: "spec.ports[0].targetPrt", object: "svc/default/web" },
    ]);
  });
});
