import { useState } from "react";
import { useT } from "../i18n/useT.ts";
import { EventsPanel } from "./EventsPanel.tsx";
import { ScenarioPanel } from "./ScenarioPanel.tsx";
import { SettingsPanel } from "./SettingsPanel.tsx";
import { Timeline } from "./Timeline.tsx";

type Tab = "scenario" | "settings";

/** Under the graph in the time view: the timeline, then the scenario or settings beside the events. */
export function TimePanel() {
  const t = useT();
  const [tab, setTab] = useState<Tab>("scenario");
  return (
    <div className="flex min-h-0 flex-col">
      <Timeline />
      <div className="grid h-48 min-h-0 grid-cols-[minmax(0,2fr)_minmax(0,3fr)] border-slate-200 border-t max-md:h-auto max-md:grid-cols-1">
        <div className="flex min-h-0 flex-col border-slate-200 border-r max-md:max-h-64">
          <div role="tablist" aria-label={t("scenario.tab")} className="flex gap-1 px-3 pt-1">
            {(["scenario", "settings"] as const).map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`time-tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`time-panel-${id}`}
                onClick={() => setTab(id)}
                className={`rounded-t px-2 py-0.5 font-medium text-xs ${
                  tab === id ? "bg-slate-200 text-slate-900" : "text-slate-600 hover:bg-slate-100"
                }`}
              >
                {id === "scenario" ? t("scenario.tab") : t("settings.tab")}
              </button>
            ))}
          </div>
          <div
            role="tabpanel"
            id={`time-panel-${tab}`}
            aria-labelledby={`time-tab-${tab}`}
            className="min-h-0 flex-1 overflow-y-auto"
          >
            {tab === "scenario" ? <ScenarioPanel /> : <SettingsPanel />}
          </div>
        </div>
        <EventsPanel />
      </div>
    </div>
  );
}
