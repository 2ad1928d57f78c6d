import { describe, expect, it } from "vitest";
import { createRandom } from "./random.ts";

describe("createRandom", () => {
  it("replays the same sequence for the same seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it("gives mulberry32's sequence, for seeds and states past 2^31 too", () => {
    const r = createRandom(4_000_000_000);
    expect([r.next(), r.next(), r.next()]).toEqual([
      0.6919068221468478, 0.5511944761965424, 0.666226316941902,
    ]);
    expect(r.state).toBeGreaterThanOrEqual(0);
  });

  it("resumes from a saved state", () => {
    const a = createRandom(7);
    a.next();
    const b = createRandom(a.state);
    expect(b.next()).toBe(a.next());
  });

  it("spreads int(n) over every value in [0, n)", () => {
    const r = createRandom(3);
    const counts = new Map<number, number>();
    for (let i = 0; i < 4000; i++) {
      const v = r.int(4);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([0, 1, 2, 3]);
    for (const c of counts.values()) expect(c).toBeGreaterThan(850);
  });
});
