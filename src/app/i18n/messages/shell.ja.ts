import type { Japanese } from "../types.ts";
import type { shell } from "./shell.ts";

/** shell.ts in Japanese, fetched only for a learner who reads Japanese (../japanese.ts). */
export const shellJa: Japanese<typeof shell> = {
  "app.title": "Service Lab",
  "app.tagline": "Kubernetes の Service がトラフィックを運ぶ様子を、パケットごとに見てみよう。",
  "app.language": "言語",
  "app.languageFailed":
    "{language} を読み込めませんでした（オフライン？）。接続してからもう一度選んでください。",
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
};
