import { type RefObject, useEffect, useId, useRef, useState } from "react";
import { runnable } from "../../kubectl/runnable.ts";
import { lessonIds, lessonTitle } from "../../lessons/outline.ts";
import { CommandButton } from "../commands/CommandButton.tsx";
import { useCommand } from "../commands/useCommand.ts";
import { useT } from "../i18n/useT.ts";
import { currentLesson } from "../store/lessonSlice.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { DnsLookup } from "./DnsLookup.tsx";
import { InlineMarkdown, Markdown } from "./Markdown.tsx";
import { useLessonText } from "./useLessonText.ts";

const button = "rounded px-2.5 py-1 text-sm font-medium disabled:opacity-40";

/** The current lesson: its text, its steps ticked as the engine sees their goals met, hints, "Show me". */
export function LessonView({ onBack }: { onBack(): void }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const lesson = useAppStore((s) => currentLesson(s));
  const stepIndex = useAppStore((s) => s.stepIndex);
  const completed = useAppStore((s) => (lesson ? s.completed[lesson.id] : undefined));
  const goToStep = useAppStore((s) => s.goToStep);
  const openLesson = useAppStore((s) => s.openLesson);
  const openSandbox = useAppStore((s) => s.openSandbox);
  const currentRef = useRef<HTMLLIElement>(null);
  const text = useLessonText(lesson?.id ?? "", language);
  // The steps are drawn once the lesson's text has arrived: only then is there a step to watch.
  const stepInView = useInView(
    currentRef,
    `${lesson?.id}/${stepIndex}/${typeof text === "string" ? text : "shown"}`,
  );
  // A new step of the same lesson (Next, a click, "Show me") comes into view; a newly opened lesson
  // leaves its intro on top.
  const shownStep = useRef({ lesson: lesson?.id, step: stepIndex });
  useEffect(() => {
    const before = shownStep.current;
    shownStep.current = { lesson: lesson?.id, step: stepIndex };
    if (before.lesson === lesson?.id && before.step !== stepIndex)
      currentRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [lesson?.id, stepIndex]);
  // A reload in a lesson draws before the lesson's own data has arrived (course.ts): it is loading too.
  if (!lesson || typeof text === "string")
    return (
      <p role="status" className="p-3 text-slate-500 text-sm">
        {t(!lesson || text === "loading" ? "app.loading" : "lessons.textFailed")}
      </p>
    );
  const number = lessonIds.indexOf(lesson.id) + 1;
  const done = completed ?? [];
  const allDone = done.length === lesson.steps.length;
  const next = lessonIds[number];

  return (
    <article className="flex flex-col gap-3 p-3" aria-labelledby={`lesson-${lesson.id}`}>
      <div className="flex items-center gap-2 text-xs">
        <button type="button" className="text-k8s underline" onClick={onBack}>
          ← {t("lessons.back")}
        </button>
        <button type="button" className="text-k8s underline" onClick={() => openSandbox()}>
          {t("lessons.openSandbox")}
        </button>
        <span className="ml-auto text-slate-500">
          {t("lessons.number", { number, total: lessonIds.length })}
        </span>
      </div>
      <h2 id={`lesson-${lesson.id}`} className="font-bold text-lg leading-tight">
        {text.title}
      </h2>
      <Markdown text={text.intro} />
      <section aria-label={t("lessons.steps")}>
        <ol className="flex flex-col gap-2">
          {lesson.steps.map((step, index) => {
            const stepText = text.steps[step.id];
            const ticked = done.includes(step.id);
            const current = index === stepIndex;
            return (
              <li
                key={step.id}
                ref={current ? currentRef : undefined}
                className={`rounded border ${current ? "border-k8s bg-white" : "border-slate-200 bg-slate-50"}`}
                aria-current={current ? "step" : undefined}
              >
                <button
                  type="button"
                  className="flex w-full items-start gap-2 px-2 py-1.5 text-left"
                  aria-expanded={current}
                  onClick={() => goToStep(index)}
                >
                  <span
                    role="img"
                    className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full border text-[10px] ${ticked ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-400"}`}
                    aria-label={ticked ? t("lessons.stepDone") : t("lessons.stepTodo")}
                  >
                    {ticked ? "✓" : ""}
                  </span>
                  <span className="flex-1 font-medium text-sm">
                    <span className="sr-only">
                      {t("lessons.stepOf", { number: index + 1, total: lesson.steps.length })}:{" "}
                    </span>
                    {stepText && <InlineMarkdown text={stepText.title} />}
                  </span>
                </button>
                {current && stepText && (
                  <StepDetail body={stepText.body} hints={stepText.hints} ticked={ticked} />
                )}
              </li>
            );
          })}
        </ol>
      </section>
      <StepNavigation />
      {allDone && (
        <div
          className="rounded border border-emerald-300 bg-emerald-50 p-2 text-emerald-900 text-sm"
          role="status"
        >
          <p>{t("lessons.lessonComplete")}</p>
          {next && (
            <button type="button" className="mt-1 text-k8s underline" onClick={() => void openLesson(next)}>
              {t("lessons.nextLesson", { title: lessonTitle(next, language) })}
            </button>
          )}
        </div>
      )}
      <DnsLookup />
      <TryIt intro={text.tryIt} commands={lesson.tryIt} />
      {!stepInView && (
        <CurrentStepBar
          title={text.steps[lesson.steps[stepIndex]?.id ?? ""]?.title ?? ""}
          number={stepIndex + 1}
          total={lesson.steps.length}
          onShow={() => {
            currentRef.current?.scrollIntoView({ block: "nearest" });
            currentRef.current?.querySelector("button")?.focus({ preventScroll: true });
          }}
        />
      )}
    </article>
  );
}

/** Whether the element is at least partly inside its scrolling panel; rechecked when `key` changes. */
function useInView(ref: RefObject<HTMLElement | null>, key: string): boolean {
  const [inView, setInView] = useState(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the element the ref now holds.
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry?.isIntersecting ?? true));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, key]);
  return inView;
}

