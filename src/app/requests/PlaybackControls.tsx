import { CommandButton } from "../commands/CommandButton.tsx";
import { useCommand } from "../commands/useCommand.ts";
import { useT } from "../i18n/useT.ts";
import { SPEEDS } from "../store/graphSlice.ts";
import { useAppStore } from "../store/useAppStore.ts";

const button = "rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-100";

/** Play, pause, step one hop, speed, and clearing the packets away. */
export function PlaybackControls() {
  const t = useT();
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const setSpeed = useAppStore((s) => s.setSpeed);
  const clear = useAppStore((s) => s.clearRequests);
  const toggle = useCommand("toggle-play");
  const step = useCommand("step");
  const back = useCommand("step-back");
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <CommandButton command={toggle} className={button}>
        {playing ? t("playback.pause") : t("playback.play")}
      </CommandButton>
      <CommandButton command={back} className={button}>
        {t("playback.stepBack")}
      </CommandButton>
      <CommandButton command={step} className={button}>
        {t("playback.step")}
      </CommandButton>
      <label className="flex items-center gap-1 text-slate-600">
        {t("playback.speed")}
        <select className={button} value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={button} onClick={clear}>
        {t("playback.clear")}
      </button>
    </div>
  );
}
