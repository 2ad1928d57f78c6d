import { useState } from "react";
import { LANGUAGES, type Language, loadLanguage } from "./i18n/index.ts";
import { useT } from "./i18n/useT.ts";
import { useAppStore } from "./store/useAppStore.ts";

const NAMES: Record<Language, string> = { en: "English", ja: "日本語" };

export function LanguageSwitch() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const [failed, setFailed] = useState<Language | null>(null);
  const choose = async (chosen: Language) => {
    setFailed(null);
    if (!(await setLanguage(chosen))) setFailed(chosen);
  };
  // The other language's texts are fetched as the learner reaches for the switch, so that choosing one
  // shows it at once (the page switches only once they are in: uiSlice.setLanguage).
  const fetchOthers = () => {
    for (const other of LANGUAGES) if (other !== language) loadLanguage(other).catch(() => undefined);
  };
  return (
    <div className="flex items-center gap-2">
      <label className="flex items-center gap-2 text-sm" onPointerEnter={fetchOthers} onFocus={fetchOthers}>
        <span>{t("app.language")}</span>
        <select
          className="rounded border border-white/60 bg-white/10 px-2 py-1 text-white [&>option]:text-slate-900"
          value={language}
          onChange={(e) => void choose(e.target.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      {failed && (
        <span role="status" className="max-w-56 text-amber-100 text-xs">
          {t("app.languageFailed", { language: NAMES[failed] })}
        </span>
      )}
    </div>
  );
}
