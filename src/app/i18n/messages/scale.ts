import type { Dictionary } from "../types.ts";

/** A large cluster drawn compact: opening a node or a namespace's Services, and finding an object by name. */
export const scale = {
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
} satisfies Dictionary;
