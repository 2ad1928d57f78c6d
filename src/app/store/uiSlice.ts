import type { StateCreator } from "zustand";
import type { Language } from "../i18n/index.ts";
import type { AppState } from "./index.ts";

export interface UiSlice {
  language: Language;
  setLanguage(language: Language): void;
}

export function createUiSlice(initialLanguage: Language): StateCreator<AppState, [], [], UiSlice> {
  return (set) => ({
    language: initialLanguage,
    setLanguage: (language) => set({ language }),
  });
}
