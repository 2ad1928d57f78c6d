import { type NestedMessage, renderText } from "../../../engine/index.ts";
import { onDemand } from "../../onDemand.ts";

// The engine's English templates are a chunk of their own that the page fetches when it first shows an
// engine text in English, or once the first screen is drawn (main.tsx), whichever comes first (issue 15:
// a first screen does not carry them). Components read them through useEngineText, which re-renders
// them when the templates arrive; the CLI and the engine worker render English at once (renderMessage).

const listeners = new Set<() => void>();
const templates = onDemand(
  () => import("./englishTemplates.ts").then((module) => module.engineTexts),
  () => {
    for (const listener of listeners) listener();
  },
);

/** Fetches the English templates, once (onDemand). */
export function loadEnglishEngineTexts(): Promise<void> {
  return templates.load().then(() => undefined);
}

/** A message in English, or undefined while the templates are on their way (asking for them if need be). */
export function englishEngineText(message: NestedMessage): string | undefined {
  const loaded = templates.loaded();
  if (!loaded) {
    loadEnglishEngineTexts().catch(() => undefined);
    return undefined;
  }
  return renderText(loaded, message);
}

/** Whether the English templates are here. */
export function englishEngineTextsLoaded(): boolean {
  return templates.loaded() !== undefined;
}

/** Calls `listener` when the English templates arrive; returns the unsubscribe (useSyncExternalStore's shape). */
export function onEnglishEngineTexts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
