import { type NestedMessage, renderText } from "../../../engine/index.ts";

// The engine's English templates are a chunk of their own that the page fetches when it first shows an
// engine text in English, or once the first screen is drawn (main.tsx), whichever comes first (issue 15:
// a first screen does not carry them). Components read them through useEngineText, which re-renders
// them when the templates arrive; the CLI and the engine worker render English at once (renderMessage).

let templates: Readonly<Record<string, string>> | undefined;
let fetching: Promise<void> | undefined;
const listeners = new Set<() => void>();

/** Fetches the English templates, once; a failed fetch (offline before they were cached) may be tried again. */
export function loadEnglishEngineTexts(): Promise<void> {
  fetching ??= import("./englishTemplates.ts").then(
    (module) => {
      templates = module.engineTexts;
      for (const listener of listeners) listener();
    },
    (error: unknown) => {
      fetching = undefined;
      throw error;
    },
  );
  return fetching;
}

/** A message in English, or undefined while the templates are on their way (asking for them if need be). */
export function englishEngineText(message: NestedMessage): string | undefined {
  if (!templates) {
    loadEnglishEngineTexts().catch(() => undefined);
    return undefined;
  }
  return renderText(templates, message);
}

/** Whether the English templates are here. */
export function englishEngineTextsLoaded(): boolean {
  return templates !== undefined;
}

/** Calls `listener` when the English templates arrive; returns the unsubscribe (useSyncExternalStore's shape). */
export function onEnglishEngineTexts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
