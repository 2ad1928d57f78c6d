import type { StateCreator } from "zustand";
import type { Language } from "../i18n/index.ts";
import type { AppState } from "./index.ts";

export type SideTab = "lessons" | "manifests";

export interface UiSlice {
  language: Language;
  setLanguage(language: Language): void;
  /** Which tab of the left column shows: a jump to a manifest line opens "manifests". */
  sideTab: SideTab;
  setSideTab(tab: SideTab): void;
  /** Whether the console (kubectl, curl, dig) is open below the graph. */
  consoleOpen: boolean;
  setConsoleOpen(open: boolean): void;
  /** A command to put in the console's input (a lesson's kubectl command, clicked); `seq` repeats it. */
  consoleTyped: { text: string; seq: number } | null;
  /** Opens the console with `text` in its input, ready to run. */
  typeIntoConsole(text: string): void;
}

export function createUiSlice(initialLanguage: Language): StateCreator<AppState, [], [], UiSlice> {
  return (set) => ({
    language: initialLanguage,
    setLanguage: (language) => set({ language }),
    sideTab: "lessons",
    setSideTab: (sideTab) => set({ sideTab }),
    consoleOpen: false,
    setConsoleOpen: (consoleOpen) => set({ consoleOpen }),
    consoleTyped: null,
    typeIntoConsole: (text) =>
      set((s) => ({ consoleOpen: true, consoleTyped: { text, seq: (s.consoleTyped?.seq ?? 0) + 1 } })),
  });
}
