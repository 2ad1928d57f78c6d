import { boundsOf, type Rect } from "./geometry.ts";

/** The page's small text outside the graph, in px: the legend, counts, hints (text-[11px]). */
export const BODY_SMALL_PX = 11;
/** The smallest text drawn in the graph's boxes, in flow units (text-[11px]; none smaller). */
export const GRAPH_SMALL_PX = 11;
/** The least zoom at which the graph's smallest text is as large as the page's small text (issue 14). */
export const READABLE_ZOOM = BODY_SMALL_PX / GRAPH_SMALL_PX;

/** Room kept clear at the pane's top left: the search box sits there. */
const INSET = { left: 12, top: 48 };

export interface View {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The view "fit" gives when the whole drawing fits the pane only at a zoom where its text is smaller
 * than the page's small text: the readable zoom, from the drawing's top left (where traffic enters:
 * the client, the load balancers, the Services), the rest a pan away (the minimap shows where). Null
 * when the whole drawing fits readably: then React Flow's own fit is the one to use.
 */
export function readableFit(
  boxes: Iterable<Rect>,
  pane: { width: number; height: number },
  padding: number,
): View | null {
  const drawing = boundsOf(boxes);
  if (!drawing || pane.width <= 0 || pane.height <= 0) return null;
  const fits = Math.min(pane.width / drawing.width, pane.height / drawing.height) / (1 + 2 * padding);
  if (fits >= READABLE_ZOOM) return null;
  return {
    x: INSET.left - drawing.x * READABLE_ZOOM,
    y: INSET.top - drawing.y * READABLE_ZOOM,
    zoom: READABLE_ZOOM,
  };
}
