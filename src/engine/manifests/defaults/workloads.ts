import { isObj, type Obj } from "../validation/values.ts";
import { defaultPodSpec, setDefault } from "./pod.ts";

/** apps/v1 defaults.go SetDefaults_Deployment, _ReplicaSet, _StatefulSet and _DaemonSet. */
export function defaultWorkload(kind: string, workload: Obj): void {
  const spec = workload.spec;
  if (!isObj(spec)) return;
  if (kind !== "DaemonSet") setDefault(spec, "replicas", 1);
  if (kind !== "ReplicaSet") setDefault(spec, "revisionHistoryLimit", 10);
  const template = spec.template;
  if (isObj(template) && isObj(template.spec)) defaultPodSpec(template.spec, false);
  if (kind === "Deployment") {
    setDefault(spec, "progressDeadlineSeconds", 600);
    const strategy = strategyOf(spec, "strategy");
    if (strategy.type === "RollingUpdate") {
      const rolling = rollingUpdateOf(strategy);
      setDefault(rolling, "maxUnavailable", "25%");
      setDefault(rolling, "maxSurge", "25%");
    }
  }
  if (kind === "StatefulSet") {
    setDefault(spec, "podManagementPolicy", "OrderedReady");
    const strategy = strategyOf(spec, "updateStrategy");
    if (strategy.type === "RollingUpdate" && isObj(strategy.rollingUpdate))
      setDefault(strategy.rollingUpdate, "partition", 0);
    if (spec.persistentVolumeClaimRetentionPolicy == null) {
      spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: "Retain", whenScaled: "Retain" };
    }
  }
  if (kind === "DaemonSet") {
    const strategy = strategyOf(spec, "updateStrategy");
    if (strategy.type === "RollingUpdate") {
      const rolling = rollingUpdateOf(strategy);
      setDefault(rolling, "maxUnavailable", 1);
      setDefault(rolling, "maxSurge", 0);
    }
  }
}

/** The strategy object, created with type RollingUpdate when absent. */
function strategyOf(spec: Obj, key: string): Obj {
  if (spec[key] == null) spec[key] = {};
  const strategy = spec[key];
  if (!isObj(strategy)) return {};
  setDefault(strategy, "type", "RollingUpdate");
  return strategy;
}

function rollingUpdateOf(strategy: Obj): Obj {
  if (strategy.rollingUpdate == null) strategy.rollingUpdate = {};
  return isObj(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
}
