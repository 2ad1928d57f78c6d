import { podTemplate } from "./core.ts";
import { labelSelector, withSpec } from "./meta.ts";
import { ANY, type FieldsSchema } from "./types.ts";

// Field lists from k8s.io/api/apps/v1/types.go (Kubernetes 1.35).

const rollingUpdate = { rollingUpdate: { maxUnavailable: ANY, maxSurge: ANY }, type: ANY };

// types.go DeploymentSpec and DeploymentStrategy.
const deploymentSpec: FieldsSchema = {
  replicas: ANY,
  selector: labelSelector,
  template: podTemplate,
  strategy: rollingUpdate,
  minReadySeconds: ANY,
  revisionHistoryLimit: ANY,
  paused: ANY,
  progressDeadlineSeconds: ANY,
};

// types.go ReplicaSetSpec.
const replicaSetSpec: FieldsSchema = {
  replicas: ANY,
  minReadySeconds: ANY,
  selector: labelSelector,
  template: podTemplate,
};

// types.go StatefulSetSpec (ordinals: 1.31 GA), StatefulSetUpdateStrategy.
const statefulSetSpec: FieldsSchema = {
  replicas: ANY,
  selector: labelSelector,
  template: podTemplate,
  volumeClaimTemplates: ANY,
  serviceName: ANY,
  podManagementPolicy: ANY,
  updateStrategy: { type: ANY, rollingUpdate: { partition: ANY, maxUnavailable: ANY } },
  revisionHistoryLimit: ANY,
  minReadySeconds: ANY,
  persistentVolumeClaimRetentionPolicy: { whenDeleted: ANY, whenScaled: ANY },
  ordinals: { start: ANY },
};

// types.go DaemonSetSpec and DaemonSetUpdateStrategy.
const daemonSetSpec: FieldsSchema = {
  selector: labelSelector,
  template: podTemplate,
  updateStrategy: rollingUpdate,
  minReadySeconds: ANY,
  revisionHistoryLimit: ANY,
};

/** The apps/v1 kinds, by kind. */
export const appsSchemas: Record<string, FieldsSchema> = {
  Deployment: withSpec(deploymentSpec),
  ReplicaSet: withSpec(replicaSetSpec),
  StatefulSet: withSpec(statefulSetSpec),
  DaemonSet: withSpec(daemonSetSpec),
};
