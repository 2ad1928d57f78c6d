import { MAX_DIAGNOSTICS } from "./limits.ts";
import type { Diagnostic, SourceFile } from "./types.ts";

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
  kept.push({
    file: first.file,
    line: first.line,
    column: first.column,
    path: "",
    severity: dropped.some((d) => d.severity === "error") ? "error" : "warning",
    message: `${dropped.length} more problems not shown (at most ${MAX_DIAGNOSTICS} are reported at once)`,
  });
  return kept;
}
