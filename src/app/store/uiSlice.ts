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
}

export function createUiSlice(initialLanguage: Language): StateCreator<AppState, [], [], UiSlice> {
  return (set) => ({
    language: initialLanguage,
    setLanguage: (language) => set({ language }),
    sideTab: "lessons",
    setSideTab: (sideTab) => set({ sideTab }),
  });
}
