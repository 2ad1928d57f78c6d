import { message } from "../../messages/index.ts";
import type { KindInfo } from "../kinds.ts";
import { child, type FieldError, fieldError, invalid } from "./field.ts";
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

/** An error at a map's own path (as the API server prints it), marked at one of its keys in the source. */
function atKey(path: string, key: string, error: FieldError): FieldError {
  return { ...error, at: child(path, key) };
}

/**
 * meta/v1/validation ValidateLabels: keys are qualified names, values label values; both reported
 * at the map's path (`metadata.labels`), as ValidateLabelName and field.Invalid(fldPath, v) do.
 */
export function validateLabels(labels: Record<string, string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  // for...in, not Object.entries: no pair made for every label of every object (issue 15).
  for (const key in labels) {
    const value = labels[key] as string;
    for (const msg of isQualifiedName(key)) errs.push(atKey(path, key, invalid(path, key, msg)));
    for (const msg of isValidLabelValue(value)) errs.push(atKey(path, key, invalid(path, value, msg)));
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
        f.add(atKey("metadata.annotations", key, invalid("metadata.annotations", key, msg)));
      size += key.length + value.length;
    }
    if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
      f.add(
        fieldError(
          "metadata.annotations",
          message("meta.annotationsTooLong", { max: TOTAL_ANNOTATION_SIZE_LIMIT }),
        ),
      );
    }
  }
}
