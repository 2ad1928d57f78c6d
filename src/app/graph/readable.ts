import { boundsOf, type Rect } from "./geometry.ts";

/** The page's small text outside the graph, in px: the legend, counts, hints (text-[11px]). */
export const BODY_SMALL_PX = 11;
/** The smallest text drawn in the graph's boxes, in flow units (text-[11px]; none smaller). */
export const GRAPH_SMALL_PX = 11;
/** The least zoom at which the graph's smallest text is as large as the page's small text (issue 14). */
export const READABLE_ZOOM = BODY_SMALL_PX / GRAPH_SMALL_PX;

/**
 * Room kept clear around the drawing at fit: the search box and the zoom buttons sit in the strip along
 * the pane's top, so that no box is ever under them when the graph is fitted.
 */
const INSET = { left: 12, right: 12, top: 48, bottom: 12 };

/** The largest zoom a fit gives: a small cluster is drawn at its natural size, not blown up. */
export const MAX_FIT_ZOOM = 1.25;

export interface View {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The view "fit" gives: the whole drawing in the pane below the top strip, centred, at the largest zoom
 * it fits at (up to MAX_FIT_ZOOM); when it fits only at a zoom where its text would be smaller than the
 * page's small text, the readable zoom instead, from the drawing's top left (where traffic enters: the
 * client, the load balancers, the Services), the rest a pan away (the minimap shows where). Null when
 * there is nothing to fit.
 */
export function readableFit(
  boxes: Iterable<Rect>,
  pane: { width: number; height: number },
  padding: number,
): View | null {
  const drawing = boundsOf(boxes);
  const room = {
    width: pane.width - INSET.left - INSET.right,
    height: pane.height - INSET.top - INSET.bottom,
  };
  if (!drawing || room.width <= 0 || room.height <= 0) return null;
  const fits = Math.min(room.width / drawing.width, room.height / drawing.height) / (1 + 2 * padding);
  if (fits < READABLE_ZOOM)
    return {
      x: INSET.left - drawing.x * READABLE_ZOOM,
      y: INSET.top - drawing.y * READABLE_ZOOM,
      zoom: READABLE_ZOOM,
    };
  const zoom = Math.min(fits, MAX_FIT_ZOOM);
  return {
    x: INSET.left + (room.width - drawing.width * zoom) / 2 - drawing.x * zoom,
    y: INSET.top + (room.height - drawing.height * zoom) / 2 - drawing.y * zoom,
    zoom,
  };
}

/** The minimap's size in the pane, and its distance from the pane's edges (React Flow's panel margin). */
export const MINIMAP = { width: 132, height: 88, margin: 15 } as const;

export type MinimapCorner = "bottom-right" | "bottom-left";

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where the minimap goes in this view: nowhere while the whole drawing is in view (there is nothing to
 * pan to, and it covered a pod of the sample's first screen), else the first bottom corner of the pane
 * where it covers no box, else the bottom right.
 */
export function minimapCorner(
  boxes: Iterable<Rect>,
  view: View,
  pane: { width: number; height: number },
): MinimapCorner | null {
  const shown = [...boxes].map((b) => ({
    x: view.x + b.x * view.zoom,
    y: view.y + b.y * view.zoom,
    width: b.width * view.zoom,
    height: b.height * view.zoom,
  }));
  const whole = boundsOf(shown);
  if (!whole) return null;
  const inView =
    whole.x >= 0 &&
    whole.y >= 0 &&
    whole.x + whole.width <= pane.width &&
    whole.y + whole.height <= pane.height;
  if (inView) return null;
  const at = (x: number): Rect => ({
    x,
    y: pane.height - MINIMAP.margin - MINIMAP.height,
    width: MINIMAP.width,
    height: MINIMAP.height,
  });
  const corners: [MinimapCorner, Rect][] = [
    ["bottom-right", at(pane.width - MINIMAP.margin - MINIMAP.width)],
    ["bottom-left", at(MINIMAP.margin)],
  ];
  return corners.find(([, rect]) => !shown.some((box) => overlap(box, rect)))?.[0] ?? "bottom-right";
}
