import type { KubeObject } from "../manifests/types.ts";
import { renderMessage } from "../messages/index.ts";
import { parseRef } from "../refs.ts";
import { asRecord } from "./fields.ts";
import type { EndpointSliceState, EndpointState, PodState, ServiceState } from "./types.ts";

/**
 * The one place where state becomes the object `kubectl get -o json` shows: every `object` field of
 * a pod, Service or generated EndpointSlice is derived here from its state and its stored shape.
 * Times are left out: the simulator has no clock to stamp them with.
 */

type Condition = { readonly type: string; readonly status: string };

/**
 * Conditions are shared between objects (they never change once built), which keeps 10,000-pod
 * clusters cheap: per type, the False one and the True one.
 */
const CONDITIONS = new Map<string, readonly [Condition, Condition]>();

function condition(type: string, ready: boolean): Condition {
  let shared = CONDITIONS.get(type);
  if (!shared) {
    shared = [Object.freeze({ type, status: "False" }), Object.freeze({ type, status: "True" })];
    CONDITIONS.set(type, shared);
  }
  return shared[ready ? 1 : 0];
}

/** Endpoint conditions, shared for the same reason as pod conditions: the eight combinations, built once. */
const ENDPOINT_CONDITIONS: readonly EndpointState["conditions"][] = Array.from({ length: 8 }, (_, bits) =>
  Object.freeze({ ready: (bits & 4) !== 0, serving: (bits & 2) !== 0, terminating: (bits & 1) !== 0 }),
);

export function endpointConditions(
  ready: boolean,
  serving: boolean,
  terminating: boolean,
): EndpointState["conditions"] {
  return ENDPOINT_CONDITIONS[
    (ready ? 4 : 0) + (serving ? 2 : 0) + (terminating ? 1 : 0)
  ] as EndpointState["conditions"];
}

/** `pod/NS/NAME` as an EndpointSlice targetRef. */
function targetRefOf(ref: string) {
  // A well-formed `pod/NS/NAME` is cut at its slashes, not split by parseRef: this runs once per
  // endpoint, 10,000 times in a large cluster (issue 15). Anything else goes through parseRef.
  const slash = ref.indexOf("/", 4);
  if (ref.startsWith("pod/") && slash > 4 && slash < ref.length - 1 && ref.indexOf("/", slash + 1) === -1)
    return { kind: "Pod", namespace: ref.slice(4, slash), name: ref.slice(slash + 1) };
  const pod = parseRef(ref);
  return { kind: "Pod", namespace: pod?.namespace ?? "", name: pod?.name ?? ref };
}

/**
 * A pod with its scheduling and status. `containersReady` is the kubelet's last report, which the
 * node lifecycle controller leaves alone when it marks the pod not Ready (MarkPodsNotReady).
 */
export function podObject(
  pod: Omit<PodState, "object">,
  base: KubeObject,
  containersReady: boolean,
): KubeObject {
  // Properties set one by one rather than spread in: spreads cost a fifth of building a 10,000-pod
  // cluster on Node 20's V8. The key order is the same as with spreads.
  const spec: Record<string, unknown> = { ...asRecord(base.spec) };
  if (pod.nodeName) spec.nodeName = pod.nodeName;
  const scheduled = pod.nodeName !== null;
  const conditions = scheduled
    ? [
        condition("PodReadyToStartContainers", pod.podIP !== null),
        condition("Initialized", true),
        condition("Ready", pod.ready),
        condition("ContainersReady", containersReady && pod.phase === "Running"),
        condition("PodScheduled", true),
      ]
    : [
        {
          type: "PodScheduled",
          status: "False",
          reason: "Unschedulable",
          message: pod.pendingReason && renderMessage(pod.pendingReason),
        },
      ];
  const status: Record<string, unknown> = { phase: pod.phase, conditions };
  if (pod.hostIP) {
    status.hostIP = pod.hostIP;
    status.hostIPs = hostIPsOf(pod.hostIP);
  }
  if (pod.podIP) {
    status.podIP = pod.podIP;
    status.podIPs = [{ ip: pod.podIP }];
  }
  const meta = base.metadata;
  // A controller's fresh metadata already says all three (PodFactory.add): kept, not copied, as
  // every object a 10,000-pod cluster keeps is copied again by each young-generation collection.
  const metadata =
    meta.namespace === pod.namespace && meta.name === pod.name && meta.labels === pod.labels
      ? meta
      : { ...meta, namespace: pod.namespace, name: pod.name, labels: pod.labels };
  // `base` is a draft (PodFactory.add) or a pod's object: its keys are these five at most, so a
  // literal gives what a spread of it would, without the spread's slow copy.
  return { apiVersion: "v1", kind: "Pod", metadata, spec, status };
}

