import type { Cluster, Ref } from "../../engine/index.ts";

/** What a search can find: Services first (fewer, and what a learner sends to), then pods. */
function candidates(cluster: Pick<Cluster, "services" | "pods">): { ref: Ref; name: string; key: string }[] {
  return [...cluster.services, ...cluster.pods].map((o) => ({
    ref: o.ref,
    name: o.name.toLowerCase(),
    key: `${o.namespace}/${o.name}`.toLowerCase(),
  }));
}

/**
 * The Service or pod a query names: its ref (`svc/NS/NAME`, `pod/NS/NAME`), `NS/NAME` or its name,
 * exactly; else the first whose name starts with the query; else the first whose name contains it.
 */
export function findObject(cluster: Pick<Cluster, "services" | "pods">, query: string): Ref | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const all = candidates(cluster);
  const exact = all.find((c) => c.ref.toLowerCase() === q || c.key === q || c.name === q);
  return (exact ?? all.find((c) => c.name.startsWith(q)) ?? all.find((c) => c.name.includes(q)))?.ref ?? null;
}
