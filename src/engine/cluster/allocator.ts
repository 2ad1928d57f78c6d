import { fnv32a } from "./hash.ts";

/**
 * Hands out integers from [min, max] so that each key keeps its value however the others change:
 * a key starts at a hash of itself and probes upwards past taken values. This is the simulator's
 * choice (real allocators pick at random); it keeps a learner's Services stable while they edit.
 *
 * Like the real ClusterIP and NodePort allocators (KEP-3070, KEP-3668), the range is split into a
 * lower static band, left for values the user asks for, and the upper band that dynamic
 * allocation prefers; the static band is used only when the upper one is full.
 */
export class StableAllocator {
  private readonly taken = new Set<number>();

  constructor(
    private readonly min: number,
    private readonly max: number,
    private readonly staticBand: number,
  ) {}

  /** Marks a value as used (a user's request, a reserved address); false if it was already taken. */
  reserve(value: number): boolean {
    if (this.taken.has(value)) return false;
    this.taken.add(value);
    return true;
  }

  /** Frees a value again: an API server operation that fails gives back what it took (portallocator Revert). */
  release(value: number): void {
    this.taken.delete(value);
  }

  has(value: number): boolean {
    return this.taken.has(value);
  }

  /** A free value for `key`, or null when the whole range is used. */
  allocate(key: string): number | null {
    const dynamicMin = Math.min(this.min + this.staticBand, this.max + 1);
    return this.probe(key, dynamicMin, this.max) ?? this.probe(key, this.min, dynamicMin - 1);
  }

  private probe(key: string, low: number, high: number): number | null {
    const size = high - low + 1;
    if (size <= 0) return null;
    const start = fnv32a(key) % size;
    for (let i = 0; i < size; i++) {
      const value = low + ((start + i) % size);
      if (this.reserve(value)) return value;
    }
    return null;
  }
}

/**
 * ipallocator/bitmap.go and portallocator calculateRangeOffset: the static band is
 * min(max(lower, size/step), upper), and none at all for ranges of `lower` or fewer values.
 */
export function staticBandSize(size: number, lower: number, step: number, upper: number): number {
  if (size <= lower) return 0;
  return Math.min(Math.max(lower, Math.floor(size / step)), upper);
}
