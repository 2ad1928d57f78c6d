import { type ReactNode, useId, useState } from "react";
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
  const manifestsOpened = useOnceTrue(tab === "manifests");
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
      {tab === "lessons" && (
        <div
          role="tabpanel"
          id={`${id}-lessons-panel`}
          aria-labelledby={`${id}-lessons`}
          // Positioned, so that its screen-reader-only texts (absolute) stay inside the scroll box: else
          // they make the document taller than the window, and focusing the inspector scrolls the page.
          className="relative min-h-0 flex-1 overflow-y-auto"
        >
          <LessonPanel />
        </div>
      )}
      {/* Once opened, the editor stays mounted, hidden behind the other tab: opening it again must not
          build CodeMirror's view of the whole document anew (issue 16 item 3: 10 MB took a third of a second). */}
      {(tab === "manifests" || manifestsOpened) && (
        <div
          role="tabpanel"
          id={`${id}-manifests-panel`}
          aria-labelledby={`${id}-manifests`}
          hidden={tab !== "manifests"}
          className="relative min-h-0 flex-1 overflow-y-auto"
        >
          {manifests}
        </div>
      )}
    </aside>
  );
}

/** True from the first render where `now` is true on. */
function useOnceTrue(now: boolean): boolean {
  const [seen, setSeen] = useState(now);
  if (now && !seen) setSeen(true);
  return seen || now;
}
