import type { StoreApi } from "zustand/vanilla";
import type { LessonCommand } from "../../lessons/index.ts";
import { fillPlaceholders } from "../../lessons/placeholders.ts";
import { loadedLessonText } from "../../lessons/texts.ts";
import type { AppState } from "../store/index.ts";
import { currentLesson } from "../store/lessonSlice.ts";
import { type Command, registerCommands, runCommand } from "./registry.ts";

const inLesson = (s: AppState) => currentLesson(s) !== undefined;

/** Moving through a lesson, and the DNS lookup its steps ask for. */
export const lessonCommands: readonly Command[] = [
  {
    id: "lesson-next-step",
    label: "command.nextStep",
    keys: ["]"],
    enabled: (s) => {
      const lesson = currentLesson(s);
      return lesson !== undefined && s.stepIndex < lesson.steps.length - 1;
    },
    run: (store) => store.getState().goToStep(store.getState().stepIndex + 1),
  },
  {
    id: "lesson-previous-step",
    label: "command.previousStep",
    keys: ["["],
    enabled: (s) => inLesson(s) && s.stepIndex > 0,
    run: (store) => store.getState().goToStep(store.getState().stepIndex - 1),
  },
  {
    id: "lesson-hint",
    label: "command.hint",
    keys: ["h"],
    enabled: (s) => {
      const lesson = currentLesson(s);
      const step = lesson?.steps[s.stepIndex];
      // The step's hints are in its text, on screen (and so loaded) whenever a hint can be asked for.
      const text = lesson && loadedLessonText(lesson.id, s.language);
      const hints = step ? (text?.steps[step.id]?.hints.length ?? 0) : 0;
      return s.hintsShown < hints;
    },
    run: (store) => store.getState().showHint(),
  },
  {
    id: "lesson-show-me",
    label: "command.showMe",
    keys: ["m"],
    enabled: (s) => inLesson(s) && !s.showingSolution && s.cluster !== null,
    run: (store) => showMe(store),
  },
  {
    id: "dns-lookup",
    label: "command.dnsLookup",
    keys: [],
    enabled: (s) => s.cluster !== null && s.lookupName.trim() !== "",
    run: async (store) => void (await store.getState().lookup()),
  },
];

/** A pause between played commands, so that the learner can follow each one (a UI choice). */
const PLAY_PAUSE_MS = 500;
const pause = () => new Promise((resolve) => setTimeout(resolve, PLAY_PAUSE_MS));

/**
 * Plays one of a lesson's command records through the same commands the learner's buttons run:
 * fills in the request bar, selects the node, types into the editor, then runs the command.
 */
export async function playLessonCommand(command: LessonCommand, store: StoreApi<AppState>): Promise<boolean> {
  const state = store.getState();
  switch (command.id) {
    case "editManifests":
      for (const file of command.files) state.setFileText(file.name, file.text);
      await store.getState().rebuild();
      return true;
    case "failNode":
    case "recoverNode":
      state.select(command.node);
      return runCommand(command.id === "failNode" ? "fail-node" : "recover-node", store);
    case "dns":
      state.setLookupFrom(command.from);
      state.setLookupName(command.name);
      return runCommand("dns-lookup", store);
    case "addStream": {
      const to = state.cluster ? fillPlaceholders(command.to, state.cluster) : null;
      if (to === null) return false;
      state.showTimeView(true);
      state.addStream({ name: command.name, from: command.from, to, rate: command.rate });
      return true;
    }
    case "scenarioEvent":
      state.showTimeView(true);
      state.seek(command.at);
      state.select(command.node);
      return runCommand(command.action, store);
    case "simulationSetting":
      state.showTimeView(true);
      state.setSimulationSetting(command.path, command.value);
      return true;
    case "loadBalancerProvider":
      state.showTimeView(true);
      await state.setLoadBalancerProvider(command.provider);
      return true;
    case "send":
    case "sendMany": {
      const to = state.cluster ? fillPlaceholders(command.to, state.cluster) : null;
      if (to === null) return false;
      state.setRequestFrom(command.from);
      state.setRequestTo(to);
      return runCommand(command.id === "send" ? "send" : "send-many", store);
    }
  }
}

/** "Show me": plays the current step's solution, one command at a time. */
async function showMe(store: StoreApi<AppState>): Promise<void> {
  const lesson = currentLesson(store.getState());
  const step = lesson?.steps[store.getState().stepIndex];
  if (!step) return;
  store.getState().setShowingSolution(true);
  try {
    // The solution acts on the manifests as they are now, not as they were at the last settled edit.
    await store.getState().rebuild();
    for (const [i, command] of step.solution.entries()) {
      if (i > 0) await pause();
      if (!(await playLessonCommand(command, store))) break;
    }
  } finally {
    store.getState().setShowingSolution(false);
  }
}

registerCommands(lessonCommands);
