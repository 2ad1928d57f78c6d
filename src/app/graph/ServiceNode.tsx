import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { nodeName } from "../../engine/index.ts";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { HiddenHandles } from "./HiddenHandles.tsx";
import type { ServiceFlowNode } from "./layout.ts";
import { SERVICE_COLOURS } from "./RouteEdge.tsx";

const typeColour: Record<string, string> = {
  ClusterIP: "bg-sky-100 text-sky-900",
  NodePort: "bg-violet-100 text-violet-900",
  LoadBalancer: "bg-fuchsia-100 text-fuchsia-900",
  ExternalName: "bg-slate-200 text-slate-800",
};

/** A Service: its type, ClusterIP and ports; hovering it lights its endpoints and shows its selector. */
export const ServiceNode = memo(function ServiceNode({ id, data, selected }: NodeProps<ServiceFlowNode>) {
  const t = useT();
  const hovered = useAppStore((s) => s.hoveredRef === id);
  const hover = useAppStore((s) => s.hover);
  // The nodes whose kube-proxy consulted this Service's rules for the selected request.
  const consulted = useAppStore((s) => {
    if (s.timeMode) return "";
    const hops = s.requests.find((r) => r.id === s.selectedRequest)?.trace.hops ?? [];
    const nodes = hops.flatMap((h) => (h.at === id && h.node ? [nodeName(h.node)] : []));
    return [...new Set(nodes)].join(", ");
  });
  const toggleDnsFold = useAppStore((s) => s.toggleDnsFold);
  const { service } = data;
  const selector = service.selector
    ? Object.entries(service.selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(",")
    : null;
  const ports = service.ports
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}→${p.targetPort}`)
    .join(" ");
  const address = service.externalName ?? (service.headless ? t("service.headless") : service.clusterIP);
  const outside = [...service.externalIPs, ...service.loadBalancerIPs];
  const folded = data.foldedPods > 0;
  const dnsFold = {
    name: folded ? t("service.showDns", { count: data.foldedPods }) : t("service.hideDns"),
    text: folded ? t("service.showDnsShort", { count: data.foldedPods }) : t("service.hideDnsShort"),
  };
  return (
    <article
      aria-label={t("service.label", { name: service.name })}
      // A pressed button is the learner panning across the box, not pointing at it: lighting its
      // endpoints then redrew the graph on every box the pan crossed (issue 15: no task over 100 ms).
      onMouseEnter={(event) => {
        if (event.buttons === 0) hover(id);
      }}
      onMouseLeave={() => hover(null)}
      data-consulted={consulted ? "true" : undefined}
      // Its colour on its left edge: its links to its endpoints are drawn in it.
      style={{ borderLeftColor: SERVICE_COLOURS[data.colour], borderLeftWidth: 6 }}
      className={`relative h-full w-full rounded-md border-2 bg-white px-2 py-1 text-left text-[13px] leading-[17px] shadow-sm ${
        hovered
          ? "border-sky-500 ring-4 ring-sky-200"
          : consulted
            ? "border-violet-600 bg-violet-50 ring-2 ring-violet-300"
            : "border-sky-700"
      } ${selected ? "outline-2 outline-blue-600" : ""}`}
    >
      <HiddenHandles />
      {consulted && (
        <span className="absolute -top-2.5 right-1 rounded bg-violet-600 px-1 text-[11px] text-white leading-4">
          {t("service.consulted", { nodes: consulted })}
        </span>
      )}
      <header className="flex items-center gap-1">
        <h4 className="truncate font-semibold text-[14px] text-slate-900">{service.name}</h4>
        <span
          className={`ml-auto shrink-0 rounded px-1 font-medium text-[11px] ${typeColour[service.type] ?? ""}`}
        >
          {service.type}
        </span>
      </header>
      <p className="truncate font-mono text-[12px] text-slate-700">
        {address} {ports}
      </p>
      <div className="flex items-center gap-1">
        <p
          className={`min-w-0 flex-1 truncate text-[12px] ${hovered ? "font-semibold text-sky-800" : "text-slate-600"}`}
        >
          {hovered
            ? selector
              ? t("service.selector", { selector })
              : t("service.noSelector")
            : t("service.endpoints", { ready: data.readyEndpoints, total: data.endpoints })}
          {!hovered && outside.length > 0 && (
            <span className="font-mono text-fuchsia-800"> · {outside.join(", ")}</span>
          )}
          {service.namespace !== "default" ? ` · ${service.namespace}` : ""}
        </p>
        {data.dns && (
          // Short on the box, so the endpoint count beside it stays readable; whole in its name and
          // tooltip, which hold the short text as WCAG's "label in name" asks.
          <button
            type="button"
            onClick={toggleDnsFold}
            aria-label={dnsFold.name}
            title={dnsFold.name}
            className="nodrag nopan shrink-0 rounded border border-slate-300 px-1 text-[11px] leading-4 text-slate-700 hover:bg-slate-100"
          >
            {dnsFold.text}
          </button>
        )}
      </div>
    </article>
  );
});
