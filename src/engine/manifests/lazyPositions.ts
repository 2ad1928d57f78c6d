import type { SourcePosition } from "./types.ts";

/**
 * A document's field positions, found in full only when first read. Most documents are never asked
 * (only diagnostics, traces and the editor point into them), and finding every field's position took
 * longer than parsing the YAML (issue 15: 1 MB of manifests). The document's own position (path "")
 * is there from the start: a structured clone copies a Map's entries and nothing else, so the copy the
 * engine worker sends the page still places every object, which is all the page asks of it.
 */
export class LazyPositions extends Map<string, SourcePosition> {
  #fill: ((into: Map<string, SourcePosition>) => void) | null;
  #shallow: ((into: Map<string, SourcePosition>) => void) | null;

  /**
   * `fill` finds every position; `shallow`, when given, the document's and its top-level fields' and
   * their children's, which known() gives (the rest of a List's items are split off them).
   */
  constructor(
    known: Iterable<readonly [string, SourcePosition]>,
    fill: (into: Map<string, SourcePosition>) => void,
    shallow: ((into: Map<string, SourcePosition>) => void) | null = null,
  ) {
    super(known);
    this.#fill = fill;
    this.#shallow = shallow;
  }

  #complete(): void {
    const fill = this.#fill;
    if (!fill) return;
    this.#fill = null;
    this.#shallow = null;
    fill(this);
  }

  /** The shallow entries and any found so far, without finding the rest. */
  known(): MapIterator<[string, SourcePosition]> {
    const shallow = this.#shallow;
    if (shallow) {
      this.#shallow = null;
      shallow(this);
    }
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
