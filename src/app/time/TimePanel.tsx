import { useState } from "react";
import { useT } from "../i18n/useT.ts";
import { Splitter, usePanel } from "../layout/SidePanelFrame.tsx";
import { EventsPanel } from "./EventsPanel.tsx";
import { ScenarioPanel } from "./ScenarioPanel.tsx";
import { SettingsPanel } from "./SettingsPanel.tsx";
import { Timeline } from "./Timeline.tsx";

type Tab = "scenario" | "settings";

/**
 * The panel's height: under two fifths of the window and at most 340 px, the rest left to the graph and
 * the clock (on a 720 px window the graph keeps about 300 px, on a 900 px one about 410); at most two
 * thirds of the window, however it is dragged.
 */
function timePanelSizes(): { initial: number; min: number; max: number } {
  const height = typeof window === "undefined" ? 900 : window.innerHeight;
  return { initial: Math.round(Math.min(340, height * 0.38)), min: 160, max: Math.round(height * 0.66) };
}

/**
 * Under the graph in the time view: the timeline, then the scenario or settings beside the events. Its
 * top edge is a separator that gives the graph more or less of the height, and its lower part (scenario,
 * settings, events) folds away, leaving the timeline and the tabs.
 */
export function TimePanel() {
  const t = useT();
  const [tab, setTab] = useState<Tab>("scenario");
  const [sizes] = useState(timePanelSizes);
  const panel = usePanel("time", { size: sizes.initial, open: true }, sizes);
  const open = (id: Tab) => {
    setTab(id);
    if (!panel.open) panel.toggle();
  };
  return (
    <div
      id="time-panel"
      className="relative flex min-h-0 shrink-0 flex-col max-md:h-auto!"
      style={{ height: panel.open ? panel.size : undefined }}
    >
      {panel.open && (
        <Splitter panel={panel} side="bottom" controls="time-panel" label={t("layout.resizeTime")} />
      )}
      <div className="min-h-0 shrink overflow-y-auto">
        <Timeline />
      </div>
      <div className="flex items-end gap-1 border-slate-200 border-t px-3 pt-1">
        <div role="tablist" aria-label={t("scenario.tab")} className="flex gap-1">
          {(["scenario", "settings"] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`time-tab-${id}`}
              aria-selected={panel.open && tab === id}
              aria-controls={`time-panel-${id}`}
              onClick={() => open(id)}
              className={`rounded-t px-2 py-0.5 font-medium text-xs ${
                panel.open && tab === id ? "bg-slate-200 text-slate-900" : "text-slate-600 hover:bg-slate-100"
              }`}
            >
              {id === "scenario" ? t("scenario.tab") : t("settings.tab")}
            </button>
          ))}
        </div>
        <button
          type="button"
          aria-expanded={panel.open}
          aria-controls="time-details"
          onClick={panel.toggle}
          className="ml-auto rounded px-2 py-0.5 text-slate-600 text-xs hover:bg-slate-100"
        >
          <span aria-hidden="true">{panel.open ? "▾ " : "▸ "}</span>
          {t("layout.timeDetails")}
        </button>
      </div>
      <div
        id="time-details"
        hidden={!panel.open}
        className="grid min-h-24 flex-1 grid-cols-[minmax(0,2fr)_minmax(0,3fr)] max-md:grid-cols-1"
      >
        <div
          role="tabpanel"
          id={`time-panel-${tab}`}
          aria-labelledby={`time-tab-${tab}`}
          className="min-h-0 overflow-y-auto border-slate-200 border-r max-md:max-h-64"
        >
          {tab === "scenario" ? <ScenarioPanel /> : <SettingsPanel />}
        </div>
        <EventsPanel />
      </div>
    </div>
  );
}
