import type { NodeState, PodState, Ref } from "../cluster/types.ts";
import { type HopMessage, hopMessage, message } from "../messages/index.ts";
import { clientRef, isNodeRef, isPodRef, nodeName } from "../refs.ts";
import type { DataPlane } from "./dataplane.ts";
import { type Refusal, refuse } from "./refusal.ts";

/** Who sends: the external client, a node (its host network) or a pod, with the resolver it uses. */
export interface RequestSource {
  ref: Ref;
  ip: string;
  /** The node whose kernel (and kube-proxy rules) the packet leaves through; null for the external client. */
  node: NodeState | null;
  pod: PodState | null;
  /**
   * Cluster DNS with the pod's namespace (dnsPolicy ClusterFirst), or the upstream resolver only:
   * nodes and the external client never query cluster DNS (the kubelet writes kube-dns only into
   * pods' resolv.conf), nor do pods with dnsPolicy Default or on the host network.
   */ dns: { cluster: true; namespace: string } | { cluster: false; why: HopMessage };
}

export type SourceResult = { ok: true; value: RequestSource } | Refusal;

export const EXTERNAL_CLIENT: Ref = clientRef();

/** The DNS the kubelet configures for a pod (pkg/kubelet/network/dns: getPodDNSType). */
function podDNS(pod: PodState): RequestSource["dns"] {
  const policy = (pod.object.spec as { dnsPolicy?: unknown } | undefined)?.dnsPolicy ?? "ClusterFirst";
  if (policy === "ClusterFirstWithHostNet") return { cluster: true, namespace: pod.namespace };
  if (policy === "ClusterFirst") {
    return pod.hostNetwork
      ? { cluster: false, why: hopMessage("hop.dns-why-host-network", {}) }
      : { cluster: true, namespace: pod.namespace };
  }
  if (policy === "Default") return { cluster: false, why: hopMessage("hop.dns-why-default", {}) };
  return { cluster: false, why: hopMessage("hop.dns-why-policy", { policy: String(policy) }) };
}

/** Reads `external`, `client/external`, `node/NAME` or `pod/NS/NAME`. */
export function resolveSource(dp: DataPlane, from: string): SourceResult {
  if (from === "external" || from === EXTERNAL_CLIENT) {
    return {
      ok: true,
      value: {
        ref: EXTERNAL_CLIENT,
        ip: dp.cluster.settings.externalClientIP,
        node: null,
        pod: null,
        dns: { cluster: false, why: hopMessage("hop.dns-why-external", {}) },
      },
    };
  }
  if (isNodeRef(from)) {
    const node = dp.nodes.get(nodeName(from));
    if (!node) return refuse(message("request.noNode", { from, nodes: [...dp.nodes.keys()].join(", ") }));
    const why = hopMessage("hop.dns-why-node", {});
    return {
      ok: true,
      value: { ref: node.ref, ip: node.internalIP, node, pod: null, dns: { cluster: false, why } },
    };
  }
  if (isPodRef(from)) {
    const pod = dp.podByRef.get(from);
    if (!pod) return refuse(message("request.noPod", { from }));
    const node = pod.nodeName ? dp.nodes.get(pod.nodeName) : undefined;
    if (!pod.podIP || !node) {
      return refuse(
        pod.pendingReason
          ? message("request.podPendingBecause", { from, reason: pod.pendingReason })
          : message("request.podPending", { from }),
      );
    }
    return { ok: true, value: { ref: pod.ref, ip: pod.podIP, node, pod, dns: podDNS(pod) } };
  }
  return refuse(message("request.source", { from }));
}
