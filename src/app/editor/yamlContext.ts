import { Text } from "@codemirror/state";

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

/** How far a document's bounds are looked for, each way: far past any real object, short enough for a 10 MB paste. */
const DOCUMENT_SCAN_LINES = 5_000;

/**
 * The first and last lines of the YAML document that holds `line`: a `---` line opens the document
 * after it. Read line by line from the editor's text, never copied whole: this runs at each keystroke.
 */
export function documentLines(doc: Text, line: number): { first: number; last: number } {
  const top = Math.max(1, line - DOCUMENT_SCAN_LINES);
  let first = line;
  while (first > top && !SEPARATOR.test(doc.line(first).text)) first--;
  const bottom = Math.min(doc.lines, line + DOCUMENT_SCAN_LINES);
  let last = line;
  while (last < bottom && !SEPARATOR.test(doc.line(last + 1).text)) last++;
  return { first, last };
}

/** The context at `offset` in `source` (the editor's text, or a string in tests). */
export function yamlContext(source: Text | string, offset: number): YamlContext {
  const doc = typeof source === "string" ? Text.of(source.split("\n")) : source;
  const cursor = doc.lineAt(offset);
  const { first, last } = documentLines(doc, cursor.number);
  let kind: string | null = null;
  for (let n = first; n <= last; n++) {
    const m = /^kind:\s*["']?([A-Za-z]+)/.exec(doc.line(n).text);
    if (m?.[1]) kind = m[1];
  }

  const typed = doc.sliceString(cursor.from, offset);
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
  for (let n = cursor.number - 1; n >= first && col > 0; n--) {
    const line = shape(doc.line(n).text);
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
