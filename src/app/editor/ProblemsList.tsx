import { useId } from "react";
import { SIMULATOR_LIMITS } from "../../engine/index.ts";
import { useEngineText, useT } from "../i18n/useT.ts";
import { appStore, useAppStore } from "../store/useAppStore.ts";
import { useProblems } from "./problems.ts";

/**
 * The most problems listed at once: a large import's thousands of warnings were tens of thousands of
 * elements drawn in one task (issue 16 item 3); the editor marks every one on its line.
 */
const SHOWN_PROBLEMS = 200;

/** Every problem the engine found (the first SHOWN_PROBLEMS), by file and line; choosing one jumps to it in the editor. */
export function ProblemsList() {
  const t = useT();
  const engineText = useEngineText();
  const problems = useProblems();
  const building = useAppStore((s) => s.cluster === null && s.diagnostics.length === 0);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="max-h-44 shrink-0 overflow-y-auto px-2 py-1">
      <h3 id={headingId} className="font-semibold text-slate-700 text-xs">
        {problems.length ? t("editor.problemsCount", { count: problems.length }) : t("editor.problems")}
      </h3>
      {problems.length === 0 ? (
        <p className="text-slate-500 text-xs">{building ? t("editor.checking") : t("editor.noProblems")}</p>
      ) : (
        <ul className="flex flex-col">
          {problems.slice(0, SHOWN_PROBLEMS).map((p) => (
            <li key={`${p.file}:${p.line}:${p.column}:${p.path}:${p.message}`}>
              <button
                type="button"
                className="w-full rounded px-1 py-0.5 text-left text-xs hover:bg-slate-100"
                aria-label={`${t(p.severity === "error" ? "editor.severity.error" : "editor.severity.warning")}: ${t("editor.problemAt", { file: p.file, line: p.line, column: p.column })}: ${p.path ? `${p.path}: ` : ""}${engineText(p.text)}`}
                onClick={() => appStore.getState().revealPosition(p)}
              >
                <span
                  className={p.severity === "error" ? "text-red-700" : "text-amber-700"}
                  aria-hidden="true"
                >
                  {p.severity === "error" ? "●" : "▲"}
                </span>{" "}
                <span className="font-mono text-slate-500">
                  {p.file}:{p.line}:{p.column}
                </span>{" "}
                {p.path && <span className="font-mono text-slate-700">{p.path}</span>} {engineText(p.text)}
              </button>
            </li>
          ))}
          {problems.length > SHOWN_PROBLEMS && (
            <li className="px-1 py-0.5 text-slate-500 text-xs">
              {t("editor.problemsMore", { count: problems.length - SHOWN_PROBLEMS })}
            </li>
          )}
        </ul>
      )}
      <details className="text-slate-500 text-xs">
        <summary className="min-h-6 cursor-pointer py-1">{t("editor.limits")}</summary>
        <p>
          {t(
            "editor.limitsText",
            Object.fromEntries(Object.entries(SIMULATOR_LIMITS).map(([k, n]) => [k, n.toLocaleString("en")])),
          )}
        </p>
      </details>
    </section>
  );
}
