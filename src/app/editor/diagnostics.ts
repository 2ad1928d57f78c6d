import type { Diagnostic as EditorDiagnostic } from "@codemirror/lint";
import type { Text } from "@codemirror/state";
import type { Cluster, Diagnostic, EngineMessage } from "../../engine/index.ts";

/** The offset of a 1-based line and column, clamped into the text (it may have changed since the build). */
export function offsetOf(doc: Text, line: number, column: number): number {
  const target = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(target.from + Math.max(0, column - 1), target.to);
}

/**
 * The engine's diagnostics for one file as editor markers: from the reported column to the end of
 * that line's text, with the field path shown beside the message (in the learner's language).
 */
export function toEditorDiagnostics(
  doc: Text,
  diagnostics: readonly Diagnostic[],
  file: string,
  say: (message: EngineMessage) => string,
): EditorDiagnostic[] {
  return diagnostics
    .filter((d) => d.file === file)
    .map((d) => {
      const from = offsetOf(doc, d.line, d.column);
      const lineEnd = doc.lineAt(from).to;
      const end = from + doc.sliceString(from, lineEnd).trimEnd().length;
      return {
        from,
        to: Math.max(end, from),
        severity: d.severity,
        message: say(d.text),
        ...(d.path ? { source: d.path } : {}),
      };
    });
}

/**
 * What the problems list shows: the errors of the last build, and while the cluster is current, its
 * warnings (kinds not simulated, pods left Pending), each once, in file and line order.
 */
export function problemsOf(
  diagnostics: readonly Diagnostic[],
  cluster: Cluster | null,
  stale: boolean,
): Diagnostic[] {
  const all = [...diagnostics, ...(cluster && !stale ? cluster.warnings : [])];
  const seen = new Set<string>();
  return (
    all
      .filter((d) => {
        const key = `${d.file}:${d.line}:${d.column}:${d.path}:${d.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      // Most neighbours share their file: comparing the names by locale only when they differ.
      .sort(
        (a, b) =>
          (a.file === b.file ? 0 : a.file.localeCompare(b.file)) || a.line - b.line || a.column - b.column,
      )
  );
}
