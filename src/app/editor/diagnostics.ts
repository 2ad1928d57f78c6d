import type { Diagnostic as EditorDiagnostic } from "@codemirror/lint";
import type { Line, Text } from "@codemirror/state";
import type { Cluster, Diagnostic, EngineMessage } from "../../engine/index.ts";

/** A 1-based line and column in the text, clamped into it (it may have changed since the build): its line and offset. */
function positionIn(doc: Text, line: number, column: number): { line: Line; at: number } {
  const target = doc.line(Math.min(Math.max(1, line), doc.lines));
  return { line: target, at: Math.min(target.from + Math.max(0, column - 1), target.to) };
}

/** The offset of a 1-based line and column, clamped into the text (it may have changed since the build). */
export function offsetOf(doc: Text, line: number, column: number): number {
  return positionIn(doc, line, column).at;
}

/**
 * The engine's diagnostics for one file as editor markers: from the reported column to the end of
 * that line's text, with the field path shown beside the message (in the learner's language). The
 * message is written when the editor shows it (a marker's tooltip), not for every marker: a 2 MiB
 * import's 8,400 warnings, all written at once, were a third of a task over 100 ms (issue 16 item 3).
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
      const { line, at: from } = positionIn(doc, d.line, d.column);
      const end = line.from + line.text.trimEnd().length;
      return {
        from,
        to: Math.max(end, from),
        severity: d.severity,
        get message() {
          return say(d.text);
        },
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
