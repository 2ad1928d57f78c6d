import { type ClipboardEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { complete } from "../../kubectl/complete.ts";
import { useT } from "../i18n/useT.ts";
import { appStore, useAppStore } from "../store/useAppStore.ts";
import { clearConsole, consoleStore, enter, interrupt, prompt, watchEvents } from "./session.ts";

/**
 * The console: a terminal beside the graph whose commands run against the simulated cluster. A plain
 * text input and a log rather than a terminal emulator: a screen reader reads the input as a text
 * field and each new output line from the log (role="log" is a polite live region).
 */
export default function ConsolePanel() {
  const t = useT();
  const lines = useStore(consoleStore, (s) => s.lines);
  const shell = useStore(consoleStore, (s) => s.shell);
  const pending = useStore(consoleStore, (s) => s.pending);
  const busy = useStore(consoleStore, (s) => s.busy);
  const setOpen = useAppStore((s) => s.setConsoleOpen);
  const typed = useAppStore((s) => s.consoleTyped);
  const [value, setValue] = useState("");
  /** Where Up/Down is in the history: its length means the line being typed. */
  const [recall, setRecall] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLDivElement>(null);

  useEffect(() => watchEvents(appStore), []);
  useEffect(() => input.current?.focus(), []);
  // A lesson's command clicked to be typed in: it lands in the input, ready to run or edit.
  useEffect(() => {
    if (typed) {
      setValue(typed.text);
      input.current?.focus();
    }
  }, [typed]);
  useEffect(() => {
    if (lines.length) log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [lines]);

  const run = async (lines: readonly string[]) => {
    for (const line of lines) await enter(line, appStore);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const history = consoleStore.getState().history;
    if (event.key === "Enter") {
      event.preventDefault();
      if (busy) return;
      setValue("");
      setRecall(null);
      void run([value]);
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      const at = recall ?? history.length;
      const next = Math.max(0, Math.min(history.length, at + (event.key === "ArrowUp" ? -1 : 1)));
      setRecall(next);
      setValue(history[next] ?? "");
    } else if (event.key === "Tab") {
      const cluster = appStore.getState().cluster;
      if (!cluster || !value.trim()) return;
      event.preventDefault();
      const completed = complete(value, cluster, consoleStore.getState().shell !== null);
      setValue(completed.line);
      if (completed.choices.length) {
        consoleStore.setState((s) => ({
          lines: [...s.lines, { id: -Date.now(), kind: "out" as const, text: completed.choices.join("  ") }],
        }));
      }
    } else if (event.ctrlKey && event.key.toLowerCase() === "c") {
      // Ctrl+C with text selected in the input copies it, as in a terminal that has a selection.
      const el = event.currentTarget;
      if (el.selectionStart !== el.selectionEnd) return;
      event.preventDefault();
      interrupt(value);
      setValue("");
    } else if (event.ctrlKey && event.key.toLowerCase() === "l") {
      event.preventDefault();
      clearConsole();
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  /** A pasted YAML document arrives line by line, as a terminal receives it. */
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData("text");
    if (!text.includes("\n")) return;
    event.preventDefault();
    const pasted = `${value}${text}`.replace(/\r/g, "").split("\n");
    const last = text.endsWith("\n") ? "" : (pasted.pop() ?? "");
    setValue(last);
    void run(text.endsWith("\n") ? pasted.slice(0, -1) : pasted);
  };

  return (
    <section
      id="console"
      aria-label={t("console.region")}
      className="flex h-56 min-h-0 flex-col border-slate-700 border-t bg-slate-900 text-slate-100"
    >
      <div className="flex items-center gap-2 px-3 py-1 text-slate-300 text-xs">
        <h2 className="font-semibold text-slate-100">{t("console.region")}</h2>
        <p className="min-w-0 flex-1 truncate">{t("console.hint")}</p>
        <button
          type="button"
          onClick={() => setOpen(false)}
          aria-label={t("console.close")}
          className="rounded px-2 text-slate-200 hover:bg-slate-700 focus:outline-2 focus:outline-sky-400"
        >
          ×
        </button>
      </div>
      <div
        ref={log}
        role="log"
        aria-label={t("console.output")}
        className="min-h-0 flex-1 overflow-y-auto whitespace-pre px-3 font-mono text-xs leading-5"
      >
        {lines.map((line) => (
          <div
            key={line.id}
            className={line.kind === "err" ? "text-rose-300" : line.kind === "input" ? "text-sky-200" : ""}
          >
            {line.text || " "}
          </div>
        ))}
      </div>
      <div className="flex items-center gap-1 border-slate-700 border-t px-3 py-1 font-mono text-xs">
        <span aria-hidden="true" className="text-emerald-300">
          {prompt({ shell, pending })}
        </span>
        <input
          ref={input}
          aria-label={t("console.input")}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          className="min-w-0 flex-1 bg-transparent text-slate-100 outline-none"
        />
      </div>
    </section>
  );
}
