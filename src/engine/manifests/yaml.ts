import {
  constructFromEvents,
  EVENT_ID,
  type Event,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE,
  YAML11_SCHEMA,
  YAMLException,
} from "js-yaml/browser";
import { type DiagnosticMessage, message } from "../messages/index.ts";
import { diagnostic } from "./diagnostics.ts";
// js-yaml/browser, not js-yaml: the same parser compiled to older JavaScript, which Node 20 runs 3-5x
// faster than the ES2022 build (1 MB of manifests: parseEvents 250 ms -> 50 ms; issue 15).
import { LazyPositions } from "./lazyPositions.ts";
import { MAX_ALIAS_EXPANDED_NODES, MAX_DEPTH } from "./limits.ts";
import { createLineIndex } from "./lineIndex.ts";
import type { Diagnostic, SourceFile, SourcePosition } from "./types.ts";
import { yamlReason } from "./yamlReasons.ts";

/** One YAML document of a file: its value as plain JSON-like data and where each field path starts. */
export interface YamlDocument {
  index: number;
  value: unknown;
  positions: LazyPositions;
}

export interface YamlFile {
  documents: YamlDocument[];
  diagnostics: Diagnostic[];
}

// kubectl reads YAML with sigs.k8s.io/yaml over go-yaml v2, which resolves YAML 1.1 scalars: an
// unquoted `yes`, `on` or `0755` is a boolean or an octal number there, and so it is here.
const SCHEMA = YAML11_SCHEMA;

/** A mapping key that is itself a collection, or the `<<` merge key: its fields get no positions of their own. */
const NO_PATH = null;

/**
 * How deep the shallow positions go: the document, its top-level fields and their children (a List's
 * items). A document that is not plain data has them found while parsing; a plain one, when its
 * known() entries are asked (a List's are, to split them among its items). The rest are found when
 * first asked for (LazyPositions).
 */
const SHALLOW = 3;

interface Frame {
  isMap: boolean;
  path: string | null;
  /** The pending key of a mapping, once read; undefined while the next node is a key. */
  key: string | null | undefined;
  keyOffset: number;
  index: number;
  /** Nodes under this collection once aliases are expanded, itself included. */
  nodes: number;
  height: number;
  anchor: string | null;
}

interface Anchor {
  nodes: number;
  height: number;
}

/** Parses every document of a file; errors are diagnostics with the file's lines and columns. */
export function readYaml(file: SourceFile): YamlFile {
  const lines = createLineIndex(file.text);
  const at = (offset: number): SourcePosition => {
    const { line, column } = lines.lineColumn(offset);
    return { file: file.name, line, column };
  };
  let events: Event[];
  try {
    events = parseEvents(file.text, { maxDepth: MAX_DEPTH });
  } catch (error) {
    return { documents: [], diagnostics: [yamlErrorDiagnostic(error, file.name, at(0))] };
  }
  const options = { source: file.text, schema: SCHEMA, filename: file.name };
  // One call for the whole file is several times faster than one per document; only when it
  // fails are documents built one by one, so that the good ones survive a bad one. Made only
  // when a document is not plain data (readPlainDocument), which a manifest seldom is not.
  let whole: unknown[] | null | undefined;
  const construct = (index: number, from: number, to: number): unknown => {
    if (whole === undefined) {
      try {
        whole = constructFromEvents(events, options);
      } catch {
        whole = null;
      }
    }
    return whole ? whole[index] : constructFromEvents(events.slice(from, to + 1), options)[0];
  };
  const documents: YamlDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  // Without a single alias in the file there is nothing to count below the recorded depth. Asked
  // only for a document that is not plain data (readPlainDocument takes none with an alias).
  let aliases: boolean | undefined;
  const counting = () => (aliases ??= events.some((event) => event.type === EVENT_ID.ALIAS));
  const reader: PlainReader = { text: file.text, at, keys: new Map(), scalars: new Map(), frames: [] };
  let index = 0;
  for (let start = 0; start < events.length; index++) {
    let positions = documentPositions(events, start, file.text, at, true);
    const plain = readPlainDocument(events, start, reader, positions);
    if (plain) {
      documents.push({ index, value: plain.value, positions });
      start = plain.end + 1;
      continue;
    }
    // The shallow walk records straight into the document's positions: no copy of them per document.
    positions = documentPositions(events, start, file.text, at, false);
    const walked = walkDocument(
      events,
      start,
      file.text,
      at,
      { depth: SHALLOW, counting: counting() },
      positions,
    );
    const end = walked.end;
    if (walked.error) {
      diagnostics.push(syntaxDiagnostic(at(walked.error.offset), walked.error.text));
    } else {
      try {
        const value = construct(index, start, end);
        documents.push({
          index,
          value: walked.aliased ? toPlainData(value) : normalizeInPlace(value),
          positions,
        });
      } catch (error) {
        const documentStart = [...positions.known()].find(([path]) => path === "")?.[1];
        diagnostics.push(yamlErrorDiagnostic(error, file.name, documentStart ?? at(0)));
      }
    }
    start = end + 1;
  }
  return { documents, diagnostics };
}

