import { useEffect, useState } from "react";
import type { LessonText } from "../../lessons/index.ts";
import { loadedLessonText, loadLessonText } from "../../lessons/texts.ts";
import type { Language } from "../i18n/index.ts";

/**
 * A lesson's text in a language: at once when it has been fetched (a language switch fetches the open
 * lesson's text before it switches), else `"loading"` until it arrives, or `"failed"` (offline, say).
 */
export function useLessonText(id: string, language: Language): LessonText | "loading" | "failed" {
  const text = loadedLessonText(id, language);
  const [failed, setFailed] = useState<string | null>(null);
  const [, setArrived] = useState<string | null>(null);
  const file = `${id}/${language}`;
  useEffect(() => {
    if (text || !id) return;
    let live = true;
    loadLessonText(id, language).then(
      () => live && setArrived(file),
      () => live && setFailed(file),
    );
    return () => {
      live = false;
    };
  }, [id, language, file, text]);
  return text ?? (failed === file ? "failed" : "loading");
}
