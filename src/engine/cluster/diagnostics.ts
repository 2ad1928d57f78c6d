import { diagnostic } from "../manifests/diagnostics.ts";
import type { Diagnostic, SourcedObject } from "../manifests/types.ts";
import type { DiagnosticMessage } from "../messages/index.ts";

/** A warning pointing at `path` in the object's manifest (or at the document when that field was not written). */
export function warningAt(
  source: SourcedObject,
  path: string,
  text: DiagnosticMessage,
  object?: string,
): Diagnostic {
  const position = source.positions.get(path) ??
    source.positions.get("") ?? { file: source.file, line: 1, column: 1 };
  const { severity, ...rest } = diagnostic(
    position,
    "warning",
    source.positions.has(path) ? path : "",
    text,
    object,
  );
  // Severity first, as these warnings always printed in `svclab validate -o json`.
  return { severity, ...rest };
}
