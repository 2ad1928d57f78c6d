import type { Cluster, Ref } from "../../engine/index.ts";
import type { MessageKey, Params } from "../i18n/index.ts";

export interface Suggestion {
  value: string;
  /** What the address is, for the learner, in their language: "ClusterIP of svc/default/web". */
  note: { key: MessageKey; params: Params };
}

const http = (host: string, port: number) => (port === 80 ? `http://${host}/` : `http://${host}:${port}/`);

/**
 * Every address a request could be aimed at, as the cluster allocated them: Service names (which
 * resolve only from pods, through cluster DNS), ClusterIPs, NodePorts on each node, external IPs and
 * load-balancer IPs. Suggestions only: the engine decides what answers.
 */
export function requestSuggestions(cluster: Cluster): Suggestion[] {
  const out: Suggestion[] = [];
  // A set, not a search of the list: 5,000 Services are ten thousand addresses (issue 16 item 3).
  const seen = new Set<string>();
  const add = (value: string, key: MessageKey, params: Params) => {
    if (seen.has(value)) return;
    seen.add(value);
    out.push({ value, note: { key, params } });
  };
  for (const svc of cluster.services) {
    const first = svc.ports[0];
    if (svc.type === "ExternalName" || !first) {
      add(`http://${svc.name}.${svc.namespace}/`, "suggest.typed", { svc: svc.ref, type: svc.type });
      continue;
    }
    add(
      http(svc.namespace === "default" ? svc.name : `${svc.name}.${svc.namespace}`, first.port),
      "suggest.byName",
      { svc: svc.ref },
    );
    for (const port of svc.ports) {
      if (svc.clusterIP && !svc.headless)
        add(http(svc.clusterIP, port.port), "suggest.clusterIP", { svc: svc.ref });
      for (const ip of svc.externalIPs) add(http(ip, port.port), "suggest.externalIP", { svc: svc.ref });
      for (const ip of svc.loadBalancerIPs)
        add(http(ip, port.port), "suggest.loadBalancer", { svc: svc.ref });
      // A hostname in status.loadBalancer.ingress: AWS's NLB name, Docker Desktop's localhost.
      for (const { hostname } of svc.loadBalancerIngress)
        if (hostname) add(http(hostname, port.port), "suggest.loadBalancer", { svc: svc.ref });
      if (port.nodePort !== undefined) {
        for (const node of cluster.nodes)
          add(http(node.internalIP, port.nodePort), "suggest.nodePort", { svc: svc.ref, node: node.ref });
      }
    }
  }
  return out;
}

/** Where a request can start: the external client, every node and every pod with an address. */
export function requestSources(cluster: Cluster): { nodes: Ref[]; pods: Ref[] } {
  return {
    nodes: cluster.nodes.map((n) => n.ref),
    pods: cluster.pods.filter((p) => p.podIP !== null).map((p) => p.ref),
  };
}

/** The most suggestions a destination field lists at once: thousands of options took the page a second to draw. */
export const SHOWN_SUGGESTIONS = 100;

/**
 * The suggestions that hold what is typed (in their address or their note as `noteText` renders it,
 * in the learner's language), as the browser's own list filters them; at most SHOWN_SUGGESTIONS.
 */
export function suggestionsFor(
  all: readonly Suggestion[],
  typed: string,
  noteText: (note: Suggestion["note"]) => string,
): Suggestion[] {
  const wanted = typed.trim().toLowerCase();
  const shown: Suggestion[] = [];
  for (const s of all) {
    if (shown.length === SHOWN_SUGGESTIONS) break;
    if (!wanted || s.value.toLowerCase().includes(wanted) || noteText(s.note).toLowerCase().includes(wanted))
      shown.push(s);
  }
  return shown;
}