/**
 * The positions of the document at `events[start]`: found in full by walking it when first asked, and
 * the shallow ones alone, when `shallow`, by a walk that skips what lies below them.
 */
function documentPositions(
  events: readonly Event[],
  start: number,
  text: string,
  at: (offset: number) => SourcePosition,
  shallow: boolean,
): LazyPositions {
  // Counting or not, a walk records the same nodes; the shallow one is only asked of a plain
  // document, which has no alias to count.
  const walk = (depth: number) => (into: Map<string, SourcePosition>) => {
    walkDocument(events, start, text, at, { depth, counting: depth === Number.POSITIVE_INFINITY }, into);
  };
  return new LazyPositions([], walk(Number.POSITIVE_INFINITY), shallow ? walk(SHALLOW) : null);
}

function syntaxDiagnostic(position: SourcePosition, text: DiagnosticMessage): Diagnostic {
  return diagnostic(position, "error", "", text);
}

function yamlErrorDiagnostic(error: unknown, file: string, fallback: SourcePosition): Diagnostic {
  if (error instanceof YAMLException) {
    const position = error.mark
      ? { file, line: error.mark.line + 1, column: error.mark.column + 1 }
      : fallback;
    return syntaxDiagnostic(position, message("yaml.syntax", { reason: yamlReason(error.reason) }));
  }
  const reason = error instanceof Error ? error.message : String(error);
  return syntaxDiagnostic(fallback, message("yaml.unreadable", { reason }));
}

interface PlainFrame {
  value: unknown[] | Record<string, unknown>;
  isList: boolean;
  /** A mapping's pending key as the constructor stores it, once read; undefined while the next node is a key. */
  key: string | undefined;
}

/**
 * What readPlainDocument keeps from one document of a file to the next: the keys and plain scalars
 * as the constructor resolves them, by their text (a file repeats few keys and many values: `http`,
 * `TCP`, `8080`), and its open collections, reused rather than made anew for each.
 */
interface PlainReader {
  text: string;
  at: (offset: number) => SourcePosition;
  keys: Map<string, string | null>;
  scalars: Map<string, unknown>;
  frames: PlainFrame[];
}

/** A plain scalar the plain path does not take: one the constructor makes an object of (plainValue). */
const NOT_PLAIN = Symbol("not plain");

/**
 * The document that starts at `events[start]`, built in one pass as constructFromEvents would build
 * it, recording the document's own position; null when it is not plain data: an anchor, alias, tag,
 * merge key, a complex, timestamp or duplicated key. Those take the general path, with its checks and
 * errors. Issue 15: building, walking and normalizing a 1 MB file were three passes over every node,
 * and recording the shallow positions of every document cost a tenth of loading it; they are found
 * when asked (documentPositions), which only a List, a diagnostic or a trace does.
 */
