import { useCallback, useSyncExternalStore } from "react";
import type { EngineMessage } from "../../engine/index.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { onEnglishEngineTexts } from "./engine/english.ts";
import { engineTextsLoaded, formatEngineMessage } from "./engine/index.ts";
import { type MessageKey, type Params, translate } from "./index.ts";

/** `t(key, params)` in the learner's language; components re-render when the language changes. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const language = useAppStore((s) => s.language);
  return useCallback((key, params) => translate(language, key, params), [language]);
}

/**
 * An engine message (event, diagnostic, hop) in the learner's language; re-renders when it changes, and
 * when the engine's English templates arrive (fetched when first needed: i18n/engine/english.ts).
 */
export function useEngineText(): (message: EngineMessage) => string {
  const language = useAppStore((s) => s.language);
  const loaded = useSyncExternalStore(onEnglishEngineTexts, () => engineTextsLoaded(language));
  // `loaded` is a dependency so that the function changes, and memoised children render again, on arrival.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  return useCallback((message) => formatEngineMessage(message, language), [language, loaded]);
}
