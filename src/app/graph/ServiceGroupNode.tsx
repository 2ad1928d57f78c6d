import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useT } from "../i18n/useT.ts";
import { HiddenHandles } from "./HiddenHandles.tsx";
import type { ServiceGroupFlowNode } from "./layout.ts";
import { OpenButton } from "./OpenButton.tsx";

/**
 * A namespace's Services in one box (a cluster with more than GROUPED_SERVICES): its name and how many;
 * clicking it, or its button, draws its Services after it, and folds them again.
 */
export const ServiceGroupNode = memo(function ServiceGroupNode({
  id,
  data,
}: NodeProps<ServiceGroupFlowNode>) {
  const t = useT();
  return (
    <section
      aria-label={t("serviceGroup.label", { namespace: data.namespace })}
      className="h-full w-full rounded-md border-2 border-sky-700 border-double bg-sky-50 px-2 py-1 text-left shadow-sm"
    >
      <HiddenHandles />
      <header className="flex items-center gap-1">
        <h4 className="truncate font-mono font-semibold text-[14px] text-slate-900">{data.namespace}</h4>
        <span className="ml-auto shrink-0 whitespace-nowrap text-[12px] text-slate-700">
          {data.services === 1 ? t("serviceGroup.one") : t("serviceGroup.count", { count: data.services })}
        </span>
      </header>
      <div className="mt-1 flex">
        <OpenButton id={id} open={data.open} show={t("serviceGroup.show")} hide={t("serviceGroup.hide")} />
      </div>
    </section>
  );
});
