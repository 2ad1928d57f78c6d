import { useT } from "../i18n/useT.ts";
import { outcomeText } from "../packets/outcome.ts";
import { lastBatch } from "../store/selectors.ts";
import { useAppStore } from "../store/useAppStore.ts";

/** The spread of the last batch: one counter per outcome and per pod that answered. */
export function BatchSpread() {
  const t = useT();
  const batch = useAppStore(lastBatch);
  if (!batch) return null;
  const backends = Object.entries(batch.backends).sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <section aria-label={t("requests.spread", { count: batch.total })} className="px-3 pt-2 text-xs">
      <h2 className="font-semibold text-slate-700">
        {t("requests.spread", { count: batch.total })} · <span className="font-mono">{batch.to}</span>
      </h2>
      <ul className="mt-1 flex flex-wrap gap-1">
        {Object.entries(batch.outcomes).map(([outcome, n]) => (
          <li key={outcome} className="rounded bg-slate-100 px-1.5 py-0.5">
            {outcomeText(t, outcome as Parameters<typeof outcomeText>[1])}: <strong>{n}</strong>
          </li>
        ))}
        {backends.map(([pod, n]) => (
          <li key={pod} className="rounded bg-blue-50 px-1.5 py-0.5 font-mono text-blue-900">
            {pod}: <strong>{n}</strong>
          </li>
        ))}
        {backends.length === 0 && <li className="text-slate-500">{t("requests.noBackend")}</li>}
      </ul>
    </section>
  );
}
