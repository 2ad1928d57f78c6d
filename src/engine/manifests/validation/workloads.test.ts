import { describe, expect, it } from "vitest";
import { deployment, problems } from "../testutil.ts";

const errorsOf = (objects: unknown[]) => problems(objects).filter((p) => !p.startsWith("warning"));

describe("workload validation", () => {
  it("accepts a valid Deployment, ReplicaSet, StatefulSet and DaemonSet", () => {
    for (const kind of ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"]) {
      expect(errorsOf([deployment({}, kind)])).toEqual([]);
    }
  });

  // apps/validation ValidatePodTemplateSpecForReplicaSet: selector must match template labels
  it("requires the selector to match the pod template's labels, for every workload kind", () => {
    for (const kind of ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"]) {
      expect(errorsOf([deployment({ selector: { matchLabels: { app: "api" } } }, kind)])).toEqual([
        'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
      ]);
    }
  });

  it("matches matchExpressions too", () => {
    const selector = { matchExpressions: [{ key: "app", operator: "In", values: ["web", "api"] }] };
    expect(errorsOf([deployment({ selector })])).toEqual([]);
    const notIn = { matchExpressions: [{ key: "app", operator: "NotIn", values: ["web"] }] };
    expect(errorsOf([deployment({ selector: notIn })])).toHaveLength(1);
  });

  // apps/validation ValidateDeploymentSpec: selector required and non-empty
  it("requires a non-empty selector", () => {
    expect(errorsOf([deployment({ selector: null })])).toEqual(["spec.selector: Required value"]);
    expect(errorsOf([deployment({ selector: {} }, "StatefulSet")])).toEqual([
      "spec.selector: Invalid value: {}: empty selector is invalid for statefulset",
    ]);
  });

  // meta/v1/validation ValidateLabelSelectorRequirement
  it("checks selector operators and their values", () => {
    const selector = (operator: string, values?: string[]) => ({
      matchExpressions: [{ key: "app", operator, values }],
    });
    expect(errorsOf([deployment({ selector: selector("Has") })])).toEqual([
      'spec.selector.matchExpressions[0].operator: Invalid value: "Has": not a valid selector operator',
    ]);
    expect(errorsOf([deployment({ selector: selector("In") })])).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]);
    expect(errorsOf([deployment({ selector: selector("Exists", ["x"]) })])).toEqual([
      "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ]);
  });

  // validation.go ValidateNonnegativeField
  it("refuses negative replicas", () => {
    expect(errorsOf([deployment({ replicas: -1 })])).toEqual([
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
    ]);
    expect(errorsOf([deployment({ replicas: 0 })])).toEqual([]);
  });

  // apps/validation: template restartPolicy must be Always
  it("allows only restartPolicy Always in a workload's template", () => {
    const d = deployment() as { spec: { template: { spec: Record<string, unknown> } } };
    d.spec.template.spec.restartPolicy = "Never";
    expect(errorsOf([d])).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  // apps/validation ValidateDeploymentStrategy
  it("knows the Deployment strategies and forbids rollingUpdate with Recreate", () => {
    expect(errorsOf([deployment({ strategy: { type: "BlueGreen" } })])).toEqual([
      'spec.strategy.type: Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"',
    ]);
    expect(
      errorsOf([deployment({ strategy: { type: "Recreate", rollingUpdate: { maxSurge: 1 } } })]),
    ).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
  });

  // apps/validation ValidateStatefulSetSpec: podManagementPolicy
  it("knows the StatefulSet pod management policies", () => {
    expect(errorsOf([deployment({ podManagementPolicy: "AllAtOnce" }, "StatefulSet")])).toEqual([
      'spec.podManagementPolicy: Unsupported value: "AllAtOnce": supported values: "OrderedReady", "Parallel"',
    ]);
  });

  // apps/validation ValidateStatefulSetName: NameIsDNSLabel (no dots)
  it("requires StatefulSet names to be DNS labels", () => {
    const set = deployment({}, "StatefulSet") as { metadata: { name: string } };
    set.metadata.name = "db.v1";
    expect(errorsOf([set])[0]).toMatch(/^metadata.name: Invalid value: "db.v1": a lowercase RFC 1123 label/);
  });

  it("warns when a StatefulSet's serviceName names no headless Service", () => {
    const set = deployment({ serviceName: "db" }, "StatefulSet");
    expect(problems([set])).toContain(
      "warning spec.serviceName: no Service default/db: the pods get no per-pod DNS names",
    );
    const headless = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "db" },
      spec: { clusterIP: "None", selector: { app: "web" } },
    };
    expect(problems([set, headless])).toEqual([]);
  });
});
