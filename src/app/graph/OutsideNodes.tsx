import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { refLabel } from "../../engine/index.ts";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { LbHealthStrip } from "../time/LbHealthStrip.tsx";
import { useGraphModel } from "./context.ts";
import { HiddenHandles } from "./HiddenHandles.tsx";
import type { ClientFlowNode, ExternalFlowNode, LoadBalancerFlowNode } from "./layout.ts";

const box = "h-full w-full rounded-md border-2 px-2 py-0.5 text-left text-[12px] leading-4 shadow-sm";

/** The external client, outside the cluster, at its simulated address. */
export const ClientNode = memo(function ClientNode({ data, selected }: NodeProps<ClientFlowNode>) {
  const t = useT();
  return (
    <article
      aria-label={t("client.label")}
      className={`${box} border-slate-700 bg-slate-800 text-white ${selected ? "ring-4 ring-blue-400" : ""}`}
    >
      <HiddenHandles />
      <h4 className="font-semibold text-[13px] leading-5">{t("client.label")}</h4>
      <p className="font-mono">{data.ip}</p>
    </article>
  );
});

/** A host outside the cluster (an ExternalName target, a selector-less Service's address). */
export const ExternalNode = memo(function ExternalNode({ id, data, selected }: NodeProps<ExternalFlowNode>) {
  const t = useT();
  const model = useGraphModel();
  // An endpoint of the hovered Service (its hand-written EndpointSlice's address) lights as its pods do.
  const lit = useAppStore(
    (s) => s.hoveredRef !== null && (model.endpoints.get(s.hoveredRef)?.includes(id) ?? false),
  );
  return (
    <article
      aria-label={t("external.label", { name: data.host })}
      data-lit={lit ? "true" : undefined}
      className={`${box} border-slate-400 border-dotted bg-slate-50 ${lit ? "ring-4 ring-sky-400" : ""} ${selected ? "ring-4 ring-blue-400" : ""}`}
    >
      <HiddenHandles />
      <h4 className="truncate font-semibold text-[13px] text-slate-800">{data.host}</h4>
      {data.ip && <p className="font-mono text-slate-600">{data.ip}</p>}
    </article>
  );
});

/** A cloud load balancer in front of a Service or an Ingress, with the addresses it answers on. */
export const LoadBalancerNode = memo(function LoadBalancerNode({
  data,
  selected,
}: NodeProps<LoadBalancerFlowNode>) {
  const t = useT();
  const name = refLabel(data.ref);
  return (
    <article
      aria-label={t("lb.label", { name })}
      className={`${box} border-fuchsia-600 bg-fuchsia-50 ${selected ? "ring-4 ring-blue-400" : ""}`}
    >
      <HiddenHandles />
      <h4 className="truncate font-semibold text-[13px] text-fuchsia-900 leading-5">LB {name}</h4>
      <p className="font-mono text-fuchsia-800">
        {data.ips.length > 0 ? data.ips.join(", ") : t("lb.pending")}
      </p>
      <LbHealthStrip lb={data.ref} />
    </article>
  );
});
