import type { Labels } from "../manifests/types.ts";

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/** metav1.LabelSelector: matchLabels ANDed with matchExpressions (In, NotIn, Exists, DoesNotExist). */
export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: LabelSelectorRequirement[];
}

export function matchesLabels(selector: Labels, labels: Labels): boolean {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}

export function matchesRequirement(req: LabelSelectorRequirement, labels: Labels): boolean {
  const value = labels[req.key];
  const values = req.values ?? [];
  switch (req.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    default:
      return false;
  }
}

export function matchesSelector(selector: LabelSelector, labels: Labels): boolean {
  return (
    matchesLabels(selector.matchLabels ?? {}, labels) &&
    (selector.matchExpressions ?? []).every((req) => matchesRequirement(req, labels))
  );
}

/**
 * Items indexed by namespace and label pair, so a Service selector is answered by intersecting
 * its rarest pair's bucket instead of scanning every pod (the informer indexers' job in a cluster).
 */
export class LabelIndex<T extends { namespace: string; labels: Labels }> {
  private readonly byPair = new Map<string, T[]>();
  private readonly byNamespace = new Map<string, T[]>();

  constructor(items: readonly T[]) {
    for (const item of items) {
      push(this.byNamespace, item.namespace, item);
      for (const key in item.labels) push(this.byPair, pairKey(item.namespace, key, item.labels[key]), item);
    }
  }

  /** Items of the namespace whose labels hold every pair of `selector`, in their original order. */
  select(namespace: string, selector: Labels): T[] {
    let smallest: T[] | undefined = this.byNamespace.get(namespace);
    for (const key in selector) {
      const bucket = this.byPair.get(pairKey(namespace, key, selector[key]));
      if (!bucket) return [];
      if (!smallest || bucket.length < smallest.length) smallest = bucket;
    }
    return (smallest ?? []).filter((item) => matchesLabels(selector, item.labels));
  }
}

function pairKey(namespace: string, key: string, value: string | undefined): string {
  return `${namespace}\u0000${key}\u0000${value ?? ""}`;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
