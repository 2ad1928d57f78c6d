import type { Japanese } from "../types.ts";
import type { scale } from "./scale.ts";

/** scale.ts in Japanese, fetched only for a learner who reads Japanese (../japanese.ts). */
export const scaleJa: Japanese<typeof scale> = {
  "node.showPods": "Pod を表示",
  "node.hidePods": "Pod をたたむ",
  "node.compactNote": "大きなクラスター: 拡大すると各ノードの Pod が見え、ノードを開くと描かれます",
  "node.podChips": "{name} の Pod",
  "node.morePods": "ほか {count} 個",
  "serviceGroup.label": "Namespace {namespace} の Service",
  "serviceGroup.count": "Service {count} 個",
  "serviceGroup.one": "Service 1 個",
  "serviceGroup.show": "Service を表示",
  "serviceGroup.hide": "Service をたたむ",
  "search.label": "検索",
  "search.placeholder": "Service か Pod を検索  ( / )",
  "search.go": "検索",
  "search.none": "「{query}」という名前の Service も Pod もありません",
  "command.search": "Service や Pod を名前で探す",
};
