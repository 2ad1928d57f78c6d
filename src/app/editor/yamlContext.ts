/**
 * Where the cursor is in a YAML manifest, read from indentation alone so that it works on
 * half-typed text that no parser accepts: the document's `kind`, the keys above the cursor, and
 * whether the cursor is on a key or on a key's value. Block style only (what kubectl prints).
 */
export interface YamlContext {
  /** The `kind:` of the document the cursor is in, if it has one yet. */
  kind: string | null;
  /** The keys from the document's root to the mapping the cursor is in; "[]" steps into a list item. */
  parents: string[];
  /** On a key: the text of the key typed so far. On a value: the key it belongs to. */
  key: string;
  /** "key": completing a key; "value": completing the value after `key: `. */
  at: "key" | "value";
  /** Offsets of the word being completed (the partial key or value). */
  from: number;
  to: number;
  /** The column keys start at on this line (where a new sibling key would go). */
  column: number;
}

const SEPARATOR = /^---(\s|$)/;
const KEY_LINE = /^(\s*)((?:-\s+)*)(?:([^\s#:'"{[\]-][^:#]*?)\s*:(?:\s|$))?/;

interface LineShape {
  /** Column of the first "- " on the line, or -1. */
  dash: number;
  /** Column where the key (or the content after the dashes) starts. */
  content: number;
  key: string | null;
}

function shape(line: string): LineShape | null {
  if (/^\s*(#.*)?$/.test(line)) return null;
  const m = KEY_LINE.exec(line);
  if (!m) return null;
  const indent = m[1]?.length ?? 0;
  const dashes = m[2] ?? "";
  const key = m[3] ?? null;
  return { dash: dashes ? indent : -1, content: indent + dashes.length, key };
}

function documentBounds(lines: string[], lineIndex: number): { start: number; end: number } {
  let start = lineIndex;
  while (start > 0 && !SEPARATOR.test(lines[start - 1] ?? "")) start--;
  if (SEPARATOR.test(lines[start] ?? "") && start < lineIndex) start++;
  let end = lineIndex;
  while (end + 1 < lines.length && !SEPARATOR.test(lines[end + 1] ?? "")) end++;
  return { start, end };
}

export function yamlContext(text: string, offset: number): YamlContext {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  const lines = text.split("\n");
  const lineIndex = before.split("\n").length - 1;
  const { start, end } = documentBounds(lines, lineIndex);
  let kind: string | null = null;
  for (let i = start; i <= end; i++) {
    const m = /^kind:\s*["']?([A-Za-z]+)/.exec(lines[i] ?? "");
    if (m?.[1]) kind = m[1];
  }

  const typed = before.slice(lineStart);
  const indent = /^\s*/.exec(typed)?.[0].length ?? 0;
  const dashes = /^\s*((?:-\s+)*)/.exec(typed)?.[1] ?? "";
  const column = indent + dashes.length;
  const rest = typed.slice(column);
  const value = /^([^\s:#][^:#]*?):\s+(\S*)$/.exec(rest);
  const at = value ? "value" : "key";
  const key = value ? (value[1] ?? "") : (/^[\w./-]*$/.exec(rest)?.[0] ?? "");
  const word = value ? (value[2] ?? "") : key;

  const parents: string[] = [];
  let col = column;
  if (dashes) {
    parents.push("[]");
    col = indent;
  }
  for (let i = lineIndex - 1; i >= start && col > 0; i--) {
    const line = shape(lines[i] ?? "");
    if (!line) continue;
    if (line.dash >= 0 && line.dash < col && line.content >= col) {
      // A sibling key inside the same list item ("- name: http" above "  port: 80").
      parents.push("[]");
      col = line.dash;
    } else if (line.content < col && line.key !== null) {
      parents.push(line.key);
      col = line.content;
      if (line.dash >= 0) {
        parents.push("[]");
        col = line.dash;
      }
    }
  }
  return { kind, parents: parents.reverse(), key, at, from: offset - word.length, to: offset, column };
}
