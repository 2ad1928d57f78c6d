import data from "./fields.json";

/**
 * The fields of the kinds Service Lab simulates, with Kubernetes' own descriptions (its OpenAPI
 * spec, 1.30), shipped with the app so that completion and hover docs work offline.
 */
export interface Field {
  /** Description. */
  d: string;
  /** Scalar type, when the field is not an object of a named type. */
  t?: "string" | "integer" | "boolean" | "object" | "map" | "int-or-string";
  /** The named type of an object field (a key of `types`). */
  r?: string;
  /** A list of such values. */
  l?: boolean;
  /** The values the field accepts. */
  e?: string[];
}

interface TypeDoc {
  d: string;
  f: Record<string, Field>;
}

const types = data.types as Record<string, TypeDoc>;
const kinds = data.kinds as Record<string, { apiVersion: string; type: string }>;

export const SCHEMA_KINDS: readonly string[] = Object.keys(kinds);

export function apiVersionOf(kind: string): string | undefined {
  return kinds[kind]?.apiVersion;
}

/** The root of a document: its kind's fields, or for an unknown kind the four every object has. */
function rootType(kind: string | null): TypeDoc {
  const known = kind ? kinds[kind] : undefined;
  const type = known ? types[known.type] : undefined;
  if (type) return type;
  const service = types["core.Service"] as TypeDoc;
  return { d: "", f: service.f };
}

/**
 * The field at a path of keys ("[]" steps into a list item), or undefined where the schema has
 * nothing (free-form maps like labels, fields the simulator ignores).
 */
export function fieldAt(kind: string | null, path: readonly string[]): Field | undefined {
  let fields: Record<string, Field> | undefined = rootType(kind).f;
  let field: Field | undefined;
  let inList = false;
  for (const key of path) {
    if (key === "[]") {
      if (!field?.l || inList) return undefined;
      inList = true;
      continue;
    }
    if (field?.l && !inList) return undefined;
    field = fields?.[key];
    if (!field) return undefined;
    inList = false;
    fields = field.r ? types[field.r]?.f : undefined;
  }
  return field;
}

/** The fields a mapping at `parents` may have. */
export function fieldsAt(kind: string | null, parents: readonly string[]): Record<string, Field> | undefined {
  if (parents.length === 0) return rootType(kind).f;
  const parent = fieldAt(kind, parents);
  if (!parent?.r) return undefined;
  const inItem = parents[parents.length - 1] === "[]";
  if (Boolean(parent.l) !== inItem) return undefined;
  return types[parent.r]?.f;
}

/** A short type label for a field: "string", "[]ServicePort", "map[string]string". */
export function typeLabel(field: Field): string {
  const base = field.r
    ? (field.r.split(".")[1] ?? field.r)
    : field.t === "map"
      ? "map[string]string"
      : (field.t ?? "");
  return field.l ? `[]${base}` : base;
}
