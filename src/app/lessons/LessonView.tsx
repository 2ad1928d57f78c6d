import { useId, useState } from "react";
import { lessons } from "../../lessons/index.ts";
import { CommandButton } from "../commands/CommandButton.tsx";
import { useCommand } from "../commands/useCommand.ts";
import { useT } from "../i18n/useT.ts";
import { currentLesson } from "../store/lessonSlice.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { DnsLookup } from "./DnsLookup.tsx";
import { InlineMarkdown, Markdown } from "./Markdown.tsx";

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
  if (!lesson) return null;
  const text = lesson.text[language];
  const number = lessons.indexOf(lesson) + 1;
  const done = completed ?? [];
  const allDone = done.length === lesson.steps.length;
  const next = lessons[number];

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
          {t("lessons.number", { number, total: lessons.length })}
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
            <button type="button" className="mt-1 text-k8s underline" onClick={() => openLesson(next.id)}>
              {t("lessons.nextLesson", { title: next.text[language].title })}
            </button>
          )}
        </div>
      )}
      <DnsLookup />
      <TryIt intro={text.tryIt} commands={lesson.tryIt} />
    </article>
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
  const headingId = useId();
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h3 id={headingId} className="font-semibold text-sm">
        {t("lessons.tryIt")}
      </h3>
      <Markdown text={intro} />
      <pre className="whitespace-pre-wrap rounded bg-slate-900 p-2 text-slate-100 text-xs [overflow-wrap:anywhere]">
        <code>{commands.join("\n")}</code>
      </pre>
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