/**
 * The step to do, pinned to the bottom of the panel while the step itself is scrolled out of sight
 * (a long intro pushes it below the fold on a laptop): one click brings it into view.
 */
function CurrentStepBar({
  title,
  number,
  total,
  onShow,
}: {
  title: string;
  number: number;
  total: number;
  onShow(): void;
}) {
  const t = useT();
  return (
    <div className="sticky bottom-0 -mx-3 -mb-3 border-k8s border-t-2 bg-white px-3 py-2 shadow-[0_-2px_6px_rgba(0,0,0,0.08)]">
      <button type="button" className="flex w-full items-baseline gap-2 text-left text-sm" onClick={onShow}>
        <span className="shrink-0 font-semibold text-k8s text-xs">
          {t("lessons.stepOf", { number, total })}
        </span>
        <span className="min-w-0 flex-1 font-medium">
          <InlineMarkdown text={title} />
        </span>
        <span className="shrink-0 text-k8s text-xs underline">{t("lessons.goToStep")}</span>
      </button>
    </div>
  );
}

function StepDetail({ body, hints, ticked }: { body: string; hints: string[]; ticked: boolean }) {
  const t = useT();
  const shown = useAppStore((s) => s.hintsShown);
  const hint = useCommand("lesson-hint");
  const showMe = useCommand("lesson-show-me");
  const playing = useAppStore((s) => s.showingSolution);
  return (
    <div className="flex flex-col gap-2 border-slate-200 border-t px-2 py-2">
      <Markdown text={body} />
      <p
        className={`text-xs ${ticked ? "text-emerald-700" : "text-slate-500"}`}
        role="status"
        aria-live="polite"
      >
        {ticked ? `✓ ${t("lessons.goalMet")}` : t("lessons.goalWaiting")}
      </p>
      {hints.slice(0, shown).map((h, i) => (
        <aside
          key={h}
          className="rounded bg-amber-50 p-2 text-amber-950"
          aria-label={t("lessons.hint", { number: i + 1 })}
        >
          <p className="font-semibold text-xs">{t("lessons.hint", { number: i + 1 })}</p>
          <Markdown text={h} />
        </aside>
      ))}
      <div className="flex flex-wrap gap-2">
        <CommandButton command={hint} className={`${button} border border-amber-400 text-amber-900`}>
          {shown < hints.length ? t("lessons.showHint") : t("lessons.noMoreHints")}
        </CommandButton>
        <CommandButton command={showMe} className={`${button} border border-k8s text-k8s`}>
          {playing ? t("lessons.showingMe") : t("lessons.showMe")}
        </CommandButton>
      </div>
    </div>
  );
}

function StepNavigation() {
  const t = useT();
  const previous = useCommand("lesson-previous-step");
  const next = useCommand("lesson-next-step");
  return (
    <div className="flex justify-between">
      <CommandButton command={previous} className={`${button} border border-slate-300`}>
        ← {t("lessons.previous")}
      </CommandButton>
      <CommandButton command={next} className={`${button} bg-k8s text-white`}>
        {t("lessons.next")} →
      </CommandButton>
    </div>
  );
}

function TryIt({ intro, commands }: { intro: string; commands: string[] }) {
  const t = useT();
  const typeIntoConsole = useAppStore((s) => s.typeIntoConsole);
  const headingId = useId();
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h3 id={headingId} className="font-semibold text-sm">
        {t("lessons.tryIt")}
      </h3>
      <Markdown text={intro} />
      {/* Each command is runnable: a click types it into the console, ready to run or edit. */}
      <ul className="flex flex-col rounded bg-slate-900 p-1 text-slate-100 text-xs">
        {commands.map((command) => (
          <li key={command}>
            {runnable(command) ? (
              <button
                type="button"
                title={t("console.runCommand")}
                onClick={() => typeIntoConsole(command)}
                className="w-full min-h-6 rounded px-1 py-0.5 text-left font-mono [overflow-wrap:anywhere] hover:bg-slate-700 focus:outline-2 focus:outline-sky-400"
              >
                {command}
              </button>
            ) : (
              // docker, gcloud, helm, a URL to download: a real cluster's, which the console cannot run.
              <code
                title={t("console.realClusterOnly")}
                className="block px-1 py-0.5 text-slate-400 [overflow-wrap:anywhere]"
              >
                {command}
              </code>
            )}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="self-start rounded border border-slate-300 px-2 py-0.5 text-xs"
        onClick={() => {
          void navigator.clipboard?.writeText(commands.join("\n")).then(() => setCopied(true));
        }}
      >
        {copied ? t("lessons.copied") : t("lessons.copy")}
      </button>
    </section>
  );
}
