import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useT } from "../i18n/useT.ts";
import { GATEWAY_BOX } from "./gateway.ts";
import { HiddenHandles } from "./HiddenHandles.tsx";
import type { GatewayClassFlowNode, GatewayFlowNode, HTTPRouteFlowNode } from "./layout.ts";

const ring = (selected: boolean) => (selected ? "ring-4 ring-blue-400" : "");

/** A GatewayClass: its name and controller, and whether a controller accepted it. */
export const GatewayClassNode = memo(function GatewayClassNode({
  data,
  selected,
}: NodeProps<GatewayClassFlowNode>) {
  const t = useT();
  const { gatewayClass } = data;
  return (
    <article
      aria-label={t("gatewayClass.label", { name: gatewayClass.name })}
      title={gatewayClass.controller}
      className={`h-full w-full rounded-md border bg-violet-50 px-2 py-1 text-left text-xs shadow-sm ${
        gatewayClass.accepted ? "border-violet-500" : "border-slate-400 border-dashed"
      } ${ring(selected)}`}
    >
      <HiddenHandles />
      <h4 className="truncate font-semibold text-violet-900">GatewayClass {gatewayClass.name}</h4>
      <p className="truncate text-[11px] text-violet-800">
        {gatewayClass.accepted ? t("gatewayClass.accepted") : t("gatewayClass.notAccepted")} ·{" "}
        {gatewayClass.controller}
      </p>
    </article>
  );
});

/** A Gateway: its class, address and Programmed condition, and each listener with its attached routes. */
export const GatewayNode = memo(function GatewayNode({ data, selected }: NodeProps<GatewayFlowNode>) {
  const t = useT();
  const { gateway } = data;
  const shown = gateway.listeners.slice(0, GATEWAY_BOX.maxLines);
  return (
    <article
      aria-label={t("gateway.label", { name: gateway.name })}
      className={`h-full w-full rounded-md border-2 bg-violet-50 px-2 py-1 text-left text-xs shadow-sm ${
        gateway.programmed ? "border-violet-600" : "border-slate-400 border-dashed"
      } ${ring(selected)}`}
    >
      <HiddenHandles />
      <header className="flex items-center gap-1">
        <h4 className="truncate font-semibold text-violet-900">Gateway {gateway.name}</h4>
        <span className="ml-auto rounded bg-violet-100 px-1 text-[11px] text-violet-900">
          {gateway.className}
        </span>
      </header>
      <p className="truncate text-[11px]">
        <span className="font-mono text-violet-800">{gateway.address ?? t("lb.pending")}</span>{" "}
        <span className={gateway.programmed ? "text-emerald-700" : "text-slate-500"}>
          {gateway.programmed ? t("gateway.programmed") : t("gateway.notProgrammed")}
        </span>
      </p>
      <ul className="mt-0.5 font-mono text-[11px] leading-[15px]">
        {shown.map((l) => (
          <li key={l.name} className="truncate text-slate-700">
            {t("gateway.listener", { name: l.name, protocol: l.protocol, port: l.port })}
            {l.hostname ? ` ${l.hostname}` : ""} · {t("gateway.routes", { count: l.attachedRoutes })}
          </li>
        ))}
      </ul>
    </article>
  );
});

/** A route (HTTPRoute, GRPCRoute or TLSRoute): its hostnames, and each rule's matches and backends with their share of the traffic. */
export const HTTPRouteNode = memo(function HTTPRouteNode({ data, selected }: NodeProps<HTTPRouteFlowNode>) {
  const t = useT();
  const { route } = data;
  const lines = route.rules.flatMap((rule, i) => [
    ...(rule.match ? [{ key: `${i}m`, text: rule.match, match: true }] : []),
    ...(rule.backends.length
      ? rule.backends.map((b, j) => ({
          key: `${i}b${j}`,
          text: `→ ${b.text}${b.share ? ` ${b.share}` : ""}`,
          match: false,
        }))
      : [{ key: `${i}n`, text: `→ ${t("httpRoute.noBackend")}`, match: false }]),
  ]);
  return (
    <article
      aria-label={t("httpRoute.label", { kind: route.kind, name: route.name })}
      className={`h-full w-full rounded-md border-2 bg-indigo-50 px-2 py-1 text-left text-xs shadow-sm ${
        route.gateways.length ? "border-indigo-500" : "border-slate-400 border-dashed"
      } ${ring(selected)}`}
    >
      <HiddenHandles />
      <h4 className="truncate font-semibold text-indigo-900">
        {route.kind} {route.name}
      </h4>
      <p className="truncate font-mono text-[11px] text-indigo-800">
        {route.hostnames.join(", ") || t("httpRoute.anyHost")}
        {route.gateways.length === 0 && ` · ${t("httpRoute.notAttached")}`}
      </p>
      <ul className="mt-0.5 font-mono text-[11px] leading-[15px]">
        {lines.slice(0, GATEWAY_BOX.maxLines).map((line) => (
          <li key={line.key} className={`truncate ${line.match ? "text-slate-800" : "pl-2 text-slate-700"}`}>
            {line.text}
          </li>
        ))}
      </ul>
    </article>
  );
});
