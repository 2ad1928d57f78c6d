import type { Severity } from "../types.ts";

/** A finding about one field of one object, before it is placed in a file (see ../diagnostics.ts). */
export interface FieldError {
  /** The field path exactly as the API server prints it. */
  path: string;
  /** Where in the source to mark it, when more exact than `path` (the key of a map). */
  at?: string;
  message: string;
  severity: Severity;
}

/** A child field's path; a map key added this way only ever serves as a FieldError's `at`. */
export function child(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

const MAX_SHOWN_VALUE = 80;

/** A value as field.Error prints it: strings quoted, numbers bare, anything else as short JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "null";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE - 3)}...` : text;
}

// The constructors below mirror k8s.io/apimachinery/pkg/util/validation/field (errors.go ErrorType strings).

export function required(path: string, detail = ""): FieldError {
  return { path, severity: "error", message: detail ? `Required value: ${detail}` : "Required value" };
}

export function invalid(path: string, value: unknown, detail: string): FieldError {
  return { path, severity: "error", message: `Invalid value: ${formatValue(value)}: ${detail}` };
}

export function notSupported(path: string, value: unknown, supported: readonly string[]): FieldError {
  const list = supported.map((s) => JSON.stringify(s)).join(", ");
  return {
    path,
    severity: "error",
    message: `Unsupported value: ${formatValue(value)}: supported values: ${list}`,
  };
}

export function duplicate(path: string, value: unknown, detail = ""): FieldError {
  return {
    path,
    severity: "error",
    message: `Duplicate value: ${formatValue(value)}${detail ? `: ${detail}` : ""}`,
  };
}

export function forbidden(path: string, detail: string): FieldError {
  return { path, severity: "error", message: `Forbidden: ${detail}` };
}

export function tooMany(path: string, actual: number, max: number): FieldError {
  return { path, severity: "error", message: `Too many: ${actual}: must have at most ${max} items` };
}

/** Not an API error: something that is accepted but will not do what the author likely meant. */
export function warning(path: string, message: string): FieldError {
  return { path, severity: "warning", message };
}
