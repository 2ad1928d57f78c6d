import { describe, expect, it } from "vitest";
import { READABLE_ZOOM, readableFit } from "./readable.ts";

describe("readableFit", () => {
  const boxes = [
    { x: 0, y: 0, width: 100, height: 50 },
    { x: 900, y: 700, width: 100, height: 100 },
  ];

  it("leaves a drawing that fits at a readable zoom to React Flow's fit", () => {
    expect(readableFit(boxes, { width: 1200, height: 900 }, 0.04)).toBeNull();
  });

  // Issue 14: text in the graph no smaller than the body's small text at fit.
  it("keeps the readable zoom for a drawing too large for the pane, from its top left", () => {
    expect(readableFit(boxes, { width: 750, height: 440 }, 0.04)).toEqual({
      x: 12,
      y: 48,
      zoom: READABLE_ZOOM,
    });
  });
});
