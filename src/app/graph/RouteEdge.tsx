import { BaseEdge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { useAppStore } from "../store/useAppStore.ts";
import type { RouteFlowEdge } from "./layout.ts";

const stroke = {
  route: { stroke: "#94a3b8", strokeWidth: 1.5 },
  endpoint: { stroke: "#0369a1", strokeWidth: 1.5 },
  removed: { stroke: "#ef4444", strokeWidth: 1.5, strokeDasharray: "6 4" },
  trace: { stroke: "#f59e0b", strokeWidth: 4, strokeOpacity: 0.7 },
} as const;

/** An edge drawn along the curve the layout computed, which packets follow too. */
export const RouteEdge = memo(function RouteEdge({ id, source, data }: EdgeProps<RouteFlowEdge>) {
  const lit = useAppStore((s) => s.hoveredRef === source);
  if (!data) return null;
  const style =
    lit && data.kind !== "trace"
      ? { ...stroke[data.kind], stroke: "#0ea5e9", strokeWidth: 3 }
      : stroke[data.kind];
  return <BaseEdge id={id} path={data.path} style={style} />;
});
