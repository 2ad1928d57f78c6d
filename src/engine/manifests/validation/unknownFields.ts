import { message } from "../../messages/index.ts";
import { nearest } from "../builtinKinds.ts";
import { ANY, type FieldSchema, type FieldsSchema, schemaOf } from "../schema/index.ts";
import { child, type FieldError, fieldError, index } from "./field.ts";
import { isObj, type Obj } from "./values.ts";

/**
 * A field its type does not have. kubectl's strict field validation (KEP-2885, the default since
 * 1.27) rejects it — `strict decoding error: unknown field "spec.selectr"` — so a typo is never
 * silently dropped; the nearest known field is suggested. Marked on the key itself.
 */
export function unknownField(path: string, key: string, known: readonly string[]): FieldError {
  const meant = nearest(key, known);
  const text = meant
    ? message("field.unknownDidYouMean", { field: key, meant })
    : message("field.unknown", { field: key });
  return fieldError(child(path, key), text);
}

/** The fields of `value` that are not in `known`. */
export function unknownKeys(value: Obj, path: string, known: readonly string[]): FieldError[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => unknownField(path, key, known));
}

/** Every field of an object its kind does not have (nothing, for kinds without a schema). */
export function unknownFields(object: Obj & { apiVersion: string; kind: string }): FieldError[] {
  const schema = schemaOf(object.apiVersion, object.kind);
  const out: FieldError[] = [];
  if (schema) walk(object, schema, [], out);
  return out;
}

/**
 * `at`: the keys and indexes down to `value`, made into a path only for a field that is unknown
 * (issue 15: building every field's path string cost more than the check itself on 1 MB).
 */
function walk(value: unknown, schema: FieldSchema, at: (string | number)[], out: FieldError[]): void {
  if (schema === ANY) return;
  // A value of the wrong type is the kind's own validation's to report; only shapes that fit are walked.
  if (isList(schema)) {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      walk(value[i], schema[0], at, out);
      at.pop();
    }
    return;
  }
  if (!isObj(value)) return;
  const fields = fieldsOf(schema);
  // for...in, not Object.keys: no array of keys made for every object of every manifest (issue 15).
  // Parsed YAML is plain data, whose prototype has no enumerable key of its own.
  for (const key in value) {
    const fieldSchema = fields.get(key);
    if (fieldSchema === undefined) out.push(unknownField(pathOf(at), key, Object.keys(schema)));
    else if (fieldSchema !== ANY) {
      at.push(key);
      walk(value[key], fieldSchema, at, out);
      at.pop();
    }
  }
}

const compiled = new WeakMap<FieldsSchema, Map<string, FieldSchema>>();

/** A schema's fields as a Map, made once per schema: one lookup per field where an object took two. */
function fieldsOf(schema: FieldsSchema): Map<string, FieldSchema> {
  let fields = compiled.get(schema);
  if (!fields) {
    fields = new Map(Object.entries(schema));
    compiled.set(schema, fields);
  }
  return fields;
}

function pathOf(at: readonly (string | number)[]): string {
  return at.reduce<string>(
    (path, step) => (typeof step === "number" ? index(path, step) : child(path, step)),
    "",
  );
}

// Array.isArray does not narrow a readonly tuple out of a union.
function isList(schema: FieldSchema): schema is readonly [FieldSchema] {
  return Array.isArray(schema);
}