function readPlainDocument(
  events: readonly Event[],
  start: number,
  reader: PlainReader,
  positions: Map<string, SourcePosition>,
): { value: unknown; end: number } | null {
  const { text, at, keys, scalars, frames } = reader;
  let depth = 0;
  let root: unknown;
  for (let i = start + 1; i < events.length; i++) {
    const event = events[i];
    if (event === undefined || event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.ALIAS) return null;
    if (event.type === EVENT_ID.POP) {
      if (depth === 0) return { value: root, end: i };
      const frame = frames[--depth] as PlainFrame;
      if (frame.key !== undefined) return null;
      root = addPlainValue(depth > 0 ? frames[depth - 1] : undefined, root, frame.value);
      continue;
    }
    if (event.anchorStart >= 0 || event.tagStart >= 0) return null;
    const parent = depth > 0 ? (frames[depth - 1] as PlainFrame) : undefined;
    if (parent && !parent.isList && parent.key === undefined) {
      if (event.type !== EVENT_ID.SCALAR) return null;
      const keyText = getScalarValue(text, event);
      let name = event.style === SCALAR_STYLE.PLAIN ? keys.get(keyText) : keyText;
      if (name === undefined) {
        name = plainKey(keyText);
        keys.set(keyText, name);
      }
      // A duplicate is the general path's to report (the constructor throws on it).
      if (name === null || Object.hasOwn(parent.value, name)) return null;
      parent.key = name;
      continue;
    }
    if (!parent) {
      // As walkDocument records the document's node.
      const offset = nodeOffset(event);
      if (offset >= 0) positions.set("", at(offset));
    }
    if (event.type === EVENT_ID.SCALAR) {
      const source = getScalarValue(text, event);
      let value: unknown = source;
      if (event.style === SCALAR_STYLE.PLAIN) {
        value = scalars.get(source);
        if (value === undefined) {
          value = plainValue(source);
          scalars.set(source, value);
        }
        if (value === NOT_PLAIN) return null;
      }
      root = addPlainValue(parent, root, value);
    } else {
      const isList = event.type === EVENT_ID.SEQUENCE;
      const value = isList ? [] : {};
      const frame = frames[depth];
      if (frame === undefined) frames.push({ value, isList, key: undefined });
      else {
        frame.value = value;
        frame.isList = isList;
        frame.key = undefined;
      }
      depth++;
    }
  }
  return null;
}

/**
 * A plain scalar's value as the constructor makes it, in plain data: always a primitive, so that one
 * value may stand wherever its text does. NOT_PLAIN for any other, which the general path takes.
 */
function plainValue(source: string): unknown {
  const value = SCHEMA.resolveImplicitScalarTag(source).value;
  if (value === null || typeof value !== "object") return value;
  const plain = plainScalar(value);
  return plain === undefined || (plain !== null && typeof plain === "object") ? NOT_PLAIN : plain;
}

/** The YAML 1.1 merge key's tag (`<<`), which the general path's constructor expands. */
const MERGE_TAG = "tag:yaml.org,2002:merge";

/**
 * A plain key's name as the constructor (js-yaml's mapTag) stores it: its YAML 1.1 value as a string
 * (`yes` is "true", `0x1F` "31"). Null for the merge key and for a key whose value is an object (a
 * timestamp), which the general path expands or refuses.
 */
function plainKey(text: string): string | null {
  const resolved = SCHEMA.resolveImplicitScalarTag(text);
  if (resolved.tag.tagName === MERGE_TAG) return null;
  return resolved.value !== null && typeof resolved.value === "object" ? null : String(resolved.value);
}

