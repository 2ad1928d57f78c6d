import { BaseEdge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { useAppStore } from "../store/useAppStore.ts";
import { pointAlong, sampleRoute } from "./geometry.ts";
import type { RouteFlowEdge } from "./layout.ts";

/**
 * The graph's one grammar for lines (the legend shows it): grey a route a request may take, blue a
 * Service's endpoint, teal a load balancer's node in its pool, red dashed an endpoint removed or a
 * node ejected, amber the path packets took (wider and counted where more of them went).
 */
export const EDGE_STYLES = {
  route: { stroke: "#94a3b8", strokeWidth: 1.5 },
  endpoint: { stroke: "#0369a1", strokeWidth: 1.5 },
  pool: { stroke: "#0f766e", strokeWidth: 1.5, strokeDasharray: "1 3" },
  removed: { stroke: "#ef4444", strokeWidth: 1.5, strokeDasharray: "6 4" },
  ejected: { stroke: "#dc2626", strokeWidth: 2, strokeDasharray: "6 4" },
  trace: { stroke: "#f59e0b", strokeWidth: 4, strokeOpacity: 0.7 },
} as const;

const LABEL_STYLE = { fontSize: 11, fontWeight: 600, fill: "#7f1d1d" };
const COUNT_STYLE = { fontSize: 11, fontWeight: 700, fill: "#78350f" };

/** An edge drawn along the curve the layout computed, which packets follow too. */
export const RouteEdge = memo(function RouteEdge({ id, source, data }: EdgeProps<RouteFlowEdge>) {
  const lit = useAppStore((s) => s.hoveredRef === source);
  if (!data) return null;
  const base = EDGE_STYLES[data.kind];
  const style =
    lit && data.kind !== "trace"
      ? { ...base, stroke: "#0ea5e9", strokeWidth: 3 }
      : data.count
        ? { ...base, strokeWidth: Math.min(12, 2 + data.count) }
        : base;
  const text = data.label ?? (data.count ? String(data.count) : undefined);
  if (!text) return <BaseEdge id={id} path={data.path} style={style} />;
  // The words sit along the edge, past its middle, towards what it points at.
  const at = pointAlong(sampleRoute(data.points), data.label ? 0.65 : 0.5);
  return (
    <BaseEdge
      id={id}
      path={data.path}
      style={style}
      label={text}
      labelX={at.x}
      labelY={at.y}
      labelStyle={data.label ? LABEL_STYLE : COUNT_STYLE}
      labelShowBg
      labelBgPadding={[3, 1]}
      labelBgBorderRadius={3}
    />
  );
});
