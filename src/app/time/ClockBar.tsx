import { CommandButton } from "../commands/CommandButton.tsx";
import { useCommand } from "../commands/useCommand.ts";
import { useT } from "../i18n/useT.ts";
import { CLOCK_SPEEDS } from "../store/timeSlice.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { SampledNote } from "./SampledNote.tsx";
import { clockText } from "./scenario.ts";
import { useClockLoop } from "./useClockLoop.ts";
import { useShownClock } from "./useShownClock.ts";

const button =
  "rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-50";

/** The virtual clock: play, pause, a second back or forward, speed, and the scenario's length. */
export function ClockBar() {
  const t = useT();
  useClockLoop();
  const playing = useAppStore((s) => s.clockPlaying);
  const { second } = useShownClock();
  const duration = useAppStore((s) => s.scenario.duration);
  const speed = useAppStore((s) => s.clockSpeed);
  const setSpeed = useAppStore((s) => s.setClockSpeed);
  const setDuration = useAppStore((s) => s.setScenarioDuration);
  const simulating = useAppStore((s) => s.simulating);
  const play = useCommand("clock-play");
  const back = useCommand("clock-back");
  const forward = useCommand("clock-forward");
  return (
    <section
      aria-label={t("clock.region")}
      className="flex flex-wrap items-center gap-2 border-slate-200 border-b bg-slate-50 px-3 py-2 text-sm"
    >
      <CommandButton
        command={play}
        className="min-w-16 rounded bg-k8s px-2 py-0.5 font-medium text-sm text-white hover:bg-k8s/90"
      >
        {playing ? t("clock.pause") : t("clock.play")}
      </CommandButton>
      <CommandButton command={back} className={button} aria-label={t("command.clockBack")}>
        −1s
      </CommandButton>
      <CommandButton command={forward} className={button} aria-label={t("command.clockForward")}>
        +1s
      </CommandButton>
      <output aria-live="off" className="min-w-36 font-mono font-semibold text-slate-800 tabular-nums">
        {t("clock.time", { clock: clockText(second), duration: clockText(duration) })}
      </output>
      <label className="flex items-center gap-1 text-slate-600">
        {t("clock.speed")}
        <select className={button} value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {CLOCK_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1 text-slate-600">
        {t("clock.duration")}
        <input
          type="number"
          min={10}
          max={3600}
          step={10}
          className={`${button} w-20`}
          value={duration}
          onChange={(e) => setDuration(Number(e.target.value))}
        />
      </label>
      {simulating && <span className="text-slate-500">{t("clock.simulating")}</span>}
      <span className="ml-auto cursor-help text-slate-500 text-xs" title={t("clock.invented")}>
        ⓘ
      </span>
      <SampledNote />
    </section>
  );
}