/** Adds a finished node to the collection `parent`, or makes it the document's value when there is none. */
function addPlainValue(parent: PlainFrame | undefined, root: unknown, value: unknown): unknown {
  if (!parent) return value;
  if (parent.isList) {
    (parent.value as unknown[]).push(value);
    return root;
  }
  const key = parent.key as string;
  parent.key = undefined;
  // As js-yaml's mapTag: a `__proto__` key is data, never the object's prototype.
  if (key === "__proto__")
    Object.defineProperty(parent.value, key, { value, enumerable: true, configurable: true, writable: true });
  else (parent.value as Record<string, unknown>)[key] = value;
  return root;
}

interface Walked {
  /** Index of the event that closes the document. */
  end: number;
  /** Whether the document uses aliases, whose values the constructor shares rather than copies. */
  aliased?: boolean;
  positions: Map<string, SourcePosition>;
  error?: { offset: number; text: DiagnosticMessage };
}

/**
 * Follows one document's events (DOCUMENT ... POP) to learn where each field path starts, down to
 * `depth` levels of nesting, and, when `counting` (the file has aliases), counts what aliases would copy
 * so an alias bomb is refused before anything is expanded. Without counting, a collection below `depth`
 * is skipped whole (issue 15: most of a large file lies below the shallow depth).
 */
function walkDocument(
  events: readonly Event[],
  start: number,
  text: string,
  at: (offset: number) => SourcePosition,
  { depth, counting }: { depth: number; counting: boolean },
  positions: Map<string, SourcePosition>,
): Walked {
  const anchors = new Map<string, Anchor>();
  const stack: Frame[] = [];
  let copied = 0;
  const complete = (nodes: number, height: number, anchor: string | null) => {
    if (anchor !== null) anchors.set(anchor, { nodes, height });
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.nodes += nodes;
      parent.height = Math.max(parent.height, height + 1);
    }
  };
  let i = start + 1;
  for (; i < events.length; i++) {
    const event = events[i];
    if (event === undefined) break;
    if (event.type === EVENT_ID.POP) {
      const frame = stack.pop();
      if (!frame) return { end: i, positions, aliased: copied > 0 };
      complete(frame.nodes, frame.height, frame.anchor);
      continue;
    }
    if (event.type === EVENT_ID.DOCUMENT) continue;
    // Below `depth`, paths are neither built nor recorded: only the counting goes on, if any.
    const recording = stack.length < depth;
    if (!recording && !counting) {
      if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) i = closingPop(events, i, 0);
      continue;
    }
    const offset = recording ? nodeOffset(event) : -1;
    const parent = stack[stack.length - 1];
    let path: string | null;
    let fieldOffset = offset;
    if (!parent) {
      path = "";
    } else if (!parent.isMap) {
      path = parent.path === null || !recording ? NO_PATH : `${parent.path}[${parent.index}]`;
      parent.index++;
    } else if (parent.key === undefined) {
      parent.key = recording && parent.path !== null ? mappingKey(event, text) : null;
      parent.keyOffset = offset;
      path = NO_PATH;
    } else {
      path = parent.path === null || parent.key === null ? NO_PATH : joinPath(parent.path, parent.key);
      fieldOffset = parent.keyOffset;
      parent.key = undefined;
    }
    if (path !== null && fieldOffset >= 0) positions.set(path, at(fieldOffset));
    if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) {
      stack.push({
        isMap: event.type === EVENT_ID.MAPPING,
        path,
        key: undefined,
        keyOffset: offset,
        index: 0,
        nodes: 1,
        height: 1,
        anchor: anchorName(event, text),
      });
    } else if (event.type === EVENT_ID.SCALAR) {
      complete(1, 0, anchorName(event, text));
    } else {
      const name = text.slice(event.anchorStart, event.anchorEnd);
      const anchor = anchors.get(name) ?? { nodes: 1, height: 0 };
      copied += anchor.nodes;
      if (copied > MAX_ALIAS_EXPANDED_NODES) {
        return {
          end: closingPop(events, i, stack.length),
          positions,
          error: {
            offset: Math.max(0, event.anchorStart - 1),
            text: message("yaml.aliasNodes", { max: MAX_ALIAS_EXPANDED_NODES }),
          },
        };
      }
      if (stack.length + anchor.height > MAX_DEPTH) {
        return {
          end: closingPop(events, i, stack.length),
          positions,
          error: {
            offset: Math.max(0, event.anchorStart - 1),
            text: message("yaml.aliasDepth", { name, max: MAX_DEPTH }),
          },
        };
      }
      complete(anchor.nodes, anchor.height, null);
    }
  }
  return { end: i, positions, aliased: copied > 0 };
}

