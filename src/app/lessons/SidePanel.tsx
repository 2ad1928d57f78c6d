import { type ReactNode, useId } from "react";
import { useT } from "../i18n/useT.ts";
import type { SideTab as Tab } from "../store/uiSlice.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { LessonPanel } from "./LessonPanel.tsx";

/** The left column: the lessons and, in a second tab, the manifest editor. */
export function SidePanel({ manifests }: { manifests?: ReactNode }) {
  const t = useT();
  const id = useId();
  const tab = useAppStore((s) => s.sideTab);
  const setTab = useAppStore((s) => s.setSideTab);
  if (!manifests) {
    return (
      <aside className="h-full overflow-y-auto" aria-label={t("side.lessons")}>
        <LessonPanel />
      </aside>
    );
  }
  const tabs: { key: Tab; label: string }[] = [
    { key: "lessons", label: t("side.lessons") },
    { key: "manifests", label: t("side.manifests") },
  ];
  return (
    <aside className="flex h-full flex-col" aria-label={t("side.tabs")}>
      <div role="tablist" aria-label={t("side.tabs")} className="flex border-slate-200 border-b">
        {tabs.map(({ key, label }, index) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`${id}-${key}`}
            aria-controls={`${id}-${key}-panel`}
            aria-selected={tab === key}
            tabIndex={tab === key ? 0 : -1}
            className={`flex-1 px-3 py-2 font-medium text-sm ${tab === key ? "border-k8s border-b-2 text-k8s" : "text-slate-600"}`}
            onClick={() => setTab(key)}
            onKeyDown={(event) => {
              if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
              const next = tabs[(index + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
              if (!next) return;
              setTab(next.key);
              document.getElementById(`${id}-${next.key}`)?.focus();
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-${tab}-panel`}
        aria-labelledby={`${id}-${tab}`}
        className="min-h-0 flex-1 overflow-y-auto"
      >
        {tab === "lessons" ? <LessonPanel /> : manifests}
      </div>
    </aside>
  );
}
