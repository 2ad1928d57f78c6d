import { EdgeLabelRenderer } from "@xyflow/react";
import { memo, useMemo } from "react";
import { boxesPassed, type TracePath } from "../packets/plan.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { useShownClock } from "../time/useShownClock.ts";
import { type Flow, flows } from "./flows.ts";
import { pointAlong, sampleRoute } from "./geometry.ts";
import type { GraphModel } from "./layout.ts";
import { EDGE_STYLES, EdgeLabel } from "./RouteEdge.tsx";

const COUNT_STYLE = { fontSize: 11, fontWeight: 700, fill: "#78350f" };

/**
 * The paths packets took, amber and wider where more went, each segment with its count: the selected
 * request's batch, or in the Time view the requests of the second before the clock. Drawn beside React
 * Flow rather than as its edges: they change every second of the clock (every frame at 60×), and each
 * change of React Flow's edges makes it re-check every box and handle on the graph. They go in React
 * Flow's layer for edge labels, which lies over its edges and under its boxes, as edges are drawn.
 */
export function FlowLayer({ model }: { model: GraphModel }) {
  const timeMode = useAppStore((s) => s.timeMode);
  const shownSecond = useShownClock().second;
  const second = timeMode ? shownSecond : 0;
  const timePackets = useAppStore((s) => s.timePackets);
  const requests = useAppStore((s) => s.requests);
  const selectedRequest = useAppStore((s) => s.selectedRequest);
  const drawn = useMemo(() => {
    const traced = requests.find((r) => r.id === selectedRequest);
    const flowing: TracePath[] = timeMode
      ? (timePackets?.packets ?? []).filter((p) => p.sentAt >= second - 1 && p.sentAt < second)
      : !traced
        ? []
        : traced.batch === null
          ? [traced.trace]
          : requests.filter((r) => r.batch === traced.batch).map((r) => r.trace);
    return flows(
      model.router,
      flowing.map((p) => boxesPassed(p, model)),
    );
  }, [model, timeMode, timePackets, second, requests, selectedRequest]);
  return (
    <EdgeLabelRenderer>
      <svg className="flow-layer" aria-hidden="true" data-testid="flows">
        {drawn.map((flow) => (
          <FlowPath key={flow.id} flow={flow} />
        ))}
      </svg>
    </EdgeLabelRenderer>
  );
}

/** A segment drawn again only when its way or its count changed: each second brings new Flow objects for the same segments. */
const sameFlow = (a: { flow: Flow }, b: { flow: Flow }) =>
  a.flow.id === b.flow.id && a.flow.path === b.flow.path && a.flow.count === b.flow.count;

const FlowPath = memo(function FlowPath({ flow }: { flow: Flow }) {
  const style =
    flow.count === undefined
      ? EDGE_STYLES.trace
      : { ...EDGE_STYLES.trace, strokeWidth: Math.min(12, 2 + flow.count) };
  const at = flow.count === undefined ? null : pointAlong(sampleRoute(flow.points), 0.5);
  return (
    <g data-flow={flow.id} data-count={flow.count}>
      <path d={flow.path} fill="none" style={style} />
      {at && <EdgeLabel x={at.x} y={at.y} text={String(flow.count)} look={COUNT_STYLE} />}
    </g>
  );
}, sameFlow);
