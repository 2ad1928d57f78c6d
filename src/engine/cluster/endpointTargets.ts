import { externalRef, nodeRef } from "../refs.ts";
import type { Cluster, Ref } from "./types.ts";

/** One object a Service's EndpointSlices send to, and whether any of its endpoints is ready. */
export interface EndpointTarget {
  ref: Ref;
  ready: boolean;
}

/**
 * What each Service's EndpointSlices point at, by Service ref: the pod an endpoint's `targetRef` names,
 * or, for an address with no targetRef (a selector-less Service's hand-written slice), the object at that
 * address: a pod, a node (a host process), else the host outside the cluster (`external/NAME`, named as
 * the upstream DNS names it, or by the address). Membership is the slices', never the selector's: an
 * EndpointSlice "contains references to a set of network endpoints" and its `targetRef` is "a reference
 * to a Kubernetes object that represents this endpoint" (kubernetes.io/docs/concepts/services-networking/
 * endpoint-slices/, discovery.k8s.io/v1 Endpoint); Services without selectors get their endpoints only
 * from slices written by hand (kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors).
 */
export function endpointTargets(cluster: Cluster): Map<Ref, EndpointTarget[]> {
  const pods = new Map<string, Ref>();
  for (const pod of cluster.pods) if (pod.podIP && !pod.hostNetwork) pods.set(pod.podIP, pod.ref);
  const nodes = new Map(cluster.nodes.map((n) => [n.internalIP, nodeRef(n.name)]));
  // The first name the upstream DNS gives an address, as the trace names the host it delivers to.
  const hosts = new Map<string, string>();
  for (const [host, ip] of Object.entries(cluster.settings.externalHosts))
    if (!hosts.has(ip)) hosts.set(ip, host.toLowerCase());
  const refOf = (address: string): Ref =>
    pods.get(address) ?? nodes.get(address) ?? externalRef(hosts.get(address) ?? address);

  const targets = new Map<Ref, Map<Ref, boolean>>();
  for (const slice of cluster.endpointSlices) {
    if (slice.addressType === "FQDN") continue;
    const seen = targets.get(slice.service) ?? new Map<Ref, boolean>();
    targets.set(slice.service, seen);
    for (const endpoint of slice.endpoints) {
      const refs = endpoint.targetRef ? [endpoint.targetRef] : endpoint.addresses.map(refOf);
      for (const ref of refs) seen.set(ref, endpoint.conditions.ready || seen.get(ref) === true);
    }
  }
  return new Map(
    [...targets].map(([service, seen]) => [service, [...seen].map(([ref, ready]) => ({ ref, ready }))]),
  );
}
