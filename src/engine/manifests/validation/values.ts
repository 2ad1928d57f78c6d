import { type DiagnosticMessage, message } from "../../messages/index.ts";
import { child, type FieldError, index, invalid } from "./field.ts";

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Absent as Go's JSON decoding sees it: missing or an explicit null. */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

type TypeMessage = Extract<DiagnosticMessage, { code: `type.${string}` }>;

function typeName(value: unknown): TypeMessage {
  if (Array.isArray(value)) return message("type.list");
  if (value === null) return message("type.null");
  if (typeof value === "object") return message("type.mapping");
  if (typeof value === "number") return message(Number.isInteger(value) ? "type.integer" : "type.number");
  if (typeof value === "string") return message("type.string");
  if (typeof value === "boolean") return message("type.boolean");
  return message("type.other", { type: typeof value });
}

/**
 * The API server decodes JSON into typed Go structs, so a value of the wrong type is refused
 * before any validation rule runs ("cannot unmarshal string into Go struct field ... of type int32").
 */
export function wrongType(path: string, value: unknown, expected: TypeMessage): FieldError {
  return invalid(path, value, message("type.wrong", { expected, actual: typeName(value) }));
}

const INT32_MAX = 2 ** 31 - 1;

/**
 * Typed reads of an object's fields that record a type error instead of returning a mistyped
 * value. A missing field and an explicit `null` both read as undefined, as Go's JSON decoding
 * leaves the zero value for both.
 */
export class Fields {
  readonly errors: FieldError[] = [];

  add(...errors: FieldError[]): void {
    this.errors.push(...errors);
  }

  string(obj: Obj, key: string, path: string): string | undefined {
    return this.read(obj, key, path, expectString, isString);
  }

  bool(obj: Obj, key: string, path: string): boolean | undefined {
    return this.read(obj, key, path, expectBoolean, isBoolean);
  }

  /** An int32, as most Kubernetes integer fields are. */
  int(obj: Obj, key: string, path: string): number | undefined {
    return this.read(obj, key, path, expectInteger, isInt32);
  }

  /** intstr.IntOrString: an int32 or a string (targetPort, maxSurge...). */
  intOrString(obj: Obj, key: string, path: string): number | string | undefined {
    return this.read(obj, key, path, expectIntOrString, isIntOrString);
  }

  object(obj: Obj, key: string, path: string): Obj | undefined {
    return this.read(obj, key, path, expectMapping, isObj);
  }

  list(obj: Obj, key: string, path: string): unknown[] | undefined {
    return this.read(obj, key, path, expectList, Array.isArray);
  }

  /** The items of a list that are mappings, with their indexes; other items are type errors. */
  objects(obj: Obj, key: string, path: string): { item: Obj; path: string; index: number }[] {
    const at = child(path, key);
    const list = this.list(obj, key, path) ?? [];
    const out: { item: Obj; path: string; index: number }[] = [];
    list.forEach((item, i) => {
      if (isObj(item)) out.push({ item, path: index(at, i), index: i });
      else this.add(wrongType(index(at, i), item, message("type.mapping")));
    });
    return out;
  }

  /** A list of strings; other items are type errors and left out. */
  strings(obj: Obj, key: string, path: string): { value: string; path: string }[] {
    const at = child(path, key);
    const list = this.list(obj, key, path) ?? [];
    const out: { value: string; path: string }[] = [];
    list.forEach((item, i) => {
      if (typeof item === "string") out.push({ value: item, path: index(at, i) });
      else this.add(wrongType(index(at, i), item, message("type.string")));
    });
    return out;
  }

  /** map[string]string (labels, annotations, selectors); values of other types are type errors and left out. */
  stringMap(obj: Obj, key: string, path: string): Record<string, string> | undefined {
    const map = this.object(obj, key, path);
    if (!map) return undefined;
    // Built in place, not through entry pairs: labels and selectors are read for every object.
    const strings: Record<string, string> = {};
    for (const k of Object.keys(map)) {
      const v = map[k];
      if (typeof v !== "string") this.add(invalid(child(child(path, key), k), v, notAString(v)));
      // A `__proto__` key is data, as Object.fromEntries keeps it: assigning it would set the prototype.
      else if (k === "__proto__")
        Object.defineProperty(strings, k, { value: v, enumerable: true, writable: true, configurable: true });
      else strings[k] = v;
    }
    return strings;
  }

  private read<T>(
    obj: Obj,
    key: string,
    path: string,
    expected: () => TypeMessage,
    is: (v: unknown) => v is T,
  ): T | undefined {
    const value = obj[key];
    if (isAbsent(value)) return undefined;
    if (is(value)) return value;
    this.add(wrongType(child(path, key), value, expected()));
    return undefined;
  }
}

// What each typed read accepts, and the type it names when a value is not one: made once here, and the
// message only for a value of another type (issue 15: every read of 1 MB made both).
const isString = (value: unknown): value is string => typeof value === "string";
const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
const isIntOrString = (value: unknown): value is number | string => isString(value) || isInt32(value);
const expectString = () => message("type.string");
const expectBoolean = () => message("type.booleanTrueFalse");
const expectInteger = () => message("type.integer");
const expectIntOrString = () => message("type.integerOrString");
const expectMapping = () => message("type.mapping");
const expectList = () => message("type.list");

/** Why a value is not a string; YAML 1.1 reads unquoted `yes`, `on`, `true` or `8080` as a boolean or a number, a classic surprise in labels. */
function notAString(value: unknown): DiagnosticMessage {
  const actual = typeName(value);
  return typeof value === "boolean" || typeof value === "number"
    ? message("type.stringUnquoted", { actual })
    : message("type.wrong", { expected: message("type.string"), actual });
}

function isInt32(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= INT32_MAX;
}
