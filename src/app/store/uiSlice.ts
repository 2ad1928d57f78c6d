import type { StateCreator } from "zustand";
import { loadLessonText } from "../../lessons/texts.ts";
import { LANGUAGES, type Language, loadLanguage, preferredLanguage } from "../i18n/index.ts";
import { type KeyValueStorage, readStored, writeStored } from "../persist/storage.ts";
import type { AppState } from "./index.ts";
import { currentLesson } from "./lessonSlice.ts";

export type SideTab = "lessons" | "manifests";

export interface UiSlice {
  /** The learner's language: saved locally; at first the browser's preferred one. */
  language: Language;
  /**
   * Shows the app in `language` and saves the choice, once that language's texts (and the open lesson's)
   * are fetched: until then the page stays in the language it shows, never with a text missing.
   */
  /** Switches once the language's texts are in; false when they could not be fetched (offline, not cached). */
  setLanguage(language: Language): Promise<boolean>;
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

const LANGUAGE_KEY = "language";

const isLanguage = (v: unknown): v is Language => LANGUAGES.some((l) => l === v);

export function createUiSlice(
  storage: KeyValueStorage | undefined,
  browserLanguages: readonly string[],
): StateCreator<AppState, [], [], UiSlice> {
  /** The language asked for last: a switch whose texts arrive after a later one's is dropped. */
  let wanted: Language | undefined;
  return (set, get) => ({
    language: readStored(storage, LANGUAGE_KEY, isLanguage) ?? preferredLanguage(browserLanguages),
    async setLanguage(language) {
      wanted = language;
      const lesson = currentLesson(get());
      try {
        await Promise.all([
          loadLanguage(language),
          // A lesson text that fails to arrive says so in the lesson (useLessonText); the rest switches.
          lesson && loadLessonText(lesson.id, language).catch(() => undefined),
        ]);
      } catch {
        return false; // Offline before the app was cached: the page stays in the language it can show.
      }
      if (wanted !== language) return true;
      set({ language });
      writeStored(storage, LANGUAGE_KEY, language);
      return true;
    },
    sideTab: "lessons",
    setSideTab: (sideTab) => set({ sideTab }),
    consoleOpen: false,
    setConsoleOpen: (consoleOpen) => set({ consoleOpen }),
    consoleTyped: null,
    typeIntoConsole: (text) =>
      set((s) => ({ consoleOpen: true, consoleTyped: { text, seq: (s.consoleTyped?.seq ?? 0) + 1 } })),
  });
}
