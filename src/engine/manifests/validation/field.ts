import { type DiagnosticMessage, type EngineMessage, message } from "../../messages/index.ts";
import type { Severity } from "../types.ts";

/** A finding about one field of one object, before it is placed in a file (see ../diagnostics.ts). */
export interface FieldError {
  /** The field path exactly as the API server prints it. */
  path: string;
  /** Where in the source to mark it, when more exact than `path` (the key of a map). */
  at?: string;
  text: DiagnosticMessage;
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

// The constructors below mirror k8s.io/apimachinery/pkg/util/validation/field (errors.go ErrorType
// strings); a detail is a message of its own, in the learner's language like the rest.

export function required(path: string, detail?: EngineMessage): FieldError {
  const text = detail ? message("field.requiredDetail", { detail }) : message("field.required");
  return { path, severity: "error", text };
}

export function invalid(path: string, value: unknown, detail: EngineMessage): FieldError {
  return { path, severity: "error", text: message("field.invalid", { value: formatValue(value), detail }) };
}

/** Invalid for a []string (spec.clusterIPs): field.Error prints it with %#v, `[]string{"a", "b"}`. */
export function invalidStrings(path: string, values: readonly string[], detail: EngineMessage): FieldError {
  const value = `[]string{${values.map((v) => JSON.stringify(v)).join(", ")}}`;
  return { path, severity: "error", text: message("field.invalid", { value, detail }) };
}

export function notSupported(path: string, value: unknown, supported: readonly string[]): FieldError {
  const list = supported.map((s) => JSON.stringify(s)).join(", ");
  return {
    path,
    severity: "error",
    text: message("field.notSupported", { value: formatValue(value), supported: list }),
  };
}

export function duplicate(path: string, value: unknown, detail?: EngineMessage): FieldError {
  const shown = formatValue(value);
  const text = detail
    ? message("field.duplicateDetail", { value: shown, detail })
    : message("field.duplicate", { value: shown });
  return { path, severity: "error", text };
}

export function forbidden(path: string, detail: EngineMessage): FieldError {
  return { path, severity: "error", text: message("field.forbidden", { detail }) };
}

export function tooMany(path: string, actual: number, max: number): FieldError {
  return { path, severity: "error", text: message("field.tooMany", { actual, max }) };
}

/** Not an API error: something that is accepted but will not do what the author likely meant. */
export function warning(path: string, text: DiagnosticMessage): FieldError {
  return { path, severity: "warning", text };
}

/** An error with its own whole message (not one of the field.Error shapes above). */
export function fieldError(path: string, text: DiagnosticMessage): FieldError {
  return { path, severity: "error", text };
}
