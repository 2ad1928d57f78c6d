import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useEngineText, useT } from "../i18n/useT.ts";
import { HiddenHandles } from "./HiddenHandles.tsx";
import type { IngressFlowNode } from "./layout.ts";

const implementationColour = {
  nginx: "bg-emerald-100 text-emerald-900",
  gce: "bg-fuchsia-100 text-fuchsia-900",
} as const;
const implementationText = {
  nginx: "ingress.implementation.nginx",
  gce: "ingress.implementation.gce",
} as const;

/** An Ingress: its class and implementation, a TLS badge, and its host and path rules with their backends. */
export const IngressNode = memo(function IngressNode({ data, selected }: NodeProps<IngressFlowNode>) {
  const t = useT();
  const engineText = useEngineText();
  const { ingress, lines, hidden } = data;
  const tlsHosts = ingress.tls.flatMap((e) => (e.hosts.length > 0 ? e.hosts : [t("ingress.allHosts")]));
  return (
    <article
      aria-label={t("ingress.label", { name: ingress.name })}
      className={`h-full w-full rounded-md border-2 bg-teal-50 px-2 py-1 text-left text-xs shadow-sm ${
        ingress.implementation ? "border-teal-600" : "border-slate-400 border-dashed"
      } ${selected ? "ring-4 ring-blue-400" : ""}`}
    >
      <HiddenHandles />
      <header className="flex items-center gap-1">
        <h4 className="truncate font-semibold text-teal-900">Ingress {ingress.name}</h4>
        {tlsHosts.length > 0 && (
          <span
            title={t("ingress.tlsTitle", { hosts: tlsHosts.join(", ") })}
            className="ml-auto rounded bg-amber-100 px-1 font-medium text-[11px] text-amber-900"
          >
            {t("ingress.tls")}
          </span>
        )}
      </header>
      <p className="flex items-center gap-1 truncate text-[11px]">
        {ingress.implementation ? (
          <span
            title={t(implementationText[ingress.implementation])}
            className={`rounded px-1 font-medium ${implementationColour[ingress.implementation]}`}
          >
            {ingress.className ?? ingress.implementation}
          </span>
        ) : (
          <span
            title={ingress.notServed ? engineText(ingress.notServed) : ""}
            className="rounded bg-slate-200 px-1 text-slate-700"
          >
            {t("ingress.notServed")}
          </span>
        )}
        <span className="truncate font-mono text-teal-800">{ingress.address ?? t("lb.pending")}</span>
      </p>
      <ul className="mt-0.5 font-mono text-[11px] leading-[15px]">
        {lines.length === 0 && <li className="text-slate-500">{t("ingress.noRules")}</li>}
        {lines.map((line, i) =>
          line.kind === "host" ? (
            // Lines are derived from the rules in order: their index is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i} className="truncate font-semibold text-slate-800">
              {line.text}
            </li>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i} className="truncate pl-2 text-slate-700">
              {line.kind === "default" ? t("ingress.default") : line.text} → {line.backend}
            </li>
          ),
        )}
        {hidden > 0 && <li className="text-slate-500">{t("ingress.more", { count: hidden })}</li>}
      </ul>
    </article>
  );
});