/** status.hostIPs, one list per node address, shared by its pods' objects (which are never mutated). */
const HOST_IPS = new Map<string, readonly { ip: string }[]>();

function hostIPsOf(ip: string): readonly { ip: string }[] {
  let list = HOST_IPS.get(ip);
  if (!list) {
    list = Object.freeze([Object.freeze({ ip })]);
    HOST_IPS.set(ip, list);
  }
  return list;
}

/** A Service after allocation: clusterIP(s), nodePorts, healthCheckNodePort and load-balancer status. */
export function serviceObject(svc: Omit<ServiceState, "object">, base: KubeObject): KubeObject {
  const spec = asRecord(base.spec);
  const ports = svc.ports.map((p) => ({
    ...(p.name !== undefined ? { name: p.name } : {}),
    protocol: p.protocol,
    ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}),
    port: p.port,
    targetPort: p.targetPort,
    ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
  }));
  // pkg/registry/core/service/storage: a ClusterIP is recorded with its family; ExternalName has none.
  const addressing =
    svc.clusterIP === null
      ? {}
      : {
          clusterIP: svc.clusterIP,
          clusterIPs: [svc.clusterIP],
          ipFamilies: ["IPv4"],
          ipFamilyPolicy: "SingleStack",
        };
  const { clusterIP: _ip, clusterIPs: _ips, healthCheckNodePort: _hc, ...rest } = spec;
  return {
    ...base,
    apiVersion: "v1",
    kind: "Service",
    metadata: { ...base.metadata, namespace: svc.namespace, name: svc.name },
    spec: {
      ...rest,
      ...addressing,
      ...(svc.ports.length || "ports" in spec ? { ports } : {}),
      ...(svc.healthCheckNodePort !== undefined ? { healthCheckNodePort: svc.healthCheckNodePort } : {}),
    },
    status: {
      loadBalancer: svc.loadBalancerIngress.length ? { ingress: svc.loadBalancerIngress } : {},
    },
  };
}

/** A generated discovery.k8s.io/v1 EndpointSlice; `onlyReady`: the mirroring controller sets no other condition. */
export function endpointSliceObject(
  slice: Omit<EndpointSliceState, "object">,
  labels: Record<string, string>,
  ownerReferences: KubeObject["metadata"]["ownerReferences"],
  onlyReady = false,
): KubeObject {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      name: slice.name,
      generateName: slice.name.slice(0, -5),
      namespace: slice.namespace,
      labels,
      ...(ownerReferences?.length ? { ownerReferences } : {}),
    },
    addressType: slice.addressType,
    endpoints: slice.endpoints.map((e) => {
      const endpoint: Record<string, unknown> = {
        addresses: e.addresses,
        conditions: onlyReady ? { ready: e.conditions.ready } : e.conditions,
      };
      if (e.hostname !== undefined) endpoint.hostname = e.hostname;
      if (e.targetRef) endpoint.targetRef = targetRefOf(e.targetRef);
      if (e.nodeName !== undefined) endpoint.nodeName = e.nodeName;
      if (e.zone !== undefined) endpoint.zone = e.zone;
      if (e.hints)
        endpoint.hints = {
          ...(e.hints.forZones.length ? { forZones: e.hints.forZones.map((name) => ({ name })) } : {}),
          ...(e.hints.forNodes.length ? { forNodes: e.hints.forNodes.map((name) => ({ name })) } : {}),
        };
      return endpoint;
    }),
    // The controllers write a port's name even when empty (Name: &portName), so JSON shows "name": "".
    ports: slice.ports.map((p) => ({ name: p.name ?? "", port: p.port, protocol: p.protocol })),
  };
}
