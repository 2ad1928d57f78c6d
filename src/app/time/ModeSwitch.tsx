import { useCommand } from "../commands/useCommand.ts";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";

const option = "rounded px-2 py-0.5 text-sm font-medium";

/** Requests one at a time, or traffic over time: two views of the same cluster. */
export function ModeSwitch() {
  const t = useT();
  const timeMode = useAppStore((s) => s.timeMode);
  const showTimeView = useAppStore((s) => s.showTimeView);
  const toggle = useCommand("time-mode");
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two toggle buttons, not a form fieldset
    <div role="group" aria-label={t("mode.label")} className="flex gap-1 rounded p-0.5 ring-1 ring-white/40">
      {([false, true] as const).map((time) => (
        <button
          key={String(time)}
          type="button"
          aria-pressed={timeMode === time}
          aria-keyshortcuts={toggle.keys}
          onClick={() => showTimeView(time)}
          className={`${option} ${timeMode === time ? "bg-white text-k8s-deep" : "text-white hover:bg-white/20"}`}
        >
          {time ? t("mode.time") : t("mode.requests")}
        </button>
      ))}
    </div>
  );
}
