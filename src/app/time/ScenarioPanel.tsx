import { type FormEvent, useId, useMemo, useState } from "react";
import { isClientRef, isNodeRef, nodeName, refName } from "../../engine/index.ts";
import { CommandButton } from "../commands/CommandButton.tsx";
import { useCommand } from "../commands/useCommand.ts";
import { useEngineText, useT } from "../i18n/useT.ts";
import { DestinationInput } from "../requests/DestinationInput.tsx";
import { requestSources } from "../requests/suggestions.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { clockText } from "./scenario.ts";
import { useShownClock } from "./useShownClock.ts";

const control = "rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm";
const small =
  "rounded border border-slate-300 bg-white px-1.5 text-xs hover:bg-slate-100 disabled:opacity-50";

/** Adds a stream of requests: from where, to which address, how many a second. */
function AddStream() {
  const t = useT();
  const id = useId();
  const cluster = useAppStore((s) => s.cluster);
  const addStream = useAppStore((s) => s.addStream);
  const [name, setName] = useState("");
  const [from, setFrom] = useState("external");
  const [to, setTo] = useState("");
  const [rate, setRate] = useState(10);
  const sources = useMemo(() => (cluster ? requestSources(cluster) : { nodes: [], pods: [] }), [cluster]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!to.trim() || !(rate > 0)) return;
    addStream({ name: name || suggestedName(from, to), from, to: to.trim(), rate });
    setName("");
  };
  return (
    <form aria-label={t("scenario.addStream")} onSubmit={submit} className="flex flex-wrap items-end gap-1.5">
      <div className="flex flex-col text-slate-600 text-xs">
        <label htmlFor={`${id}-name`}>{t("scenario.name")}</label>
        <input
          id={`${id}-name`}
          className={`${control} w-24 font-mono`}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="flex flex-col text-slate-600 text-xs">
        <label htmlFor={`${id}-from`}>{t("scenario.from")}</label>
        <select
          id={`${id}-from`}
          className={`${control} max-w-40`}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        >
          <option value="external">external</option>
          {[...sources.nodes, ...sources.pods].map((ref) => (
            <option key={ref} value={ref}>
              {ref}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-48 flex-1 flex-col text-slate-600 text-xs">
        <label htmlFor={`${id}-to`}>{t("scenario.to")}</label>
        <DestinationInput
          id={`${id}-to`}
          className={`${control} font-mono`}
          value={to}
          placeholder="http://198.51.100.10/"
          onChange={setTo}
        />
      </div>
      <div className="flex flex-col text-slate-600 text-xs">
        <label htmlFor={`${id}-rate`}>{t("scenario.rate")}</label>
        <input
          id={`${id}-rate`}
          type="number"
          min={1}
          max={1000}
          className={`${control} w-20`}
          value={rate}
          onChange={(e) => setRate(Number(e.target.value))}
        />
      </div>
      <button
        type="submit"
        className="rounded bg-k8s px-2 py-1 font-medium text-sm text-white disabled:opacity-50"
        disabled={!to.trim()}
      >
        {t("scenario.addStream")}
      </button>
    </form>
  );
}

/** A stream's default name: what it goes to (`lb-198-51-100-10`), readable in the CLI's table. */
function suggestedName(from: string, to: string): string {
  const host = to.replace(/^\w+:\/\//, "").replace(/\/.*$/, "");
  return `${isClientRef(from) ? "" : `${refName(from)}-`}${host}`;
}

/** Fail or recover the selected node at the clock's second (the same commands as the F and R keys). */
function NodeActions() {
  const t = useT();
  const node = useAppStore((s) => (isNodeRef(s.selectedRef) ? nodeName(s.selectedRef) : null));
  const clock = clockText(useShownClock().second);
  const fail = useCommand("fail-node");
  const recover = useCommand("recover-node");
  if (!node) return <p className="text-slate-500 text-xs">{t("scenario.selectNode")}</p>;
  return (
    <div className="flex gap-2">
      <CommandButton command={fail} className={`${small} py-0.5 text-red-800`}>
        {t("scenario.failNode", { node, clock })}
      </CommandButton>
      <CommandButton command={recover} className={`${small} py-0.5 text-emerald-800`}>
        {t("scenario.recoverNode", { node, clock })}
      </CommandButton>
    </div>
  );
}

/** The learner's scenario: its streams, its events, and why it cannot run when it cannot. */
export function ScenarioPanel() {
  const t = useT();
  const engineText = useEngineText();
  const scenario = useAppStore((s) => s.scenario);
  const allDiagnostics = useAppStore((s) => s.simulationDiagnostics);
  const diagnostics = useMemo(() => allDiagnostics.filter((d) => d.severity === "error"), [allDiagnostics]);
  const removeStream = useAppStore((s) => s.removeStream);
  const removeEvent = useAppStore((s) => s.removeEvent);
  const clear = useAppStore((s) => s.clearScenario);
  const exportScenario = useCommand("export-scenario");
  return (
    <div className="space-y-2 px-3 py-2 text-sm">
      {diagnostics.length > 0 && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 px-2 py-1 text-red-800 text-xs">
          {t("scenario.problems")}
          <ul className="list-disc pl-4 font-mono">
            {diagnostics.map((d) => (
              <li key={`${d.line}:${d.column}:${d.path}`}>
                {d.path}: {engineText(d.text)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3 className="font-semibold text-slate-700 text-xs">{t("scenario.streams")}</h3>
      <ul aria-label={t("scenario.streams")} className="space-y-0.5 font-mono text-xs">
        {scenario.traffic.length === 0 && <li className="text-slate-500">{t("scenario.noStreams")}</li>}
        {scenario.traffic.map((s) => (
          <li key={s.name} className="flex items-center gap-2">
            <span>{t("scenario.streamEntry", { ...s })}</span>
            <button
              type="button"
              className={small}
              aria-label={t("scenario.removeStream", { name: s.name })}
              onClick={() => removeStream(s.name)}
            >
              {t("scenario.remove")}
            </button>
          </li>
        ))}
      </ul>
      <AddStream />
      <h3 className="font-semibold text-slate-700 text-xs">{t("scenario.events")}</h3>
      <ul aria-label={t("scenario.events")} className="space-y-0.5 font-mono text-xs">
        {scenario.events.length === 0 && <li className="text-slate-500">{t("scenario.noEvents")}</li>}
        {scenario.events.map((e, i) => (
          <li key={`${e.at}-${e.action}-${e.target}`} className="flex items-center gap-2">
            <span>{t("scenario.eventEntry", { at: e.at, action: e.action, target: e.target })}</span>
            <button
              type="button"
              className={small}
              aria-label={t("scenario.removeEvent", { at: e.at, action: e.action, target: e.target })}
              onClick={() => removeEvent(i)}
            >
              {t("scenario.remove")}
            </button>
          </li>
        ))}
      </ul>
      <NodeActions />
      <div className="flex gap-2">
        <button type="button" className={small} onClick={exportScenario.run}>
          {t("scenario.export")}
        </button>
        <button type="button" className={small} onClick={clear}>
          {t("scenario.clear")}
        </button>
      </div>
      <p className="text-slate-500 text-xs">{t("scenario.exportNote")}</p>
    </div>
  );
}
