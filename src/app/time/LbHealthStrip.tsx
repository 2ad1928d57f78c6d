import type { Ref } from "../../engine/index.ts";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";

/**
 * In the time view, each node as the load balancer's health checks see it at the clock: in the
 * pool, failing (k of the threshold), or out of it. Nothing outside the time view.
 */
export function LbHealthStrip({ lb }: { lb: Ref }) {
  const t = useT();
  const health = useAppStore((s) =>
    s.timeMode ? s.timeState?.lbHealth.find((h) => h.lb === lb) : undefined,
  );
  const threshold = useAppStore((s) => s.scenario.settings.loadBalancerHealthCheck.unhealthyThreshold);
  if (!health) return null;
  return (
    <ul aria-label={t("lbHealth.label")} className="mt-0.5 flex flex-wrap gap-0.5">
      {health.backends.map((b) => {
        const state = !b.healthy ? "ejected" : b.failures > 0 ? "failing" : "healthy";
        const label =
          state === "ejected"
            ? t("lbHealth.ejected", { node: b.node })
            : state === "failing"
              ? t("lbHealth.failing", { node: b.node, failures: b.failures, threshold })
              : t("lbHealth.healthy", { node: b.node });
        return (
          <li
            key={b.node}
            title={b.last ? `${label} — ${b.last.detail}` : label}
            aria-label={label}
            data-health={state}
            className={`rounded px-1 font-mono text-[9px] leading-3 ${
              state === "ejected"
                ? "bg-red-600 text-white line-through"
                : state === "failing"
                  ? "bg-amber-300 text-amber-950"
                  : "bg-emerald-200 text-emerald-900"
            }`}
          >
            {b.node}
            {state === "failing" ? ` ${b.failures}/${threshold}` : ""}
          </li>
        );
      })}
    </ul>
  );
}
