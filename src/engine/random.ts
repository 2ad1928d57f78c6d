/**
 * The engine's one source of randomness: a seeded PRNG (mulberry32), so that a seed replays the same
 * pod names, the same iptables choices and the same traffic everywhere (tests, CLI, browser).
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** The generator's state, to save and resume a sequence. */
  readonly state: number;
}

export function createRandom(seed: number): Random {
  // The state is kept as a signed 32-bit integer (`| 0`), which V8 stores without allocating, and
  // read as unsigned (`>>> 0`) where it shows: the same bits, so the same sequence as mulberry32's.
  let s = seed | 0;
  return {
    next() {
      s = (s + 0x6d2b79f5) | 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    int(n: number) {
      return Math.floor(this.next() * n);
    },
    get state() {
      return s >>> 0;
    },
  };
}
