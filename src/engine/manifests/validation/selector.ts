import type { LabelSelector, LabelSelectorRequirement } from "../../cluster/labels.ts";
import { message } from "../../messages/index.ts";
import { child, forbidden, index, invalid, required } from "./field.ts";
import { validateLabels } from "./meta.ts";
import { isQualifiedName, isValidLabelValue } from "./names.ts";
import type { Fields, Obj } from "./values.ts";

const OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"];

/**
 * meta/v1/validation ValidateLabelSelector. Returns the selector when it is well-formed enough to
 * match against labels, else undefined (its errors are in `f`).
 */
export function validateLabelSelector(selector: Obj, path: string, f: Fields): LabelSelector | undefined {
  const before = f.errors.length;
  const matchLabels = f.stringMap(selector, "matchLabels", path);
  if (matchLabels) f.add(...validateLabels(matchLabels, child(path, "matchLabels")));
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const { item, path: at } of f.objects(selector, "matchExpressions", path)) {
    const key = f.string(item, "key", at);
    const operator = f.string(item, "operator", at);
    const values = f.strings(item, "values", at);
    if (key === undefined) f.add(required(child(at, "key")));
    else for (const msg of isQualifiedName(key)) f.add(invalid(child(at, "key"), key, msg));
    if (operator === undefined) f.add(required(child(at, "operator")));
    else if (!OPERATORS.includes(operator))
      f.add(invalid(child(at, "operator"), operator, message("selector.operator")));
    else if ((operator === "In" || operator === "NotIn") && values.length === 0) {
      f.add(required(child(at, "values"), message("selector.valuesRequired")));
    } else if ((operator === "Exists" || operator === "DoesNotExist") && values.length > 0) {
      f.add(forbidden(child(at, "values"), message("selector.valuesForbidden")));
    }
    values.forEach(({ value }, i) => {
      for (const msg of isValidLabelValue(value)) f.add(invalid(index(child(at, "values"), i), value, msg));
    });
    if (key !== undefined && operator !== undefined) {
      matchExpressions.push({ key, operator, values: values.map((v) => v.value) });
    }
  }
  if (f.errors.length > before) return undefined;
  return { matchLabels: matchLabels ?? {}, matchExpressions };
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return (
    Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0
  );
}
