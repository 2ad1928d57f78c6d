import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { browserStorage, readStored, writeStored } from "../persist/storage.ts";
import {
  clampSize,
  dragGrowth,
  isPanelState,
  type PanelBounds,
  type PanelSide,
  type PanelState,
  sizeForKey,
} from "./panelSize.ts";

export interface Panel extends PanelState {
  bounds: PanelBounds;
  setSize(size: number): void;
  toggle(): void;
}

/** A panel's size and open state, kept across reloads under `layout.KEY`. */
export function usePanel(key: string, initial: PanelState, bounds: PanelBounds): Panel {
  const storageKey = `layout.${key}`;
  const [state, setState] = useState<PanelState>(() => {
    const stored = readStored(browserStorage(), storageKey, isPanelState) ?? initial;
    return { ...stored, size: clampSize(stored.size, bounds) };
  });
  useEffect(() => {
    writeStored(browserStorage(), storageKey, state);
  }, [storageKey, state]);
  const { min, max } = bounds;
  const setSize = useCallback(
    (size: number) => setState((s) => ({ ...s, size: clampSize(size, { min, max }) })),
    [min, max],
  );
  const toggle = useCallback(() => setState((s) => ({ ...s, open: !s.open })), []);
  return { ...state, bounds, setSize, toggle };
}

/** The button that shows or hides a side panel. */
export function PanelToggle({ panel, controls, label }: { panel: Panel; controls: string; label: string }) {
  return (
    <button
      type="button"
      aria-expanded={panel.open}
      aria-controls={controls}
      onClick={panel.toggle}
      className={`rounded border px-2 py-0.5 text-sm ${
        panel.open ? "border-white/70 bg-white/15" : "border-white/40"
      } text-white hover:bg-white/20`}
    >
      {label}
    </button>
  );
}

/**
 * A side panel beside the graph, with a separator on its inner edge that resizes it by dragging or with
 * the arrow keys (the WAI-ARIA window splitter pattern). A hidden panel stays mounted, so its state
 * (the editor's text, a scroll position) is still there when it is shown again.
 */
export function SidePanelFrame({
  panel,
  side,
  id,
  resizeLabel,
  collapsed = false,
  children,
}: {
  panel: Panel;
  side: "left" | "right";
  id: string;
  resizeLabel: string;
  /** Narrow and not resizable, for a panel with nothing to show yet. */
  collapsed?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      id={id}
      hidden={!panel.open}
      className={`relative flex shrink-0 flex-col border-slate-200 max-md:w-full! max-md:border-x-0 max-md:border-b ${
        side === "left" ? "border-r max-md:max-h-[75vh]" : "border-l"
      }`}
      style={{ width: collapsed ? COLLAPSED_WIDTH : panel.size }}
    >
      {children}
      {!collapsed && <Splitter panel={panel} side={side} controls={id} label={resizeLabel} />}
    </div>
  );
}

/** A collapsed panel's width in CSS pixels: room for a short line of hint text. */
const COLLAPSED_WIDTH = 144;

/** Where the separator sits on its panel's edge, and the pointer it shows. */
const EDGE: Record<PanelSide, string> = {
  left: "inset-y-0 -right-1 h-full w-2 cursor-col-resize",
  right: "inset-y-0 -left-1 h-full w-2 cursor-col-resize",
  bottom: "inset-x-0 -top-1 h-2 w-full cursor-row-resize",
};

/**
 * The separator on a panel's inner edge (the WAI-ARIA window splitter pattern): dragged, or moved with
 * the arrow keys, Home and End, it sets the panel's size; its value is that size in CSS pixels. Hidden
 * on a phone, where the panels stack and take the window's width.
 */
export function Splitter({
  panel,
  side,
  controls,
  label,
}: {
  panel: Panel;
  side: PanelSide;
  controls: string;
  label: string;
}) {
  const drag = useRef<{ x: number; y: number; size: number } | null>(null);
  return (
    <hr
      tabIndex={0}
      // A bar between columns is a vertical separator; one between a panel and what is above it, horizontal.
      aria-orientation={side === "bottom" ? "horizontal" : "vertical"}
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={panel.size}
      aria-valuemin={panel.bounds.min}
      aria-valuemax={panel.bounds.max}
      className={`absolute z-20 m-0 border-0 touch-none hover:bg-sky-300/60 focus-visible:bg-sky-500/70 focus-visible:outline-none max-md:hidden ${EDGE[side]}`}
      onKeyDown={(event) => {
        const size = sizeForKey(panel.size, event.key, event.shiftKey, side, panel.bounds);
        if (size === null) return;
        event.preventDefault();
        panel.setSize(size);
      }}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { x: event.clientX, y: event.clientY, size: panel.size };
      }}
      onPointerMove={(event) => {
        const start = drag.current;
        if (!start) return;
        panel.setSize(start.size + dragGrowth(side, event.clientX - start.x, event.clientY - start.y));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
    />
  );
}
