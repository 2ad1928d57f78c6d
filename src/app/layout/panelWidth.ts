/** A side panel's width and whether it is open, as kept across reloads. */
export interface PanelState {
  width: number;
  open: boolean;
}

export interface PanelBounds {
  min: number;
  max: number;
}

/** How far one arrow key press moves a panel's edge, in CSS pixels; with Shift, four times as far. */
export const KEY_STEP = 16;

export function clampWidth(width: number, { min, max }: PanelBounds): number {
  return Math.round(Math.min(max, Math.max(min, width)));
}

/**
 * The width a key press on a panel's separator gives, as the WAI-ARIA window splitter pattern has it:
 * arrows move the edge (toward the panel narrows it), Home and End go to the narrowest and widest.
 * `side` is where the panel sits, so that ArrowLeft narrows a left panel and widens a right one.
 * Returns null for keys the separator does not handle.
 */
export function widthForKey(
  width: number,
  key: string,
  shift: boolean,
  side: "left" | "right",
  bounds: PanelBounds,
): number | null {
  const step = shift ? KEY_STEP * 4 : KEY_STEP;
  const grow = side === "left" ? 1 : -1;
  switch (key) {
    case "ArrowRight":
      return clampWidth(width + grow * step, bounds);
    case "ArrowLeft":
      return clampWidth(width - grow * step, bounds);
    case "Home":
      return bounds.min;
    case "End":
      return bounds.max;
    default:
      return null;
  }
}

export function isPanelState(value: unknown): value is PanelState {
  const v = value as Partial<PanelState> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.width === "number" &&
    Number.isFinite(v.width) &&
    typeof v.open === "boolean"
  );
}
