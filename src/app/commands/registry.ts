import type { StoreApi } from "zustand/vanilla";
import type { MessageKey } from "../i18n/index.ts";
import type { AppState } from "../store/index.ts";

/**
 * An action a learner can take, shared by toolbar buttons, keyboard shortcuts and lesson playback
 * (DESIGN.md: commands are records `{ id, label, keys, run }`).
 */
export interface Command {
  id: string;
  label: MessageKey;
  /** Shortcuts as `key` or `shift+key` (lower case), matched against KeyboardEvent.key. */
  keys: readonly string[];
  /** Whether the command can run now (a node must be selected to fail it). */
  enabled?(state: AppState): boolean;
  run(store: StoreApi<AppState>): void | Promise<void>;
}

const commands = new Map<string, Command>();

/** Adds commands; each feature registers its own from its own file in this folder. */
export function registerCommands(list: readonly Command[]): void {
  for (const command of list) {
    if (commands.has(command.id)) throw new Error(`command ${command.id} is registered twice`);
    commands.set(command.id, command);
  }
}

export function getCommand(id: string): Command | undefined {
  return commands.get(id);
}

export function listCommands(): Command[] {
  return [...commands.values()];
}

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The command a key press stands for; presses with Ctrl, Alt or Meta belong to the browser. */
export function commandForKey(press: KeyPress): Command | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
  const name = `${press.shiftKey ? "shift+" : ""}${press.key.toLowerCase()}`;
  return listCommands().find((c) => c.keys.includes(name));
}

/** Runs a command by id when it is enabled; returns whether it ran. Lesson playback calls this. */
export async function runCommand(id: string, store: StoreApi<AppState>): Promise<boolean> {
  const command = commands.get(id);
  if (!command || (command.enabled && !command.enabled(store.getState()))) return false;
  await command.run(store);
  return true;
}

/** `aria-keyshortcuts` form of a command's keys ("Shift+S F"). */
export function ariaKeys(command: Command): string {
  return command.keys
    .map((k) =>
      k
        .split("+")
        .map((part) => (part.length === 1 ? part.toUpperCase() : part[0]?.toUpperCase() + part.slice(1)))
        .join("+"),
    )
    .join(" ");
}
