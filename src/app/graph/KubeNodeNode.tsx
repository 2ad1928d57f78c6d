import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { ZONE_LABEL } from "../../engine/index.ts";
import { useT } from "../i18n/useT.ts";
import { HiddenHandles } from "./HiddenHandles.tsx";
import type { KubeNodeFlowNode } from "./layout.ts";
import { OpenButton } from "./OpenButton.tsx";
import { PodChips } from "./PodChips.tsx";

/** A Kubernetes node drawn as a group: name, InternalIP, pod CIDR and state; its pods sit inside it. */
export const KubeNodeNode = memo(function KubeNodeNode({ id, data, selected }: NodeProps<KubeNodeFlowNode>) {
  const t = useT();
  const { node } = data;
  const state = node.failed ? "down" : node.ready ? "ready" : "notReady";
  const frame = {
    ready: "border-slate-400 bg-slate-50/80",
    notReady: "border-amber-500 border-dashed bg-amber-50/60",
    down: "border-red-500 border-dashed bg-red-50/70",
  }[state];
  const badge = {
    ready: "bg-emerald-100 text-emerald-800",
    notReady: "bg-amber-100 text-amber-900",
    down: "bg-red-600 text-white",
  }[state];
  return (
    <section
      aria-label={t("node.label", { name: node.name })}
      data-state={state}
      className={`h-full w-full rounded-lg border-2 px-2 py-1 text-left shadow-sm ${frame} ${selected ? "ring-4 ring-blue-400" : ""}`}
    >
      <HiddenHandles />
      <header className="flex items-center gap-2">
        <h3 className="whitespace-nowrap font-semibold text-[15px] text-slate-900">{node.name}</h3>
        <span className={`rounded px-1.5 font-medium text-[12px] ${badge}`}>
          {state === "down" ? t("node.down") : state === "ready" ? t("node.ready") : t("node.notReady")}
        </span>
        {node.labels[ZONE_LABEL] && (
          <span
            title={t("node.zoneNote")}
            className="whitespace-nowrap rounded bg-sky-100 px-1 text-[11px] text-sky-900"
          >
            {t("node.zone", { zone: node.labels[ZONE_LABEL] })}
          </span>
        )}
        {node.unschedulable && (
          <span
            title={t("node.cordonedNote")}
            className="whitespace-nowrap rounded bg-amber-100 px-1 text-[11px] text-amber-900"
          >
            {t("node.cordoned")}
          </span>
        )}
        {node.failed && (
          <span className="whitespace-nowrap rounded bg-slate-200 px-1 text-[11px] text-slate-800">
            {t("node.apiStatus", { status: node.ready ? "Ready" : "NotReady" })}
          </span>
        )}
        {!node.failed && (
          <span className="ml-auto whitespace-nowrap text-[12px] text-slate-600">
            {data.podCount === 1 ? t("node.onePod") : t("node.pods", { count: data.podCount })}
          </span>
        )}
        {/* A large cluster's node is drawn closed (its pod count); the learner opens it to see its pods. */}
        {data.openable && data.podCount > 0 && (
          <OpenButton id={id} open={data.open} show={t("node.showPods")} hide={t("node.hidePods")} />
        )}
      </header>
      {/* A down node's second line says what that means in place of its pod CIDR: the header has no room. */}
      <p className="truncate font-mono text-[12px] text-slate-700">
        {t("node.ip")} {node.internalIP} ·{" "}
        {node.failed ? (
          <span className="font-medium font-sans text-red-700">{t("node.failedNote")}</span>
        ) : (
          `${t("node.podCIDR")} ${node.podCIDR}`
        )}
      </p>
      <PodChips node={node.name} pods={data.chips} />
    </section>
  );
});
