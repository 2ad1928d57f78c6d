import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { browserStorage, readStored, writeStored } from "../persist/storage.ts";
import { clampWidth, isPanelState, type PanelBounds, type PanelState, widthForKey } from "./panelWidth.ts";

export interface Panel extends PanelState {
  bounds: PanelBounds;
  setWidth(width: number): void;
  toggle(): void;
}

/** A side panel's width and open state, kept across reloads under `layout.KEY`. */
export function usePanel(key: string, initial: PanelState, bounds: PanelBounds): Panel {
  const storageKey = `layout.${key}`;
  const [state, setState] = useState<PanelState>(() => {
    const stored = readStored(browserStorage(), storageKey, isPanelState) ?? initial;
    return { ...stored, width: clampWidth(stored.width, bounds) };
  });
  useEffect(() => {
    writeStored(browserStorage(), storageKey, state);
  }, [storageKey, state]);
  const { min, max } = bounds;
  const setWidth = useCallback(
    (width: number) => setState((s) => ({ ...s, width: clampWidth(width, { min, max }) })),
    [min, max],
  );
  const toggle = useCallback(() => setState((s) => ({ ...s, open: !s.open })), []);
  return { ...state, bounds, setWidth, toggle };
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
      style={{ width: collapsed ? COLLAPSED_WIDTH : panel.width }}
    >
      {children}
      {!collapsed && <Separator panel={panel} side={side} id={id} resizeLabel={resizeLabel} />}
    </div>
  );
}

/** A collapsed panel's width in CSS pixels: room for a short line of hint text. */
const COLLAPSED_WIDTH = 176;

function Separator({
  panel,
  side,
  id,
  resizeLabel,
}: {
  panel: Panel;
  side: "left" | "right";
  id: string;
  resizeLabel: string;
}) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const outward = side === "left" ? 1 : -1;
  return (
    <hr
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={resizeLabel}
      aria-controls={id}
      aria-valuenow={panel.width}
      aria-valuemin={panel.bounds.min}
      aria-valuemax={panel.bounds.max}
      className={`absolute inset-y-0 z-20 m-0 h-full w-2 cursor-col-resize max-md:hidden border-0 touch-none hover:bg-sky-300/60 focus-visible:bg-sky-500/70 focus-visible:outline-none ${
        side === "left" ? "-right-1" : "-left-1"
      }`}
      onKeyDown={(event) => {
        const width = widthForKey(panel.width, event.key, event.shiftKey, side, panel.bounds);
        if (width === null) return;
        event.preventDefault();
        panel.setWidth(width);
      }}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { x: event.clientX, width: panel.width };
      }}
      onPointerMove={(event) => {
        if (!drag.current) return;
        panel.setWidth(drag.current.width + outward * (event.clientX - drag.current.x));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
    />
  );
}
