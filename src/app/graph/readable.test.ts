import { describe, expect, it } from "vitest";
import { MAX_FIT_ZOOM, minimapCorner, READABLE_ZOOM, readableFit } from "./readable.ts";

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

describe("minimapCorner", () => {
  const pane = { width: 800, height: 500 };
  const still = { x: 0, y: 0, zoom: 1 };

  it("draws no minimap while the whole drawing is in view", () => {
    expect(minimapCorner([{ x: 10, y: 10, width: 700, height: 400 }], still, pane)).toBeNull();
  });

  it("goes to the bottom right when that corner covers no box, else the bottom left, else still the bottom right", () => {
    const tall = { x: 300, y: 0, width: 100, height: 900 };
    expect(minimapCorner([tall], still, pane)).toBe("bottom-right");
    const podBottomRight = { x: 700, y: 400, width: 80, height: 50 };
    expect(minimapCorner([tall, podBottomRight], still, pane)).toBe("bottom-left");
    const everywhere = { x: 0, y: 0, width: 800, height: 900 };
    expect(minimapCorner([everywhere], still, pane)).toBe("bottom-right");
  });

  it("reads boxes where the view draws them: zoomed and panned", () => {
    // At zoom 2, panned 100 px left, a box at x 380 is drawn from 660: under the bottom-right minimap.
    const box = { x: 380, y: 200, width: 40, height: 40 };
    const away = { x: 0, y: 0, width: 10, height: 400 };
    const view = { x: -100, y: 0, zoom: 2 };
    expect(minimapCorner([box, away], view, pane)).toBe("bottom-left");
  });
});
