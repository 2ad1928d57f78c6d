import { closest, distance } from "fastest-levenshtein";

/**
 * The kinds a Kubernetes 1.35 API server serves without any CRD, by group/version (`kubectl
 * api-resources` of a kubeadm cluster; each group's `register.go` under k8s.io/api). A kind outside
 * this table in one of these group/versions is rejected: kubectl prints `no matches for kind "K" in
 * version "GV"` (k8s.io/apimachinery/pkg/api/meta.NoKindMatchError).
 */
const SERVED: Readonly<Record<string, readonly string[]>> = {
  v1: [
    "Binding",
    "ComponentStatus",
    "ConfigMap",
    "Endpoints",
    "Event",
    "LimitRange",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "Pod",
    "PodTemplate",
    "ReplicationController",
    "ResourceQuota",
    "Secret",
    "Service",
    "ServiceAccount",
    "List",
  ],
  "admissionregistration.k8s.io/v1": [
    "MutatingWebhookConfiguration",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
  ],
  "apiextensions.k8s.io/v1": ["CustomResourceDefinition"],
  "apiregistration.k8s.io/v1": ["APIService"],
  "apps/v1": ["ControllerRevision", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"],
  "autoscaling/v1": ["HorizontalPodAutoscaler"],
  "autoscaling/v2": ["HorizontalPodAutoscaler"],
  "batch/v1": ["CronJob", "Job"],
  "certificates.k8s.io/v1": ["CertificateSigningRequest"],
  "coordination.k8s.io/v1": ["Lease"],
  "discovery.k8s.io/v1": ["EndpointSlice"],
  "events.k8s.io/v1": ["Event"],
  "flowcontrol.apiserver.k8s.io/v1": ["FlowSchema", "PriorityLevelConfiguration"],
  "networking.k8s.io/v1": ["IPAddress", "Ingress", "IngressClass", "NetworkPolicy", "ServiceCIDR"],
  "node.k8s.io/v1": ["RuntimeClass"],
  "policy/v1": ["PodDisruptionBudget"],
  "rbac.authorization.k8s.io/v1": ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
  "resource.k8s.io/v1": ["DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"],
  "scheduling.k8s.io/v1": ["PriorityClass"],
  "storage.k8s.io/v1": ["CSIDriver", "CSINode", "CSIStorageCapacity", "StorageClass", "VolumeAttachment"],
};

/**
 * Group/versions a current API server no longer serves (the deprecated API migration guide,
 * kubernetes.io/docs/reference/using-api/deprecation-guide): their kinds moved to the versions above.
 */
const REMOVED = new Set([
  "extensions/v1beta1",
  "apps/v1beta1",
  "apps/v1beta2",
  "batch/v1beta1",
  "networking.k8s.io/v1beta1",
  "policy/v1beta1",
  "discovery.k8s.io/v1beta1",
  "autoscaling/v2beta1",
  "autoscaling/v2beta2",
  "rbac.authorization.k8s.io/v1beta1",
  "storage.k8s.io/v1beta1",
  "flowcontrol.apiserver.k8s.io/v1beta3",
]);

const ALL_KINDS = [...new Set(Object.values(SERVED).flat())];

/** Why the API server has no such kind, with what was probably meant; null when it may exist. */
export interface NoKindMatch {
  /** The group/version that does serve this kind, when the kind is right and the apiVersion is not. */
  apiVersion?: string;
  /** The served kind nearest to a misspelt one. */
  kind?: string;
}

/**
 * Whether a built-in API server rejects `kind` in `apiVersion`. A group it does not have at all
 * (a CRD's, such as gateway.networking.k8s.io) is not judged: the CRD may be installed.
 */
export function noKindMatch(apiVersion: string, kind: string): NoKindMatch | null {
  const served = SERVED[apiVersion];
  if (served?.includes(kind)) return null;
  if (!served && !REMOVED.has(apiVersion)) return null;
  const home = Object.keys(SERVED).find((gv) => SERVED[gv]?.includes(kind));
  if (home) return { apiVersion: home };
  const near = nearest(kind, served ?? ALL_KINDS) ?? nearest(kind, ALL_KINDS);
  return near ? { kind: near } : {};
}

/**
 * The candidate a misspelt word most likely meant: the nearest by edit distance (ignoring case),
 * if it is near enough to be a typo — at most a third of the word's letters, and at least one.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = candidates.map((c) => c.toLowerCase());
  const best = closest(word.toLowerCase(), lower);
  const limit = Math.max(1, Math.floor(word.length / 3));
  return distance(word.toLowerCase(), best) <= limit ? candidates[lower.indexOf(best)] : undefined;
}
