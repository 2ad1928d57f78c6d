import { useId, useState } from "react";
import { lessonIds, lessonSteps, lessonTitle } from "../../lessons/outline.ts";
import { samples } from "../../samples/index.ts";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { DnsLookup } from "./DnsLookup.tsx";

/** The course with each lesson's progress, and the sandbox with its sample manifests. */
export function LessonList({ onOpen }: { onOpen(): void }) {
  const t = useT();
  const headingId = useId();
  const sandboxId = useId();
  const language = useAppStore((s) => s.language);
  const completed = useAppStore((s) => s.completed);
  const mode = useAppStore((s) => s.mode);
  const lessonId = useAppStore((s) => s.lessonId);
  const openLesson = useAppStore((s) => s.openLesson);
  const openSandbox = useAppStore((s) => s.openSandbox);
  // The lesson clicked while its data is on its way (fetched at the first lesson opened: course.ts), or
  // whose data could not be fetched: said on the list, which stays until the lesson opens.
  const [opening, setOpening] = useState<{ id: string; failed: boolean } | null>(null);
  const total = lessonIds.reduce((n, id) => n + lessonSteps(id).length, 0);
  const done = lessonIds.reduce((n, id) => n + (completed[id]?.length ?? 0), 0);

  return (
    <div className="flex flex-col gap-4 p-3">
      <section aria-labelledby={headingId}>
        <h2 id={headingId} className="font-semibold text-base">
          {t("lessons.heading")}
        </h2>
        <p className="mb-1 text-slate-600 text-xs">{t("lessons.progress", { done, total })}</p>
        <progress className="mb-2 h-1.5 w-full accent-k8s" max={total} value={done} aria-hidden="true" />
        <ol className="flex flex-col gap-1">
          {lessonIds.map((id, index) => {
            const count = completed[id]?.length ?? 0;
            const steps = lessonSteps(id).length;
            const finished = count === steps;
            const current = mode === "lesson" && lessonId === id;
            const loading = opening?.id === id && !opening.failed;
            return (
              <li key={id}>
                <button
                  type="button"
                  className={`flex w-full items-center gap-2 rounded border px-2 py-1.5 text-left text-sm hover:bg-slate-50 ${current ? "border-k8s" : "border-slate-200"}`}
                  aria-current={current ? "true" : undefined}
                  aria-busy={loading ? true : undefined}
                  onClick={() => {
                    if (!current) {
                      setOpening({ id, failed: false });
                      void openLesson(id).then((opened) => setOpening(opened ? null : { id, failed: true }));
                    }
                    onOpen();
                  }}
                >
                  <span className="flex-1">
                    {t("lessons.open", { number: index + 1, title: lessonTitle(id, language) })}
                  </span>
                  {current && <span className="text-k8s text-xs">{t("lessons.current")}</span>}
                  {loading && <span className="text-slate-500 text-xs">{t("app.loading")}</span>}
                  <span
                    className={`rounded px-1.5 text-xs ${finished ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600"}`}
                  >
                    {finished
                      ? `✓ ${t("lessons.lessonDone")}`
                      : t("lessons.lessonProgress", { done: count, total: steps })}
                  </span>
                </button>
                {/* Under the lesson clicked, in sight where the learner looks (below the list it was off screen). */}
                {opening?.id === id && opening.failed && (
                  <p role="alert" className="mt-1 rounded bg-red-50 px-2 py-1 text-red-900 text-xs">
                    {t("lessons.openFailed", { title: lessonTitle(id, language) })}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby={sandboxId} className="flex flex-col gap-2">
        <h2 id={sandboxId} className="font-semibold text-base">
          {t("lessons.sandbox")}
        </h2>
        <p className="text-slate-600 text-xs">{t("lessons.sandboxIntro")}</p>
        {mode === "lesson" && (
          <button
            type="button"
            className="self-start rounded bg-k8s px-3 py-1 font-medium text-sm text-white"
            onClick={() => openSandbox()}
          >
            {t("lessons.openSandbox")}
          </button>
        )}
        <h3 className="font-semibold text-slate-700 text-xs uppercase tracking-wide">
          {t("lessons.samples")}
        </h3>
        <ul className="flex flex-col gap-1">
          {samples.map((sample) => (
            <li
              key={sample.id}
              className="flex items-start gap-2 rounded border border-slate-200 px-2 py-1.5"
            >
              <div className="flex-1 text-sm">
                <p className="font-medium">{t(`sample.${sample.id}.title`)}</p>
                <p className="text-slate-600 text-xs">{t(`sample.${sample.id}.description`)}</p>
              </div>
              <button
                type="button"
                className="rounded border border-k8s px-2 py-0.5 text-k8s text-sm hover:bg-k8s hover:text-white"
                aria-label={`${t("lessons.loadSample")}: ${t(`sample.${sample.id}.title`)}`}
                onClick={() => openSandbox(sample.files)}
              >
                {t("lessons.loadSample")}
              </button>
            </li>
          ))}
        </ul>
        {mode === "sandbox" && <DnsLookup />}
      </section>
    </div>
  );
}
