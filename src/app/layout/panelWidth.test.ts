import { describe, expect, it } from "vitest";
import { clampWidth, isPanelState, KEY_STEP, widthForKey } from "./panelWidth.ts";

const bounds = { min: 240, max: 640 };

describe("widthForKey", () => {
  it("moves a left panel's edge with the arrow keys, widening to the right", () => {
    expect(widthForKey(400, "ArrowRight", false, "left", bounds)).toBe(400 + KEY_STEP);
    expect(widthForKey(400, "ArrowLeft", false, "left", bounds)).toBe(400 - KEY_STEP);
  });

  it("moves a right panel's edge the other way, and four times as far with Shift", () => {
    expect(widthForKey(400, "ArrowLeft", true, "right", bounds)).toBe(400 + 4 * KEY_STEP);
  });

  it("goes to the narrowest and widest with Home and End, and never past them", () => {
    expect(widthForKey(400, "Home", false, "left", bounds)).toBe(240);
    expect(widthForKey(400, "End", false, "left", bounds)).toBe(640);
    expect(widthForKey(635, "ArrowRight", false, "left", bounds)).toBe(640);
  });

  it("leaves other keys alone", () => {
    expect(widthForKey(400, "Enter", false, "left", bounds)).toBeNull();
  });
});

describe("panel state", () => {
  it("clamps a dragged width into its bounds", () => {
    expect(clampWidth(90, bounds)).toBe(240);
    expect(clampWidth(401.6, bounds)).toBe(402);
  });

  it("accepts only a stored state of the right shape", () => {
    expect(isPanelState({ width: 300, open: false })).toBe(true);
    expect(isPanelState({ width: "300", open: false })).toBe(false);
    expect(isPanelState(null)).toBe(false);
  });
});
