import { useCallback } from "react";
import type { EngineMessage } from "../../engine/index.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { formatEngineMessage } from "./engine/index.ts";
import { type MessageKey, type Params, translate } from "./index.ts";

/** `t(key, params)` in the learner's language; components re-render when the language changes. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const language = useAppStore((s) => s.language);
  return useCallback((key, params) => translate(language, key, params), [language]);
}

/** An engine message (event, diagnostic, hop) in the learner's language; re-renders when it changes. */
export function useEngineText(): (message: EngineMessage) => string {
  const language = useAppStore((s) => s.language);
  return useCallback((message) => formatEngineMessage(message, language), [language]);
}
