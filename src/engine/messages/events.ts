/**
 * English templates of the control plane's event messages (`SimEvent.text`), keyed by code. Where
 * Kubernetes records the event, the text is its own (node_lifecycle_controller.go, replica_set.go,
 * stateful_set_control.go, the scheduler's FitError); the simulator's own events say what it did.
 */
export const eventTexts = {
  /** A list of messages, written as a first item and the rest (messageList). */
  "list.more": "{first}, {rest}",
  "list.or": "{first} or {rest}",
  "list.comma": "{first},{rest}",
  "list.none": "",
  // Nodes (node_lifecycle_controller.go records "Node NAME status is now: ...").
  "event.node.unreachable":
    "{node} stopped answering (scenario): its addresses and pods time out at once; the node lifecycle controller notices after nodeMonitorGracePeriod ({grace})",
  "event.node.notReady": "Node {node} status is now: NodeNotReady",
  "event.node.ready": "Node {node} status is now: NodeReady",
  "event.node.reachable":
    "{node} answers again (scenario), before the node lifecycle controller marked it NotReady",
  // controller_utils.go MarkPodsNotReady.
  "event.pod.nodeNotReady": "Node is not ready",
  "event.pod.evicted":
    "Marking for deletion Pod {pod} (TaintManagerEviction: node.kubernetes.io/unreachable tolerated for {seconds}s); it stays Terminating until {node}'s kubelet confirms",
  "event.pod.killedOnRecovery": "Stopping the pod's containers: {node}'s kubelet completes the deletion",
  "event.pod.killing": "Stopping the pod's containers: {why}",
  "event.pod.terminating": "{why}: it stays Terminating until {node}'s kubelet confirms",
  "event.pod.why.deleted": "deleted (scenario)",
  "event.pod.why.scaledDown": "scaled down",
  "event.pod.ready": "Readiness probe succeeded (scenario)",
  "event.pod.unhealthy": "Readiness probe failed (scenario)",
  "event.pod.scheduled": "Successfully assigned {pod} to {node}",
  // Workload controllers (deployment_controller, replica_set.go, stateful_set_control.go).
  "event.deployment.scaledUp": "Scaled up replica set {replicaSet} from {from} to {to}",
  "event.deployment.scaledDown": "Scaled down replica set {replicaSet} from {from} to {to}",
  "event.workload.scaled": "replicas {from} → {to} (scenario)",
  "event.replicaSet.created": "Created pod: {pod}",
  "event.replicaSet.deleted": "Deleted pod: {pod}",
  "event.statefulSet.created": "create Pod {pod} in StatefulSet {statefulSet} successful",
  "event.statefulSet.deleted": "delete Pod {pod} in StatefulSet {statefulSet} successful",
  // The scheduler (framework/types.go FitError, the filter plugins' reasons) and the CNI's IPAM.
  "event.scheduling.noNodeFits": "no node fits",
  "event.scheduling.fitError": "0/{total} nodes are available: {reasons}.",
  "event.scheduling.unschedulable": "{count} node(s) were unschedulable",
  "event.scheduling.untoleratedTaint": "{count} node(s) had untolerated taint {{key}: {value}}",
  "event.scheduling.nodeAffinity": "{count} node(s) didn't match Pod's node affinity/selector",
  "event.scheduling.noSuchNode":
    'spec.nodeName names node "{node}", which does not exist: no kubelet will run the pod',
  "event.scheduling.noPodIP":
    "failed to allocate for range 0: no IP addresses available in range set: {cidr}",
  // EndpointSlices and kube-proxy (the simulator's own events).
  "event.endpoint.address": "{address}",
  "event.endpoint.addressOfPod": "{address} ({pod})",
  "event.endpoint.addressOfPodOnNode": "{address} ({pod} on {node})",
  "event.endpoint.removed": "{who} left the ready endpoints of {service}",
  "event.endpoint.added": "{who} joined the ready endpoints of {service}",
  "event.proxy.synced": "kube-proxy on every node rewrote its rules: {ready} ready endpoint(s), was {before}",
  // Cloud load-balancer health checks.
  "event.healthCheck.noAnswer": "no answer from {url} within {timeout}s",
  "event.healthCheck.noLocalEndpoint": "{url} answered 503: no ready local endpoint",
  "event.healthCheck.ok": "{url} answered 200",
  "event.healthCheck.failed": "{node}: check {failures} of {threshold} failed: {detail}",
  "event.lb.backendRemoved":
    "{node} failed {threshold} consecutive health checks: the load balancer stops sending it new connections",
  "event.lb.backendAdded":
    "{node} passed {threshold} health check(s) in a row: back in the load balancer's pool ({detail})",
  // MetalLB (speaker events) and BGP routes.
  "event.metallb.announcing": 'announcing from node "{node}" with protocol "layer2"',
  "event.metallb.noNode": "no node is left to announce the address: it stops answering ARP",
  "event.bgp.routes": "the router's ECMP routes for the address go to {nodes} (was {was})",
  "event.bgp.noNode": "no node",
  "event.bgp.none": "none",
} as const satisfies Record<string, string>;
