import { useEffect } from "react";
import { appStore, useAppStore } from "../store/useAppStore.ts";
import { ariaKeys, commandForKey, getCommand, runCommand } from "./registry.ts";

/** A command as a button needs it: whether it is enabled now, its shortcut, and a way to run it. */
export function useCommand(id: string) {
  const command = getCommand(id);
  const enabled = useAppStore((s) => (command ? (command.enabled?.(s) ?? true) : false));
  return {
    enabled,
    keys: command ? ariaKeys(command) : "",
    run: () => void runCommand(id, appStore),
  };
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Binds every registered command's keys on the page, except while the learner is typing. */
export function useCommandShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || typing(event.target)) return;
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      void runCommand(command.id, appStore);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
