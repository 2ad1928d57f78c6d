import { ANY, type FieldSchema, type FieldsSchema, listOf } from "./types.ts";

// k8s.io/apimachinery/pkg/apis/meta/v1/types.go ObjectMeta (clusterName was removed in 1.25).
export const objectMeta: FieldsSchema = {
  name: ANY,
  generateName: ANY,
  namespace: ANY,
  selfLink: ANY,
  uid: ANY,
  resourceVersion: ANY,
  generation: ANY,
  creationTimestamp: ANY,
  deletionTimestamp: ANY,
  deletionGracePeriodSeconds: ANY,
  labels: ANY,
  annotations: ANY,
  ownerReferences: listOf({
    apiVersion: ANY,
    kind: ANY,
    name: ANY,
    uid: ANY,
    controller: ANY,
    blockOwnerDeletion: ANY,
  }),
  finalizers: ANY,
  managedFields: ANY,
};

// meta/v1 types.go LabelSelector and LabelSelectorRequirement.
export const labelSelector: FieldsSchema = {
  matchLabels: ANY,
  matchExpressions: listOf({ key: ANY, operator: ANY, values: ANY }),
};

// core/v1 types.go ObjectReference.
export const objectReference: FieldsSchema = {
  kind: ANY,
  namespace: ANY,
  name: ANY,
  uid: ANY,
  apiVersion: ANY,
  resourceVersion: ANY,
  fieldPath: ANY,
};

/** An object of a kind: TypeMeta, ObjectMeta, and the kind's own top-level fields (status is never checked). */
export function resource(fields: FieldsSchema): FieldsSchema {
  return { apiVersion: ANY, kind: ANY, metadata: objectMeta, status: ANY, ...fields };
}

/** A kind with a spec. */
export function withSpec(spec: FieldSchema): FieldsSchema {
  return resource({ spec });
}
