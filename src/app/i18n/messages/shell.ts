import type { Dictionary } from "../types.ts";

/** The page frame: header, language switch, layout regions. */
export const shell = {
  "app.title": "Service Lab",
  "app.tagline": "Watch Kubernetes Services route traffic, packet by packet.",
  "app.language": "Language",
  "app.languageFailed": "{language} could not be loaded (offline?): choose it again once connected.",
  "region.cluster": "Cluster",
  "skip.cluster": "Skip to the cluster",
  "app.loading": "Loading…",
  "graph.label": "Cluster graph",
  "graph.minimap": "Minimap of the cluster",
  "node.label": "Node {name}",
  "node.ready": "Ready",
  "node.notReady": "NotReady",
  "node.ip": "IP",
  "node.podCIDR": "pods",
} satisfies Dictionary;
