import { type Command, registerCommands } from "./registry.ts";

/** The time view: switching to it, the clock, and exporting the learner's scenario. */
export const timeCommands: readonly Command[] = [
  {
    id: "time-mode",
    label: "command.timeMode",
    keys: ["t"],
    run: (store) => store.getState().showTimeView(!store.getState().timeMode),
  },
  {
    id: "clock-play",
    label: "command.clockPlay",
    keys: ["k"],
    enabled: (s) => s.timeMode,
    run: (store) => {
      const s = store.getState();
      if (s.clockPlaying) s.pauseClock();
      else s.playClock();
    },
  },
  {
    id: "clock-back",
    label: "command.clockBack",
    keys: [","],
    enabled: (s) => s.timeMode && s.clock > 0,
    run: (store) => store.getState().seek(Math.ceil(store.getState().clock) - 1),
  },
  {
    id: "clock-forward",
    label: "command.clockForward",
    keys: ["."],
    enabled: (s) => s.timeMode && s.clock < s.scenario.duration,
    run: (store) => store.getState().seek(Math.floor(store.getState().clock) + 1),
  },
  {
    id: "export-scenario",
    label: "command.exportScenario",
    keys: [],
    // Its YAML writer loads when the learner first exports: a first screen never pays for it (issue 15).
    run: async (store) => {
      const { downloadScenario } = await import("../time/exportScenario.ts");
      downloadScenario(store.getState().scenario);
    },
  },
];

registerCommands(timeCommands);
