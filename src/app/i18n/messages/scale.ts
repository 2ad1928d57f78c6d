import type { Messages } from "../types.ts";

/** A large cluster drawn compact: opening a node or a namespace's Services, and finding an object by name. */
export const scale = {
  en: {
    "node.showPods": "Show its pods",
    "node.hidePods": "Fold its pods",
    "node.compactNote": "Large cluster: zoom in to see each node's pods, open a node to draw them",
    "node.podChips": "Pods on {name}",
    "node.morePods": "+{count}",
    "serviceGroup.label": "Services in namespace {namespace}",
    "serviceGroup.count": "{count} Services",
    "serviceGroup.one": "1 Service",
    "serviceGroup.show": "Show its Services",
    "serviceGroup.hide": "Fold its Services",
    "search.label": "Search",
    "search.placeholder": "Find a Service or pod  ( / )",
    "search.go": "Find",
    "search.none": "No Service or pod named “{query}”",
    "command.search": "Find a Service or pod by name",
  },
  ja: {
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
  },
} satisfies Messages;
