import type { Labels } from "../manifests/types.ts";
import { isNodeRef, nodeRef } from "../refs.ts";
import { matchesLabels } from "./labels.ts";
import type { Cluster, EndpointState, PodState, Ref, ServiceState } from "./types.ts";

/**
 * Which pods back a Service, as Kubernetes decides it: the one place outside the controllers that
 * answers it, for the app's graph and the lessons' goals.
 */

/**
 * Whether a Service's selector selects pods with these labels. A Service without a selector (or with
 * an empty one) selects none: its EndpointSlices are written by hand (kubernetes.io/docs/concepts/
 * services-networking/service/#services-without-selectors; endpointslice_controller.go syncService
 * skips a Service whose Spec.Selector is nil).
 */
export function selectorSelects(selector: Labels | null, labels: Labels): boolean {
  return selector !== null && Object.keys(selector).length > 0 && matchesLabels(selector, labels);
}

/** Whether the Service selects the pod: the same namespace and every pair of its selector (service.go: Selector). */
export function serviceSelects(
  service: Pick<ServiceState, "namespace" | "selector">,
  pod: Pick<PodState, "namespace" | "labels">,
): boolean {
  return service.namespace === pod.namespace && selectorSelects(service.selector, pod.labels);
}

/** A Service's endpoints, from its EndpointSlices (what kube-proxy and CoreDNS read). */
export function serviceEndpoints(cluster: Pick<Cluster, "endpointSlices">, service: Ref): EndpointState[] {
  return cluster.endpointSlices.filter((s) => s.service === service).flatMap((s) => s.endpoints);
}

/** Each Service's pods, from its EndpointSlices' targetRefs (ready or not), keyed by the Service's ref. */
export function servicePods(cluster: Pick<Cluster, "endpointSlices">): Map<Ref, Ref[]> {
  const pods = new Map<Ref, Ref[]>();
  for (const slice of cluster.endpointSlices) {
    const list = pods.get(slice.service) ?? [];
    for (const endpoint of slice.endpoints)
      if (endpoint.targetRef && !list.includes(endpoint.targetRef)) list.push(endpoint.targetRef);
    pods.set(slice.service, list);
  }
  return pods;
}

/** The node a request leaves from: the node itself, or the node its pod runs on; undefined for the external client. */
export function senderNode(cluster: Pick<Cluster, "pods">, from: Ref): Ref | undefined {
  if (isNodeRef(from)) return from;
  const name = cluster.pods.find((p) => p.ref === from)?.nodeName;
  return name ? nodeRef(name) : undefined;
}
