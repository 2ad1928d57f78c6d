import { useMemo } from "react";
import { useEngineText, useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { clockText, eventsUpTo, humanDuration } from "./scenario.ts";
import { useShownClock } from "./useShownClock.ts";

/**
 * What the control plane (and the scenario) did up to the clock, as `kubectl get events` shows it:
 * TYPE, REASON, OBJECT, MESSAGE, and the AGE of each event at the clock's time.
 */
export function EventsPanel() {
  const t = useT();
  const engineText = useEngineText();
  const events = useAppStore((s) => s.simulation?.events);
  const { second } = useShownClock();
  const shown = useMemo(() => eventsUpTo(events ?? [], second), [events, second]);
  return (
    <section aria-label={t("events.label")} className="flex min-h-0 flex-col max-md:h-64">
      <h2 className="px-3 pt-1 font-semibold text-slate-700 text-xs">
        {t("events.caption", { clock: clockText(second) })}
      </h2>
      <div className="min-h-0 flex-1 overflow-auto px-3 pb-2">
        {shown.length === 0 ? (
          <p className="text-slate-500 text-xs">{t("events.empty")}</p>
        ) : (
          <table className="w-full table-fixed text-left font-mono text-[11px]">
            {/* Fixed columns, and the message on a row of its own under its event: beside four columns it
                had no width left in the half of the middle column the events list gets. */}
            <colgroup>
              <col className="w-[8ch]" />
              <col />
              <col />
              <col className="w-[6ch]" />
            </colgroup>
            <thead className="sticky top-0 bg-white text-slate-500">
              <tr>
                <th className="pr-3 font-normal">{t("events.type")}</th>
                <th className="pr-3 font-normal">{t("events.reason")}</th>
                <th className="pr-3 font-normal">{t("events.object")}</th>
                <th className="font-normal">{t("events.age")}</th>
              </tr>
              <tr>
                <td />
                <th colSpan={3} className="font-normal">
                  {t("events.message")}
                </th>
              </tr>
            </thead>
            {shown.map((e) => (
              <tbody
                key={`${e.t}|${e.reason}|${e.object}|${e.message}`}
                className="border-slate-100 border-t"
              >
                <tr className="align-top">
                  <td className={`pr-3 ${e.type === "Warning" ? "text-amber-700" : "text-slate-600"}`}>
                    {e.type}
                  </td>
                  <td className="pr-3 font-semibold text-slate-800 [overflow-wrap:anywhere]">{e.reason}</td>
                  <td className="pr-3 text-slate-700 [overflow-wrap:anywhere]">{e.object}</td>
                  <td className="text-slate-600">{humanDuration(second - e.t)}</td>
                </tr>
                <tr>
                  <td />
                  <td colSpan={3} className="pb-1 text-slate-600 [overflow-wrap:anywhere]">
                    {engineText(e.text)}
                  </td>
                </tr>
              </tbody>
            ))}
          </table>
        )}
      </div>
    </section>
  );
}
