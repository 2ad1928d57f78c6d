import type { SourcedObject, SourcePosition } from "./types.ts";

/**
 * Where a field path was written, or the nearest parent that was: a defaulted field (never
 * written) points at the object that holds it, and any path at least at the document.
 */
export function positionOf(object: SourcedObject, path: string): SourcePosition {
  for (let at = path; ; at = parentPath(at)) {
    const position = object.positions.get(at);
    if (position) return position;
    if (at === "") return { file: object.file, line: 1, column: 1 };
  }
}

/** `spec.ports[1].name` -> `spec.ports[1]` -> `spec.ports` -> `spec` -> "". */
export function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
  return cut <= 0 ? "" : path.slice(0, cut);
}
