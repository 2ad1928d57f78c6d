import { dump, load } from "js-yaml/browser";
import type { SourceFile } from "../engine/index.ts";

/**
 * The manifests as text, edited one YAML document at a time, so that a console command changes the
 * very files the editor shows. Documents are counted as js-yaml counts them: text before the first
 * `---` is a document only when it holds more than comments, and every `---` starts one.
 */
interface Chunk {
  start: number;
  end: number;
  /** The document's index in the file, or null for leading comments that are no document. */
  index: number | null;
}

const SEPARATOR = /^---(?:[ \t].*)?$/;

function chunks(text: string): Chunk[] {
  const lines = text.split("\n");
  const result: Chunk[] = [];
  let start = 0;
  let offset = 0;
  let index = 0;
  let explicit = false;
  const close = (end: number) => {
    const body = text.slice(start, end);
    const content = body
      .split("\n")
      .some((l) => l.trim() !== "" && !l.trim().startsWith("#") && !SEPARATOR.test(l));
    const isDocument = explicit || content;
    result.push({ start, end, index: isDocument ? index++ : null });
  };
  for (const line of lines) {
    if (SEPARATOR.test(line) && offset > 0) {
      close(offset);
      start = offset;
      explicit = true;
    } else if (SEPARATOR.test(line)) {
      explicit = true;
    }
    offset += line.length + 1;
  }
  close(text.length);
  return result;
}

/** The YAML to write for an object: as kubectl's own YAML reads, two spaces, no line folding. */
export function toYaml(value: unknown): string {
  return dump(value, { lineWidth: -1, noRefs: true });
}

/** The object a document holds, as written (no defaults), or null when it cannot be read. */
export function readDocument(file: SourceFile, documentIndex: number): Record<string, unknown> | null {
  const chunk = chunks(file.text).find((c) => c.index === documentIndex);
  if (!chunk) return null;
  try {
    const value = load(file.text.slice(chunk.start, chunk.end));
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The file with one document's text replaced (its `---` and leading comments kept), or removed when `yaml` is null. */
export function replaceDocument(file: SourceFile, documentIndex: number, yaml: string | null): SourceFile {
  const chunk = chunks(file.text).find((c) => c.index === documentIndex);
  if (!chunk) return file;
  const before = file.text.slice(0, chunk.start);
  const after = file.text.slice(chunk.end);
  if (yaml === null) return { name: file.name, text: before + after };
  const lines = file.text.slice(chunk.start, chunk.end).split("\n");
  const keep = lines.findIndex((l) => !SEPARATOR.test(l) && !l.trim().startsWith("#"));
  const head = lines
    .slice(0, keep < 0 ? lines.length : keep)
    .map((l) => `${l}\n`)
    .join("");
  return { name: file.name, text: `${before}${head}${yaml.replace(/\n*$/, "\n")}${after}` };
}

/** The file with a document added at its end. */
export function appendDocument(file: SourceFile, yaml: string): SourceFile {
  const text = file.text.trimEnd();
  return { name: file.name, text: `${text ? `${text}\n---\n` : ""}${yaml.replace(/\n$/, "")}\n` };
}
