/**
 * A panel's size across its separator (a side panel's width, a bottom panel's height) and whether it is
 * open, as kept across reloads.
 */
export interface PanelState {
  size: number;
  open: boolean;
}

export interface PanelBounds {
  min: number;
  max: number;
}

/** Where a panel sits beside the part it shares its room with: its separator is on the opposite edge. */
export type PanelSide = "left" | "right" | "bottom";

/** How far one arrow key press moves a panel's edge, in CSS pixels; with Shift, four times as far. */
export const KEY_STEP = 16;

export function clampSize(size: number, { min, max }: PanelBounds): number {
  return Math.round(Math.min(max, Math.max(min, size)));
}

/** The arrow key that moves each side's separator away from its panel, so the panel grows. */
const GROW_KEY: Record<PanelSide, string> = { left: "ArrowRight", right: "ArrowLeft", bottom: "ArrowUp" };
const SHRINK_KEY: Record<PanelSide, string> = { left: "ArrowLeft", right: "ArrowRight", bottom: "ArrowDown" };

/**
 * The size a key press on a panel's separator gives, as the WAI-ARIA window splitter pattern has it:
 * arrows move the edge (toward the panel shrinks it), Home and End go to the smallest and largest.
 * `side` is where the panel sits, so that ArrowLeft narrows a left panel and widens a right one, and
 * ArrowUp makes a bottom panel taller. Returns null for keys the separator does not handle.
 */
export function sizeForKey(
  size: number,
  key: string,
  shift: boolean,
  side: PanelSide,
  bounds: PanelBounds,
): number | null {
  const step = shift ? KEY_STEP * 4 : KEY_STEP;
  if (key === GROW_KEY[side]) return clampSize(size + step, bounds);
  if (key === SHRINK_KEY[side]) return clampSize(size - step, bounds);
  if (key === "Home") return bounds.min;
  if (key === "End") return bounds.max;
  return null;
}

/** How far a drag of the separator by (dx, dy) grows the panel on `side`. */
export function dragGrowth(side: PanelSide, dx: number, dy: number): number {
  if (side === "left") return dx;
  if (side === "right") return -dx;
  return -dy;
}

export function isPanelState(value: unknown): value is PanelState {
  const v = value as Partial<PanelState> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.size === "number" &&
    Number.isFinite(v.size) &&
    typeof v.open === "boolean"
  );
}
