import { matchesSelector } from "../../cluster/labels.ts";
import { message } from "../../messages/index.ts";
import { child, forbidden, invalid, notSupported, required } from "./field.ts";
import { validateLabels } from "./meta.ts";
import { validatePodSpec } from "./pod.ts";
import { isEmptySelector, validateLabelSelector } from "./selector.ts";
import type { Fields, Obj } from "./values.ts";

const WORKLOAD_NAMES: Record<string, string> = {
  Deployment: "deployment",
  // apps/validation ValidateReplicaSetSpec reuses the Deployment's message word for word
  ReplicaSet: "deployment",
  StatefulSet: "statefulset",
  DaemonSet: "daemonset",
};

/**
 * apps/validation ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidateStatefulSetSpec and
 * ValidateDaemonSetSpec: replicas, a non-empty selector that matches the pod template's labels,
 * a valid template whose restartPolicy is Always, and each kind's strategy enums.
 */
export function validateWorkload(kind: string, object: Obj, f: Fields): void {
  const spec = f.object(object, "spec", "");
  if (!spec) {
    f.add(required("spec"));
    return;
  }
  if (kind !== "DaemonSet") {
    const replicas = f.int(spec, "replicas", "spec");
    // validation.go ValidateNonnegativeField
    if (replicas !== undefined && replicas < 0)
      f.add(invalid("spec.replicas", replicas, message("workload.replicasNegative")));
  }
  const selectorObj = f.object(spec, "selector", "spec");
  const selector = selectorObj ? validateLabelSelector(selectorObj, "spec.selector", f) : undefined;
  if (!selectorObj) f.add(required("spec.selector"));
  else if (selector && isEmptySelector(selector)) {
    f.add(
      invalid(
        "spec.selector",
        selectorObj,
        message("workload.emptySelector", { kind: WORKLOAD_NAMES[kind] ?? kind }),
      ),
    );
  }
  const template = f.object(spec, "template", "spec");
  if (!template) f.add(required("spec.template"));
  else {
    const meta = f.object(template, "metadata", "spec.template") ?? {};
    const labels = f.stringMap(meta, "labels", "spec.template.metadata") ?? {};
    f.add(...validateLabels(labels, "spec.template.metadata.labels"));
    // apps/validation ValidatePodTemplateSpecForReplicaSet / ForStatefulSet / DaemonSet
    if (selector && !isEmptySelector(selector) && !matchesSelector(selector, labels)) {
      f.add(invalid("spec.template.metadata.labels", labels, message("workload.selectorMismatch")));
    }
    const podSpec = f.object(template, "spec", "spec.template");
    if (!podSpec) f.add(required("spec.template.spec"));
    else validatePodSpec(podSpec, "spec.template.spec", f, ["Always"]);
  }
  if (kind === "Deployment") validateDeploymentStrategy(spec, f);
  if (kind === "StatefulSet") validateStatefulSet(spec, f);
  if (kind === "DaemonSet") validateUpdateStrategy(spec, "updateStrategy", ["OnDelete", "RollingUpdate"], f);
}

function validateDeploymentStrategy(spec: Obj, f: Fields): void {
  const type = validateUpdateStrategy(spec, "strategy", ["Recreate", "RollingUpdate"], f);
  const strategy = f.object(spec, "strategy", "spec");
  if (type === "Recreate" && strategy?.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
    f.add(forbidden("spec.strategy.rollingUpdate", message("workload.recreateRollingUpdate")));
  }
}

function validateStatefulSet(spec: Obj, f: Fields): void {
  const policy = f.string(spec, "podManagementPolicy", "spec");
  const policies = ["OrderedReady", "Parallel"];
  if (policy === undefined) f.add(required("spec.podManagementPolicy"));
  else if (!policies.includes(policy)) f.add(notSupported("spec.podManagementPolicy", policy, policies));
  validateUpdateStrategy(spec, "updateStrategy", ["OnDelete", "RollingUpdate"], f);
  f.string(spec, "serviceName", "spec");
}

function validateUpdateStrategy(spec: Obj, key: string, types: string[], f: Fields): string | undefined {
  const strategy = f.object(spec, key, "spec");
  const path = child("spec", key);
  const type = strategy && f.string(strategy, "type", path);
  if (strategy && type === undefined) f.add(required(child(path, "type")));
  else if (type !== undefined && !types.includes(type)) f.add(notSupported(child(path, "type"), type, types));
  return type;
}
