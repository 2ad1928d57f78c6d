import { useT } from "../i18n/useT.ts";
import { oneIn } from "../packets/sampling.ts";
import { useAppStore } from "../store/useAppStore.ts";

/** Says how much of the traffic the graph draws at this clock speed: a sample, while the timeline counts it all. */
export function SampledNote() {
  const t = useT();
  const n = useAppStore((s) => {
    const rates = s.simulation?.rates ?? [];
    return rates.length === 0 ? 0 : Math.max(...rates.map((r) => oneIn(r, s.clockSpeed)));
  });
  if (n === 0) return null;
  return (
    <p className="text-slate-600 text-xs">{n > 1 ? t("clock.sampled", { n }) : t("clock.everyPacket")}</p>
  );
}
