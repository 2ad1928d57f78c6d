import { BaseEdge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { useAppStore } from "../store/useAppStore.ts";
import { pointAlong, sampleRoute } from "./geometry.ts";
import type { RouteFlowEdge } from "./layout.ts";

/**
 * The graph's one grammar for lines (the legend shows it): grey a route a request may take, a
 * Service's endpoint in that Service's own colour (blue in the legend), dashed in it a CNAME, teal a
 * load balancer's node in its pool, red dashed an endpoint removed or a node ejected, amber the path
 * packets took (wider and counted where more of them went).
 */
export const EDGE_STYLES = {
  route: { stroke: "#94a3b8", strokeWidth: 1.5 },
  endpoint: { stroke: "#0369a1", strokeWidth: 1.5 },
  cname: { stroke: "#0369a1", strokeWidth: 1.5, strokeDasharray: "2 3" },
  pool: { stroke: "#0f766e", strokeWidth: 1.5, strokeDasharray: "1 3" },
  removed: { stroke: "#ef4444", strokeWidth: 1.5, strokeDasharray: "6 4" },
  ejected: { stroke: "#dc2626", strokeWidth: 2, strokeDasharray: "6 4" },
  trace: { stroke: "#f59e0b", strokeWidth: 4, strokeOpacity: 0.7 },
} as const;

/**
 * The Services' colours in turn (layout.ts SERVICE_COLOUR_COUNT), each dark enough on white (WCAG 1.4.11,
 * 3:1 for graphics) and none the amber of packets' paths, the red of failures or the teal of pools.
 */
export const SERVICE_COLOURS = [
  "#0369a1",
  "#7e22ce",
  "#be185d",
  "#15803d",
  "#1e3a8a",
  "#a21caf",
  "#4d7c0f",
  "#9a3412",
] as const;

const LABEL_STYLE = { fontSize: 11, fontWeight: 600, fill: "#7f1d1d" };

/** An edge drawn along the curve the layout computed, which packets follow too. */
export const RouteEdge = memo(function RouteEdge({ id, source, data }: EdgeProps<RouteFlowEdge>) {
  const lit = useAppStore((s) => s.hoveredRef === source);
  if (!data) return null;
  const own = data.colour === undefined || data.kind === "removed" ? undefined : SERVICE_COLOURS[data.colour];
  const base = own ? { ...EDGE_STYLES[data.kind], stroke: own } : EDGE_STYLES[data.kind];
  const style = lit && data.kind !== "trace" ? { ...base, stroke: own ?? "#0ea5e9", strokeWidth: 3.5 } : base;
  const text = data.label;
  if (!text) return <BaseEdge id={id} path={data.path} style={style} />;
  // The words sit along the edge, past its middle, towards what it points at.
  // A CNAME's sits by the name it points at, clear of the load balancers beside the Services.
  const at = pointAlong(sampleRoute(data.points), data.kind === "cname" ? 0.85 : 0.65);
  const look = own ? { ...LABEL_STYLE, fill: own } : LABEL_STYLE;
  return (
    <>
      <BaseEdge id={id} path={data.path} style={style} />
      <EdgeLabel x={at.x} y={at.y} text={text} look={look} />
    </>
  );
});

/** The page's font, read once: SVG text on the graph is drawn in it. */
let measure: { context: CanvasRenderingContext2D | null; family: string } | null = null;

/** A text's width in the page's font, from a canvas: no layout of the page, unlike SVG's getBBox. */
function textWidth(text: string, look: { fontSize: number; fontWeight: number }): number {
  measure ??= {
    context: document.createElement("canvas").getContext("2d"),
    family: getComputedStyle(document.body).fontFamily,
  };
  if (!measure.context) return text.length * look.fontSize * 0.6;
  measure.context.font = `${look.fontWeight} ${look.fontSize}px ${measure.family}`;
  return measure.context.measureText(text).width;
}

const LABEL_PADDING = { x: 3, y: 1 };

/**
 * An edge's words on a white ground, as React Flow's edge label draws them, sized from the text's
 * measured width: React Flow's measures each label with getBBox after it is drawn, which makes the
 * browser lay out the whole page, and the Time view's counts change every second of its clock.
 */
export function EdgeLabel({
  x,
  y,
  text,
  look,
}: {
  x: number;
  y: number;
  text: string;
  look: { fontSize: number; fontWeight: number; fill: string };
}) {
  const width = textWidth(text, look) + 2 * LABEL_PADDING.x;
  const height = look.fontSize * 1.25 + 2 * LABEL_PADDING.y;
  return (
    <g transform={`translate(${x - width / 2} ${y - height / 2})`} className="react-flow__edge-textwrapper">
      <rect width={width} height={height} rx={3} ry={3} className="react-flow__edge-textbg" />
      <text x={LABEL_PADDING.x} y={height / 2} dy="0.3em" className="react-flow__edge-text" style={look}>
        {text}
      </text>
    </g>
  );
}
