import type { KubeObject } from "../manifests/types.ts";
import { asRecord } from "./fields.ts";
import type { EndpointSliceState, EndpointState, PodState, ServiceState } from "./types.ts";

/**
 * The one place where state becomes the object `kubectl get -o json` shows: every `object` field of
 * a pod, Service or generated EndpointSlice is derived here from its state and its stored shape.
 * Times are left out: the simulator has no clock to stamp them with.
 */

type Condition = { readonly type: string; readonly status: string };

/** Conditions are shared between objects (they never change once built), which keeps 10,000-pod clusters cheap. */
const CONDITIONS = new Map<string, Condition>();

function condition(type: string, ready: boolean): Condition {
  const key = `${type}=${ready}`;
  let shared = CONDITIONS.get(key);
  if (!shared) {
    shared = Object.freeze({ type, status: ready ? "True" : "False" });
    CONDITIONS.set(key, shared);
  }
  return shared;
}

const ENDPOINT_CONDITIONS = new Map<string, EndpointState["conditions"]>();

/** Endpoint conditions, shared for the same reason as pod conditions. */
export function endpointConditions(
  ready: boolean,
  serving: boolean,
  terminating: boolean,
): EndpointState["conditions"] {
  const key = `${ready}${serving}${terminating}`;
  let shared = ENDPOINT_CONDITIONS.get(key);
  if (!shared) {
    shared = Object.freeze({ ready, serving, terminating });
    ENDPOINT_CONDITIONS.set(key, shared);
  }
  return shared;
}

/** `pod/NS/NAME` as an EndpointSlice targetRef. */
function targetRefOf(ref: string) {
  const first = ref.indexOf("/");
  const second = ref.indexOf("/", first + 1);
  return { kind: "Pod", namespace: ref.slice(first + 1, second), name: ref.slice(second + 1) };
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
  const spec = { ...asRecord(base.spec), ...(pod.nodeName ? { nodeName: pod.nodeName } : {}) };
  const scheduled = pod.nodeName !== null;
  const conditions = scheduled
    ? [
        condition("PodReadyToStartContainers", pod.podIP !== null),
        condition("Initialized", true),
        condition("Ready", pod.ready),
        condition("ContainersReady", containersReady && pod.phase === "Running"),
        condition("PodScheduled", true),
      ]
    : [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: pod.pendingReason }];
  const ips = pod.podIP ? { podIP: pod.podIP, podIPs: [{ ip: pod.podIP }] } : {};
  const host = pod.hostIP ? { hostIP: pod.hostIP, hostIPs: [{ ip: pod.hostIP }] } : {};
  return {
    ...base,
    apiVersion: "v1",
    kind: "Pod",
    metadata: { ...base.metadata, namespace: pod.namespace, name: pod.name, labels: pod.labels },
    spec,
    status: { phase: pod.phase, conditions, ...host, ...ips },
  };
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
      loadBalancer: svc.loadBalancerIPs.length
        ? { ingress: svc.loadBalancerIPs.map((ip) => ({ ip, ipMode: "VIP" })) }
        : {},
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
    endpoints: slice.endpoints.map((e) => ({
      addresses: e.addresses,
      conditions: onlyReady ? { ready: e.conditions.ready } : e.conditions,
      ...(e.hostname !== undefined ? { hostname: e.hostname } : {}),
      ...(e.targetRef ? { targetRef: targetRefOf(e.targetRef) } : {}),
      ...(e.nodeName !== undefined ? { nodeName: e.nodeName } : {}),
    })),
    // The controllers write a port's name even when empty (Name: &portName), so JSON shows "name": "".
    ports: slice.ports.map((p) => ({ name: p.name ?? "", port: p.port, protocol: p.protocol })),
  };
}
