import { type Command, registerCommands } from "../commands/registry.ts";

/** The console opens and closes with the backquote key, as the consoles of many games and tools do. */
export const consoleCommands: readonly Command[] = [
  {
    id: "console-toggle",
    label: "command.console",
    keys: ["`"],
    run: (store) => store.getState().setConsoleOpen(!store.getState().consoleOpen),
  },
];

registerCommands(consoleCommands);
