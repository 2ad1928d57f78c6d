import type { KindInfo } from "../kinds.ts";
import { child, type FieldError, invalid } from "./field.ts";
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from "./names.ts";
import type { Fields, Obj } from "./values.ts";

const NAME_RULES = {
  dns1123Subdomain: isDNS1123Subdomain,
  dns1123Label: isDNS1123Label,
  dns1035Label: isDNS1035Label,
} as const;

/** apimachinery ValidateAnnotations: TotalAnnotationSizeLimitB. */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** meta/v1/validation ValidateLabels: keys are qualified names, values label values. */
export function validateLabels(labels: Record<string, string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const at = child(path, key);
    for (const msg of isQualifiedName(key)) errs.push(invalid(at, key, msg));
    for (const msg of isValidLabelValue(value)) errs.push(invalid(at, value, msg));
  }
  return errs;
}

/** apimachinery ValidateObjectMeta, for a kind whose scope and name rule `info` gives. */
export function validateObjectMeta(object: Obj, info: KindInfo, f: Fields): void {
  const meta = f.object(object, "metadata", "");
  if (!meta) return;
  const name = f.string(meta, "name", "metadata");
  if (name !== undefined) {
    for (const msg of NAME_RULES[info.name](name)) f.add(invalid("metadata.name", name, msg));
  }
  const namespace = f.string(meta, "namespace", "metadata");
  if (info.namespaced && namespace !== undefined) {
    // validation.go ValidateObjectMeta: ValidateNamespaceName = NameIsDNSLabel
    for (const msg of isDNS1123Label(namespace)) f.add(invalid("metadata.namespace", namespace, msg));
  }
  const labels = f.stringMap(meta, "labels", "metadata");
  if (labels) f.add(...validateLabels(labels, "metadata.labels"));
  const annotations = f.stringMap(meta, "annotations", "metadata");
  if (annotations) {
    let size = 0;
    for (const [key, value] of Object.entries(annotations)) {
      // ValidateAnnotations checks the lower-cased key
      for (const msg of isQualifiedName(key.toLowerCase()))
        f.add(invalid(child("metadata.annotations", key), key, msg));
      size += key.length + value.length;
    }
    if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
      f.add({
        path: "metadata.annotations",
        severity: "error",
        message: `Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`,
      });
    }
  }
}
