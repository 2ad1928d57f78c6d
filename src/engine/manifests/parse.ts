import { type DiagnosticMessage, type EngineMessage, message } from "../messages/index.ts";
import { diagnostic, orderDiagnostics } from "./diagnostics.ts";
import { LazyPositions } from "./lazyPositions.ts";
import { MAX_FILE_CHARS, MAX_TOTAL_CHARS } from "./limits.ts";
import { parentPath } from "./positions.ts";
import type { Diagnostic, KubeObject, Result, SourcedObject, SourceFile, SourcePosition } from "./types.ts";
import { isObj } from "./validation/values.ts";
import { readYaml } from "./yaml.ts";

export interface Parsed {
  objects: SourcedObject[];
  diagnostics: Diagnostic[];
}

/**
 * Multi-document YAML to objects with the position of every field. A `kind: List` (what
 * `kubectl get -o yaml` prints) is unwrapped into its items; empty documents are skipped.
 */
export function parseManifests(files: readonly SourceFile[]): Result<SourcedObject[]> {
  const { objects, diagnostics: found } = readManifests(files);
  const diagnostics = orderDiagnostics(found, files);
  return diagnostics.some((d) => d.severity === "error")
    ? { ok: false, diagnostics }
    : { ok: true, value: objects, diagnostics };
}

/** parseManifests' work, keeping the objects that did parse even when others did not. */
export function readManifests(files: readonly SourceFile[]): Parsed {
  const objects: SourcedObject[] = [];
  const diagnostics: Diagnostic[] = [];
  let total = 0;
  for (const file of files) {
    total += file.text.length;
    const at: SourcePosition = { file: file.name, line: 1, column: 1 };
    if (file.text.length > MAX_FILE_CHARS) {
      diagnostics.push(
        fileError(
          at,
          message("file.tooLong", {
            length: file.text.length,
            max: MAX_FILE_CHARS,
            mib: MAX_FILE_CHARS / 2 ** 20,
          }),
        ),
      );
      continue;
    }
    if (total > MAX_TOTAL_CHARS) {
      diagnostics.push(
        fileError(at, message("file.tooMuch", { max: MAX_TOTAL_CHARS, mib: MAX_TOTAL_CHARS / 2 ** 20 })),
      );
      continue;
    }
    const yaml = readYaml(file);
    diagnostics.push(...yaml.diagnostics);
    for (const document of yaml.documents) {
      if (document.value === null || document.value === undefined) continue;
      if (isList(document.value)) {
        const items = document.value.items;
        if (!Array.isArray(items)) {
          diagnostics.push(fileError(position(document.positions, "items", at), message("file.listItems")));
          continue;
        }
        const itemPositions = listItemPositions(document.positions, items.length);
        items.forEach((item, i) => {
          const positions = itemPositions[i] ?? new Map();
          const source = { file: file.name, documentIndex: document.index, positions };
          check(item, source, objects, diagnostics, position(positions, "", at));
        });
      } else {
        const source = { file: file.name, documentIndex: document.index, positions: document.positions };
        check(document.value, source, objects, diagnostics, at);
      }
    }
  }
  return { objects, diagnostics };
}

function fileError(at: SourcePosition, text: DiagnosticMessage, path = ""): Diagnostic {
  return diagnostic(at, "error", path, text);
}

/** The position of `path` or of its nearest written parent. */
function position(
  positions: ReadonlyMap<string, SourcePosition>,
  path: string,
  fallback: SourcePosition,
): SourcePosition {
  for (let at = path; ; at = parentPath(at)) {
    const found = positions.get(at);
    if (found) return found;
    if (at === "") return fallback;
  }
}

/** `kind: List` (v1), and typed lists such as ServiceList, as `kubectl get -o yaml` prints them. */
function isList(value: unknown): value is { items: unknown } {
  return isObj(value) && typeof value.kind === "string" && value.kind.endsWith("List") && "items" in value;
}

/**
 * Each item's positions of a List document, as lazy as the document's: the shallow ones (each item
 * itself) at once, the rest split off the whole document's when an item's are first asked for.
 */
function listItemPositions(positions: LazyPositions, count: number): LazyPositions[] {
  let all: Map<string, SourcePosition>[] | undefined;
  return splitListPositions(positions.known(), count).map(
    (known, i) =>
      new LazyPositions(known, (into) => {
        all ??= splitListPositions(positions, count);
        for (const [path, at] of all[i] ?? []) into.set(path, at);
      }),
  );
}

/** Moves `items[i].x` positions of a List document to each item's own `x`. */
function splitListPositions(
  positions: Iterable<[string, SourcePosition]>,
  count: number,
): Map<string, SourcePosition>[] {
  const out = Array.from({ length: count }, () => new Map<string, SourcePosition>());
  for (const [path, at] of positions) {
    const match = /^items\[(\d+)\](?:\.|(?=\[)|$)/.exec(path);
    const target = match ? out[Number(match[1])] : undefined;
    if (match && target) target.set(path.slice(match[0].length), at);
  }
  return out;
}

/** The shape every object needs before any kind's rules apply: a mapping with apiVersion, kind and metadata.name. */
function check(
  value: unknown,
  source: Omit<SourcedObject, "object">,
  objects: SourcedObject[],
  diagnostics: Diagnostic[],
  fallback: SourcePosition,
): void {
  // The usual case, checked before any closure or message is made for the others (issue 15).
  if (
    isObj(value) &&
    isName(value.apiVersion) &&
    isName(value.kind) &&
    isObj(value.metadata) &&
    isName(value.metadata.name)
  ) {
    // Written out, not spread: this runs for every object (issue 15). The keys in the spread's order.
    const { file, documentIndex, positions } = source;
    objects.push({ file, documentIndex, positions, object: value as KubeObject });
    return;
  }
  const at = (path: string) => position(source.positions, path, fallback);
  if (!isObj(value)) {
    const text = Array.isArray(value)
      ? message("file.notMappingList")
      : message("file.notMapping", {
          type: typeof value,
          value: String(JSON.stringify(value)?.slice(0, 40)),
        });
    diagnostics.push(fileError(at(""), text));
    return;
  }
  const errors: Diagnostic[] = [];
  const requireString = (holder: Record<string, unknown>, key: string, path: string, hint: EngineMessage) => {
    const field = holder[key];
    if (field === undefined || field === null || field === "") {
      errors.push(fileError(at(path), message("field.requiredDetail", { detail: hint }), path));
    } else if (typeof field !== "string") {
      const detail = message("type.wrongString");
      errors.push(
        fileError(at(path), message("field.invalid", { value: JSON.stringify(field), detail }), path),
      );
    }
  };
  requireString(value, "apiVersion", "apiVersion", message("file.apiVersionRequired"));
  requireString(value, "kind", "kind", message("file.kindRequired"));
  const metadata = value.metadata;
  if (!isObj(metadata)) {
    const text =
      metadata === undefined || metadata === null
        ? message("field.requiredDetail", { detail: message("file.metadataRequired") })
        : message("field.invalid", {
            value: JSON.stringify(metadata).slice(0, 40),
            detail: message("type.mustBeMapping"),
          });
    errors.push(fileError(at("metadata"), text, "metadata"));
  } else {
    requireString(metadata, "name", "metadata.name", message("file.nameRequired"));
  }
  if (errors.length > 0) {
    diagnostics.push(...errors);
    return;
  }
  objects.push({ ...source, object: value as KubeObject });
}

/** What requireString accepts: a string that is not empty. */
function isName(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}
