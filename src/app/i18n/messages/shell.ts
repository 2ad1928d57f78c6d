import type { Messages } from "../types.ts";

/** The page frame: header, language switch, layout regions. */
export const shell = {
  en: {
    "app.title": "Service Lab",
    "app.tagline": "Watch Kubernetes Services route traffic, packet by packet.",
    "app.language": "Language",
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
  },
  ja: {
    "app.title": "Service Lab",
    "app.tagline": "Kubernetes の Service がトラフィックを運ぶ様子を、パケットごとに見てみよう。",
    "app.language": "言語",
    "region.cluster": "クラスター",
    "skip.cluster": "クラスターへ移動",
    "app.loading": "読み込んでいます…",
    "graph.label": "クラスターのグラフ",
    "graph.minimap": "クラスターのミニマップ",
    "node.label": "ノード {name}",
    "node.ready": "Ready",
    "node.notReady": "NotReady",
    "node.ip": "IP",
    "node.podCIDR": "Pod",
  },
} satisfies Messages;
