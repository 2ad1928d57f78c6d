import type { Cluster, Ref } from "../../engine/index.ts";

export interface Suggestion {
  value: string;
  /** What the address is, for the learner: "ClusterIP of svc/default/web". */
  note: string;
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
  const add = (value: string, note: string) => {
    if (seen.has(value)) return;
    seen.add(value);
    out.push({ value, note });
  };
  for (const svc of cluster.services) {
    const first = svc.ports[0];
    if (svc.type === "ExternalName" || !first) {
      add(`http://${svc.name}.${svc.namespace}/`, `${svc.ref} (${svc.type})`);
      continue;
    }
    add(
      http(svc.namespace === "default" ? svc.name : `${svc.name}.${svc.namespace}`, first.port),
      `${svc.ref} by name`,
    );
    for (const port of svc.ports) {
      if (svc.clusterIP && !svc.headless) add(http(svc.clusterIP, port.port), `ClusterIP of ${svc.ref}`);
      for (const ip of svc.externalIPs) add(http(ip, port.port), `external IP of ${svc.ref}`);
      for (const ip of svc.loadBalancerIPs) add(http(ip, port.port), `load balancer of ${svc.ref}`);
      // A hostname in status.loadBalancer.ingress: AWS's NLB name, Docker Desktop's localhost.
      for (const { hostname } of svc.loadBalancerIngress)
        if (hostname) add(http(hostname, port.port), `load balancer of ${svc.ref}`);
      if (port.nodePort !== undefined) {
        for (const node of cluster.nodes)
          add(http(node.internalIP, port.nodePort), `NodePort of ${svc.ref} on ${node.ref}`);
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

/** The suggestions that hold what is typed (in their address or their note), as the browser's own list filters them; at most SHOWN_SUGGESTIONS. */
export function suggestionsFor(all: readonly Suggestion[], typed: string): Suggestion[] {
  const wanted = typed.trim().toLowerCase();
  const shown: Suggestion[] = [];
  for (const s of all) {
    if (shown.length === SHOWN_SUGGESTIONS) break;
    if (!wanted || s.value.toLowerCase().includes(wanted) || s.note.toLowerCase().includes(wanted))
      shown.push(s);
  }
  return shown;
}
