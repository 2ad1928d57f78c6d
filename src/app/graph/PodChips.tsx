import { useStore } from "@xyflow/react";
import { memo } from "react";
import type { Ref } from "../../engine/index.ts";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { useGraphModel } from "./context.ts";
import { DETAIL_ZOOM, type PodChip } from "./layout.ts";

/** The most chips a closed node draws: three rows of its box; a count stands for the rest. */
const MOST_CHIPS = 54;

const CHIP_STYLE: Record<PodChip["state"], string> = {
  ready: "border-emerald-600 bg-emerald-200",
  notReady: "border-amber-600 border-dashed bg-amber-100",
  pending: "border-slate-500 border-dashed bg-slate-100",
  unreachable: "border-red-500 border-dashed bg-slate-300",
};

/**
 * A closed node's pods as small squares in its box, drawn once the learner zooms in (level of detail,
 * issue 15): each shows its pod's state, is lit when the hovered Service lists it, and inspects the pod
 * when clicked. A square is one element, not a pod's box: a node's twenty pods cost twenty of them.
 */
export const PodChips = memo(function PodChips({ node, pods }: { node: string; pods: readonly PodChip[] }) {
  const t = useT();
  const model = useGraphModel();
  const near = useStore((s) => s.transform[2] >= DETAIL_ZOOM);
  const inspectObject = useAppStore((s) => s.inspectObject);
  const selected = useAppStore((s) => s.selectedRef);
  const lit = useAppStore((s) => (s.hoveredRef ? model.endpoints.get(s.hoveredRef) : undefined));
  if (!near || pods.length === 0) return null;
  const shown = pods.length > MOST_CHIPS ? pods.slice(0, MOST_CHIPS - 1) : pods;
  const inspect = (ref: Ref) => (event: { stopPropagation(): void }) => {
    event.stopPropagation();
    inspectObject(ref);
  };
  return (
    <ul aria-label={t("node.podChips", { name: node })} className="mt-1 flex flex-wrap gap-[3px]">
      {shown.map((pod) => (
        <li key={pod.ref} className="flex">
          <button
            type="button"
            aria-label={t("pod.label", { name: pod.name })}
            title={pod.name}
            onClick={inspect(pod.ref)}
            className={`nodrag nopan h-3 w-3 rounded-sm border ${CHIP_STYLE[pod.state]} ${
              lit?.includes(pod.ref) ? "ring-2 ring-sky-400" : ""
            } ${selected === pod.ref ? "outline-2 outline-blue-600" : ""}`}
          />
        </li>
      ))}
      {shown.length < pods.length && (
        <li className="text-[11px] leading-3 text-slate-600">
          {t("node.morePods", { count: pods.length - shown.length })}
        </li>
      )}
    </ul>
  );
});
