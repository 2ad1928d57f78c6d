import type { ButtonHTMLAttributes } from "react";
import type { useCommand } from "./useCommand.ts";

/** A button that runs a command record: enabled as the command says, announcing its shortcut. */
export function CommandButton({
  command,
  ...props
}: { command: ReturnType<typeof useCommand> } & Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  "type" | "disabled" | "onClick"
>) {
  return (
    <button
      type="button"
      disabled={!command.enabled}
      aria-keyshortcuts={command.keys || undefined}
      onClick={command.run}
      {...props}
    />
  );
}
