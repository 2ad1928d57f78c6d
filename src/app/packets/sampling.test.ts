import { describe, expect, it } from "vitest";
import { drawEvery, firstAfter, oneIn } from "./sampling.ts";

describe("the Time view's sample of its traffic", () => {
  it("draws every kept request at 1x, and thins a fast clock to what a frame can show", () => {
    expect(drawEvery(10, 1)).toBe(1);
    // 60x: three kept requests a second of clock, 180 a real second, drawn one in three.
    expect(drawEvery(10, 60)).toBe(3);
    expect(oneIn(10, 60)).toBe(10);
  });

  it("finds the packets sent since the last frame by when they left", () => {
    const packets = [1, 1.5, 2, 2, 3].map((sentAt) => ({ sentAt }));
    expect(firstAfter(packets, 0)).toBe(0);
    expect(firstAfter(packets, 1.5)).toBe(2);
    expect(firstAfter(packets, 2)).toBe(4);
    expect(firstAfter(packets, 3)).toBe(5);
  });
});
