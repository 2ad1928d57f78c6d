import type { SourcePosition } from "./types.ts";

/**
 * A document's field positions, found in full only when first read. Most documents are never asked
 * (only diagnostics, traces and the editor point into them), and finding every field's position took
 * longer than parsing the YAML (issue 15: 1 MB of manifests). The shallow entries (the document, its
 * top-level fields, a List's items) are there from the start: a structured clone copies a Map's entries
 * and nothing else, so the copy the engine worker sends the page still places every object.
 */
export class LazyPositions extends Map<string, SourcePosition> {
  #fill: ((into: Map<string, SourcePosition>) => void) | null;

  constructor(
    known: Iterable<readonly [string, SourcePosition]>,
    fill: (into: Map<string, SourcePosition>) => void,
  ) {
    super(known);
    this.#fill = fill;
  }

  #complete(): void {
    const fill = this.#fill;
    if (!fill) return;
    this.#fill = null;
    fill(this);
  }

  /** The entries found so far, without finding the rest. */
  known(): MapIterator<[string, SourcePosition]> {
    return super.entries();
  }

  override get(path: string): SourcePosition | undefined {
    this.#complete();
    return super.get(path);
  }

  override has(path: string): boolean {
    this.#complete();
    return super.has(path);
  }

  override get size(): number {
    this.#complete();
    return super.size;
  }

  override forEach(
    callback: (value: SourcePosition, key: string, map: Map<string, SourcePosition>) => void,
    thisArg?: unknown,
  ): void {
    this.#complete();
    super.forEach(callback, thisArg);
  }

  override entries(): MapIterator<[string, SourcePosition]> {
    this.#complete();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.#complete();
    return super.keys();
  }

  override values(): MapIterator<SourcePosition> {
    this.#complete();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[string, SourcePosition]> {
    return this.entries();
  }
}
