import { describe, expect, it } from "vitest";
import { clampSize, dragGrowth, isPanelState, KEY_STEP, sizeForKey } from "./panelSize.ts";

const bounds = { min: 240, max: 640 };

describe("sizeForKey", () => {
  it("moves a left panel's edge with the arrow keys, widening to the right", () => {
    expect(sizeForKey(400, "ArrowRight", false, "left", bounds)).toBe(400 + KEY_STEP);
    expect(sizeForKey(400, "ArrowLeft", false, "left", bounds)).toBe(400 - KEY_STEP);
  });

  it("moves a right panel's edge the other way, and four times as far with Shift", () => {
    expect(sizeForKey(400, "ArrowLeft", true, "right", bounds)).toBe(400 + 4 * KEY_STEP);
  });

  it("makes a bottom panel taller with ArrowUp and shorter with ArrowDown; left and right do nothing", () => {
    expect(sizeForKey(400, "ArrowUp", false, "bottom", bounds)).toBe(400 + KEY_STEP);
    expect(sizeForKey(400, "ArrowDown", false, "bottom", bounds)).toBe(400 - KEY_STEP);
    expect(sizeForKey(400, "ArrowLeft", false, "bottom", bounds)).toBeNull();
  });

  it("goes to the smallest and largest with Home and End, and never past them", () => {
    expect(sizeForKey(400, "Home", false, "left", bounds)).toBe(240);
    expect(sizeForKey(400, "End", false, "left", bounds)).toBe(640);
    expect(sizeForKey(635, "ArrowRight", false, "left", bounds)).toBe(640);
  });

  it("leaves other keys alone", () => {
    expect(sizeForKey(400, "Enter", false, "left", bounds)).toBeNull();
  });
});

describe("dragGrowth", () => {
  it("grows a panel as its separator is dragged away from it", () => {
    expect(dragGrowth("left", 30, 5)).toBe(30);
    expect(dragGrowth("right", -30, 5)).toBe(30);
    expect(dragGrowth("bottom", 5, -30)).toBe(30);
  });
});

describe("panel state", () => {
  it("clamps a dragged size into its bounds", () => {
    expect(clampSize(90, bounds)).toBe(240);
    expect(clampSize(401.6, bounds)).toBe(402);
  });

  it("accepts only a stored state of the right shape", () => {
    expect(isPanelState({ size: 300, open: false })).toBe(true);
    expect(isPanelState({ size: "300", open: false })).toBe(false);
    expect(isPanelState({ width: 300, open: false })).toBe(false);
    expect(isPanelState(null)).toBe(false);
  });
});
