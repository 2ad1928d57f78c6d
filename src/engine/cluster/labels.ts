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

/**
 * apimachinery labels.Requirement.Matches: a set-based operator on one label's value (undefined when
 * the label is absent); null for an operator that is not set-based (a node selector's Gt and Lt).
 */
export function setOperatorHolds(
  operator: unknown,
  value: string | undefined,
  values: readonly string[],
): boolean | null {
  switch (operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    default:
      return null;
  }
}

export function matchesRequirement(req: LabelSelectorRequirement, labels: Labels): boolean {
  return setOperatorHolds(req.operator, labels[req.key], req.values ?? []) ?? false;
}

export function matchesSelector(selector: LabelSelector, labels: Labels): boolean {
  return (
    matchesLabels(selector.matchLabels ?? {}, labels) &&
    (selector.matchExpressions ?? []).every((req) => matchesRequirement(req, labels))
  );
}

/** One namespace's items, and each label key's items by value. */
interface NamespaceIndex<T> {
  items: T[];
  byKey: Map<string, Map<string, T[]>>;
}

/**
 * Items indexed by namespace and label pair, so a Service selector is answered by intersecting
 * its rarest pair's bucket instead of scanning every pod (the informer indexers' job in a cluster).
 * Nested maps rather than one "NS/KEY/VALUE" string key: the strings come from the manifests and
 * already know their hash, where a joined key must be built, flattened and hashed for every label.
 */
export class LabelIndex<T extends { namespace: string; labels: Labels }> {
  private readonly byNamespace = new Map<string, NamespaceIndex<T>>();

  constructor(items: readonly T[]) {
    for (const item of items) {
      let index = this.byNamespace.get(item.namespace);
      if (!index) {
        index = { items: [], byKey: new Map() };
        this.byNamespace.set(item.namespace, index);
      }
      index.items.push(item);
      for (const key in item.labels) {
        let byValue = index.byKey.get(key);
        if (!byValue) {
          byValue = new Map();
          index.byKey.set(key, byValue);
        }
        const value = item.labels[key] ?? "";
        const list = byValue.get(value);
        if (list) list.push(item);
        else byValue.set(value, [item]);
      }
    }
  }

  /** Items of the namespace whose labels hold every pair of `selector`, in their original order. */
  select(namespace: string, selector: Labels): T[] {
    const index = this.byNamespace.get(namespace);
    let smallest: T[] | undefined = index?.items;
    for (const key in selector) {
      const bucket = index?.byKey.get(key)?.get(selector[key] ?? "");
      if (!bucket) return [];
      if (!smallest || bucket.length < smallest.length) smallest = bucket;
    }
    return (smallest ?? []).filter((item) => matchesLabels(selector, item.labels));
  }
}
