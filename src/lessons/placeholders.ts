import type { Cluster } from "../engine/index.ts";

/**
 * Solutions name addresses the cluster allocates (a ClusterIP, a NodePort) as placeholders, filled
 * in from the cluster at the moment the command runs: `http://{clusterIP:svc/default/web}/`.
 * Returns null when a placeholder names something the cluster does not have (yet).
 */
export function fillPlaceholders(text: string, cluster: Cluster): string | null {
  let missing = false;
  const filled = text.replace(/\{(\w+):([^}]+)\}/g, (_match, what: string, ref: string) => {
    const value = lookup(cluster, what, ref);
    if (value === undefined) missing = true;
    return value ?? "";
  });
  return missing ? null : filled;
}

function lookup(cluster: Cluster, what: string, ref: string): string | undefined {
  const service = cluster.services.find((s) => s.ref === ref);
  switch (what) {
    case "podIP":
      return cluster.pods.find((p) => p.ref === ref)?.podIP ?? undefined;
    case "nodeIP":
      return cluster.nodes.find((n) => n.ref === ref)?.internalIP;
    case "clusterIP":
      return service?.clusterIP ?? undefined;
    case "externalIP":
      return service?.externalIPs[0];
    case "loadBalancerIP":
      return service?.loadBalancerIPs[0];
    case "nodePort": {
      const port = service?.ports.find((p) => p.nodePort)?.nodePort;
      return port === undefined ? undefined : String(port);
    }
    default:
      return undefined;
  }
}
