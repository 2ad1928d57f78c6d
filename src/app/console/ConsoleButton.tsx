import { CommandButton } from "../commands/CommandButton.tsx";
import { useCommand } from "../commands/useCommand.ts";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";

/** Opens the console (the panel itself loads only then). */
export function ConsoleButton() {
  const t = useT();
  const open = useAppStore((s) => s.consoleOpen);
  return (
    <CommandButton
      command={useCommand("console-toggle")}
      aria-pressed={open}
      aria-controls={open ? "console" : undefined}
      title={t("command.console")}
      className="rounded border border-white/40 px-2 py-0.5 font-mono text-sm text-white hover:bg-white/10 aria-pressed:bg-white/20"
    >
      {t("console.button")}
    </CommandButton>
  );
}
