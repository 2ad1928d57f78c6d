import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useT } from "../i18n/useT.ts";
import type { KubeNodeFlowNode } from "./toFlow.ts";

/** A Kubernetes node drawn as a group: its name, InternalIP and pod CIDR; pods sit inside it. */
export const KubeNodeNode = memo(function KubeNodeNode({ data }: NodeProps<KubeNodeFlowNode>) {
  const t = useT();
  return (
    <section
      aria-label={t("node.label", { name: data.name })}
      className={`h-full w-full rounded-lg border-2 bg-slate-50/80 p-2 text-left shadow-sm ${
        data.ready ? "border-slate-400" : "border-red-500 border-dashed"
      }`}
    >
      <header className="flex items-center justify-between gap-2">
        <h3 className="font-semibold text-slate-800 text-sm">{data.name}</h3>
        <span
          className={`rounded px-1.5 py-0.5 font-medium text-xs ${
            data.ready ? "bg-emerald-100 text-emerald-800" : "bg-red-100 text-red-800"
          }`}
        >
          {data.ready ? t("node.ready") : t("node.notReady")}
        </span>
      </header>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 font-mono text-slate-600 text-xs">
        <dt>{t("node.ip")}</dt>
        <dd>{data.internalIP}</dd>
        <dt>{t("node.podCIDR")}</dt>
        <dd>{data.podCIDR}</dd>
      </dl>
    </section>
  );
});
