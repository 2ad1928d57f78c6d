import { Panel } from "@xyflow/react";
import { useEngineText, useT } from "../i18n/useT.ts";
import { inspectedPacket } from "../inspector/Inspector.tsx";
import { useAppStore } from "../store/useAppStore.ts";

/**
 * The hop the inspected packet is at, over the graph: which of how many, what acted where, and the
 * rule that acted. The inspector's hop list marks the same hop, so stepping forward or back keeps the
 * two in step, as a network simulator's packet view does.
 */
export function StepCaption() {
  const t = useT();
  const packet = useAppStore((s) => (s.inspecting === "request" ? inspectedPacket(s) : undefined));
  const hopAt = useAppStore((s) => s.hopAt);
  const engineText = useEngineText();
  const hop = hopAt === null ? undefined : packet?.trace.hops[hopAt];
  if (!packet || !hop || hopAt === null) return null;
  const rule = engineText(hop.message);
  return (
    <Panel position="bottom-center" className="!mb-2 max-w-[55%]">
      <section
        aria-label={t("inspector.hops")}
        aria-live="polite"
        className="rounded border-2 border-amber-500 bg-white/95 px-2 py-1 text-[12px] leading-4 shadow-sm"
      >
        <p className="font-semibold text-slate-900">
          {t("step.caption", { n: hopAt + 1, total: packet.trace.hops.length, kind: hop.kind, at: hop.at })}
        </p>
        <p className="line-clamp-2 text-slate-700" title={rule}>
          {rule}
        </p>
      </section>
    </Panel>
  );
}
