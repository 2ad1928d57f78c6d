import type { EngineMessage, Ref } from "../../engine/index.ts";
import { useEngineText, useT } from "../i18n/useT.ts";
import { shownPools } from "../store/selectors.ts";
import { useAppStore } from "../store/useAppStore.ts";

type Health = "healthy" | "failing" | "ejected" | "announcing";

/**
 * A load balancer's nodes (the engine's loadBalancerPools), each with its state. A cloud's (or kind's
 * Envoy) as its health checks see them: in the pool, failing (k of the threshold; the Time view's
 * checks at the clock), or out of it. MetalLB's: the nodes announcing the address.
 */
export function LbHealthStrip({ lb }: { lb: Ref }) {
  const t = useT();
  const engineText = useEngineText();
  const members = useAppStore((s) => shownPools(s).get(lb));
  const timed = useAppStore((s) => (s.timeMode ? s.timeState?.lbHealth.find((h) => h.lb === lb) : undefined));
  const threshold = useAppStore((s) => s.scenario.settings.loadBalancerHealthCheck.unhealthyThreshold);
  const backends: { node: string; state: Health; failures: number; detail?: EngineMessage }[] = (
    members ?? []
  ).map((m) => {
    const checked = timed?.backends.find((b) => b.node === m.node);
    const failures = checked?.failures ?? 0;
    const state: Health =
      m.how === "announces" ? "announcing" : !m.inPool ? "ejected" : failures > 0 ? "failing" : "healthy";
    return { node: m.node, state, failures, ...(checked?.last ? { detail: checked.last.detail } : {}) };
  });
  if (backends.length === 0) return null;
  const announced = backends.every((b) => b.state === "announcing");
  return (
    <ul
      aria-label={t(announced ? "lbHealth.announcedLabel" : "lbHealth.label")}
      className="mt-0.5 flex max-h-[30px] flex-wrap gap-0.5 overflow-hidden"
    >
      {backends.map((b) => {
        const label =
          b.state === "ejected"
            ? t("lbHealth.ejected", { node: b.node })
            : b.state === "failing"
              ? t("lbHealth.failing", { node: b.node, failures: b.failures, threshold })
              : b.state === "announcing"
                ? t("lbHealth.announcing", { node: b.node })
                : t("lbHealth.healthy", { node: b.node });
        return (
          <li
            key={b.node}
            title={b.detail ? `${label} — ${engineText(b.detail)}` : label}
            aria-label={label}
            data-health={b.state}
            className={`rounded px-1 font-mono text-[11px] leading-[14px] ${
              b.state === "ejected"
                ? "bg-red-600 text-white line-through"
                : b.state === "failing"
                  ? "bg-amber-300 text-amber-950"
                  : "bg-emerald-200 text-emerald-900"
            }`}
          >
            {b.node}
            {b.state === "failing" ? ` ${b.failures}/${threshold}` : ""}
          </li>
        );
      })}
    </ul>
  );
}
