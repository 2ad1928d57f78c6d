import type { EngineMessage, Ref } from "../../engine/index.ts";
import { useEngineText, useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";

type Health = "healthy" | "failing" | "ejected";

/**
 * A load balancer's pool of nodes, each with its health. In the time view, as the load balancer's
 * health checks see it at the clock: in the pool, failing (k of the threshold), or out of it. In the
 * Requests view, as `--fail-node` does it, once the checks have reacted: a failed node is out.
 */
export function LbHealthStrip({ lb }: { lb: Ref }) {
  const t = useT();
  const engineText = useEngineText();
  const timed = useAppStore((s) => (s.timeMode ? s.timeState?.lbHealth.find((h) => h.lb === lb) : undefined));
  const timeMode = useAppStore((s) => s.timeMode);
  // Joined into one string so the strip re-renders only when a node's state changes.
  const failedNodes = useAppStore((s) =>
    (s.cluster?.nodes ?? []).map((n) => `${n.name}:${n.failed ? 1 : 0}`).join(" "),
  );
  const threshold = useAppStore((s) => s.scenario.settings.loadBalancerHealthCheck.unhealthyThreshold);
  const backends: { node: string; state: Health; failures: number; detail?: EngineMessage }[] = timeMode
    ? (timed?.backends ?? []).map((b) => ({
        node: b.node,
        state: !b.healthy ? "ejected" : b.failures > 0 ? "failing" : "healthy",
        failures: b.failures,
        ...(b.last ? { detail: b.last.detail } : {}),
      }))
    : failedNodes
        .split(" ")
        .filter(Boolean)
        .map((entry) => {
          const [node = "", failed] = entry.split(":");
          return { node, state: failed === "1" ? "ejected" : "healthy", failures: 0 };
        });
  if (backends.length === 0) return null;
  return (
    <ul
      aria-label={t("lbHealth.label")}
      className="mt-0.5 flex max-h-[30px] flex-wrap gap-0.5 overflow-hidden"
    >
      {backends.map((b) => {
        const label =
          b.state === "ejected"
            ? t("lbHealth.ejected", { node: b.node })
            : b.state === "failing"
              ? t("lbHealth.failing", { node: b.node, failures: b.failures, threshold })
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
