import { useCallback } from "react";
import { useAppStore } from "../store/useAppStore.ts";
import { type MessageKey, type Params, translate } from "./index.ts";

/** `t(key, params)` in the learner's language; components re-render when the language changes. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const language = useAppStore((s) => s.language);
  return useCallback((key, params) => translate(language, key, params), [language]);
}