/** Index of the POP that closes what is open at `from`: its `open` collections, then the document or collection they are in. */
function closingPop(events: readonly Event[], from: number, open: number): number {
  let depth = open;
  for (let i = from + 1; i < events.length; i++) {
    const type = events[i]?.type;
    if (type === EVENT_ID.SEQUENCE || type === EVENT_ID.MAPPING) depth++;
    else if (type === EVENT_ID.POP) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return events.length - 1;
}

/** A scalar key's text; null for a collection used as a key or for the `<<` merge key. */
function mappingKey(event: Event, text: string): string | null {
  if (event.type !== EVENT_ID.SCALAR) return null;
  const key = getScalarValue(text, event);
  return key === "<<" && event.style === SCALAR_STYLE.PLAIN ? null : key;
}

function joinPath(parent: string, key: string): string {
  return parent === "" ? key : `${parent}.${key}`;
}

function anchorName(event: Event, text: string): string | null {
  if (event.type === EVENT_ID.POP || event.type === EVENT_ID.DOCUMENT || event.anchorStart < 0) return null;
  return text.slice(event.anchorStart, event.anchorEnd);
}

/**
 * Where a node starts in the text: its anchor or tag if it has one, else its first character. The
 * earliest of the candidates, kept as it goes rather than collected in an array: this runs for every
 * node of every document.
 */
function nodeOffset(event: Event): number {
  if (event.type === EVENT_ID.POP || event.type === EVENT_ID.DOCUMENT) return -1;
  let offset = Number.POSITIVE_INFINITY;
  if (event.anchorStart >= 0) offset = Math.min(offset, event.anchorStart - 1);
  if (event.type !== EVENT_ID.ALIAS && event.tagStart >= 0) offset = Math.min(offset, event.tagStart);
  if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING)
    offset = Math.min(offset, event.start);
  if (event.type === EVENT_ID.SCALAR && event.valueStart >= 0) {
    const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
    offset = Math.min(offset, quoted ? event.valueStart - 1 : event.valueStart);
  }
  return offset === Number.POSITIVE_INFINITY ? -1 : offset;
}

/**
 * The document as plain JSON-like data, as the API server sees it after sigs.k8s.io/yaml converts
 * YAML to JSON: timestamps become RFC 3339 strings, `!!binary` a string, `!!set` a mapping to nulls.
 */
function plainScalar(value: object): unknown {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().replace(".000Z", "Z");
  }
  if (value instanceof Uint8Array) return Array.from(value, (byte) => String.fromCharCode(byte)).join("");
  if (value instanceof Set) return Object.fromEntries([...value].map((key) => [String(key), null]));
  if (value instanceof Map)
    return Object.fromEntries([...value].map(([k, v]) => [String(k), toPlainData(v)]));
  return undefined;
}

/**
 * A deep copy in plain data, for documents with aliases: the constructor shares an anchor's value
 * wherever it is aliased, and the copy (bounded by MAX_ALIAS_EXPANDED_NODES) makes the result a
 * tree that later steps may copy and walk without sharing.
 */
function toPlainData(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(toPlainData);
  const special = plainScalar(value);
  if (special !== undefined) return special;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlainData(v)]));
}

/** Plain data without copying, for documents without aliases (already a tree): only special values are replaced. */
function normalizeInPlace(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const special = plainScalar(value);
  if (special !== undefined) return special;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item === null || typeof item !== "object") continue;
    const normal = normalizeInPlace(item);
    if (normal !== item) record[key] = normal;
  }
  return value;
}
