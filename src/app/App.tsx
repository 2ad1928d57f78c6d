import { useEffect } from "react";
import { ClusterGraph } from "./graph/ClusterGraph.tsx";
import { useT } from "./i18n/useT.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { useAppStore } from "./store/useAppStore.ts";

/**
 * The page: header; the learner's side panel (lessons and the manifest editor) on the left; the
 * cluster graph with its request bar and log in the middle; the inspector on the right.
 */
export function App() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <div className="grid h-full grid-rows-[auto_1fr] bg-white text-slate-900">
      <header className="flex items-center gap-3 border-slate-200 border-b bg-k8s px-4 py-2 text-white">
        <h1 className="font-bold text-lg tracking-tight">{t("app.title")}</h1>
        <p className="text-sm text-white/85">{t("app.tagline")}</p>
        <div className="ml-auto">
          <LanguageSwitch />
        </div>
      </header>
      <div className="flex min-h-0">
        <main className="flex min-w-0 flex-1 flex-col" aria-label={t("region.cluster")}>
          <div className="min-h-0 flex-1">
            <ClusterGraph />
          </div>
        </main>
      </div>
    </div>
  );
}
