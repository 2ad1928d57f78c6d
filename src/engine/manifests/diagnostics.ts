import { type DiagnosticMessage, message, renderMessage } from "../messages/index.ts";
import { MAX_DIAGNOSTICS } from "./limits.ts";
import type { Diagnostic, Severity, SourceFile, SourcePosition } from "./types.ts";

/** A diagnostic at a position, its English message rendered once from its text. */
export function diagnostic(
  at: SourcePosition,
  severity: Severity,
  path: string,
  text: DiagnosticMessage,
  object?: string,
): Diagnostic {
  return {
    file: at.file,
    line: at.line,
    column: at.column,
    severity,
    path,
    text,
    message: renderMessage(text),
    ...(object ? { object } : {}),
  };
}

/** Sorts diagnostics by file (in the order given), line and column, and keeps at most MAX_DIAGNOSTICS. */
export function orderDiagnostics(
  diagnostics: readonly Diagnostic[],
  files: readonly SourceFile[],
): Diagnostic[] {
  const fileOrder = new Map(files.map((f, i) => [f.name, i]));
  const sorted = diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        (fileOrder.get(a.d.file) ?? 0) - (fileOrder.get(b.d.file) ?? 0) ||
        a.d.line - b.d.line ||
        a.d.column - b.d.column ||
        a.i - b.i,
    )
    .map(({ d }) => d);
  if (sorted.length <= MAX_DIAGNOSTICS) return sorted;
  const kept = sorted.slice(0, MAX_DIAGNOSTICS);
  const dropped = sorted.slice(MAX_DIAGNOSTICS);
  const first = dropped[0] as Diagnostic;
  const {
    file,
    line,
    column,
    severity,
    text,
    message: english,
  } = diagnostic(
    first,
    dropped.some((d) => d.severity === "error") ? "error" : "warning",
    "",
    message("diagnostics.moreNotShown", { count: dropped.length, max: MAX_DIAGNOSTICS }),
  );
  // The fields in the order `svclab validate -o json` always printed them.
  kept.push({ file, line, column, path: "", severity, text, message: english });
  return kept;
}
