import type { Diagnostic, SourcedObject } from "../manifests/types.ts";

/** A warning pointing at `path` in the object's manifest (or at the document when that field was not written). */
export function warningAt(source: SourcedObject, path: string, message: string, object?: string): Diagnostic {
  const position = source.positions.get(path) ??
    source.positions.get("") ?? { file: source.file, line: 1, column: 1 };
  return {
    severity: "warning",
    file: position.file,
    line: position.line,
    column: position.column,
    path: source.positions.has(path) ? path : "",
    message,
    ...(object ? { object } : {}),
  };
}
