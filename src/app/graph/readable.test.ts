import { describe, expect, it } from "vitest";
import { MAX_FIT_ZOOM, READABLE_ZOOM, readableFit } from "./readable.ts";

describe("readableFit", () => {
  const boxes = [
    { x: 0, y: 0, width: 100, height: 50 },
    { x: 900, y: 700, width: 100, height: 100 },
  ];

  it("fits a drawing that is readable whole, centred below the top strip the search box and zoom buttons use", () => {
    const view = readableFit(boxes, { width: 1224, height: 1000 }, 0);
    // The room is 1200 × 940 (12 px each side, 48 above, 12 below): the height decides, 940 / 800.
    const zoom = 940 / 800;
    expect(view?.zoom).toBeCloseTo(zoom);
    expect(view?.y).toBeCloseTo(48);
    expect(view?.x).toBeCloseTo(12 + (1200 - 1000 * zoom) / 2);
  });

  it("never blows a small drawing up past its natural size by much", () => {
    expect(readableFit(boxes, { width: 4000, height: 4000 }, 0.04)?.zoom).toBe(MAX_FIT_ZOOM);
  });

  it("has nothing to fit without boxes", () => {
    expect(readableFit([], { width: 800, height: 600 }, 0.04)).toBeNull();
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
