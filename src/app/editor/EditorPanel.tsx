import { redo, undo } from "@codemirror/commands";
import { EditorSelection } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { type DragEvent, useId, useRef, useState } from "react";
import { MAX_FILE_CHARS, nodeName } from "../../engine/index.ts";
import { useT } from "../i18n/useT.ts";
import { encodeShare, shareUrl } from "../share/shareLink.ts";
import { isStale } from "../store/selectors.ts";
import { appStore, useAppStore } from "../store/useAppStore.ts";
import { AddMenu } from "./AddMenu.tsx";
import { ManifestEditor, PLAIN_TEXT_KIB, shownPlain } from "./ManifestEditor.tsx";
import { ProblemsList } from "./ProblemsList.tsx";
import { insertTemplate } from "./templates.ts";

const button =
  "rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-50 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-k8s";

const saveMessage = {
  saved: "editor.saved",
  pending: "editor.saving",
  failed: "editor.saveFailed",
  held: "editor.held",
} as const;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The manifests beside the graph: the YAML editor with its toolbar (add, undo, import, export,
 * share, reset), the files of the document, the problems the engine found, and what is saved.
 */
export function EditorPanel() {
  const t = useT();
  const files = useAppStore((s) => s.files);
  const activeFile = useAppStore((s) => s.activeFile);
  const stale = useAppStore(isStale);
  const origin = useAppStore((s) => s.origin);
  const saveStatus = useAppStore((s) => s.saveStatus);
  const backup = useAppStore((s) => s.backup);
  const plain = useAppStore((s) => shownPlain(s.files.find((f) => f.name === s.activeFile)?.text ?? ""));
  const [view, setView] = useState<EditorView | null>(null);
  const [notice, setNotice] = useState<{ text: string; link?: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const hintId = useId();

  const insert = (template: string) => {
    if (!view) return;
    const doc = view.state.doc.toString();
    const at = insertTemplate(doc, view.state.selection.main.head, template);
    view.dispatch({
      changes: { from: at.from, insert: at.insert },
      selection: EditorSelection.cursor(at.cursor),
      effects: EditorView.scrollIntoView(at.cursor, { y: "start" }),
      userEvent: "input.template",
    });
    view.focus();
  };

  const importFiles = async (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      if (file.size > MAX_FILE_CHARS) {
        setNotice({
          text: t("editor.importTooLarge", {
            file: file.name,
            size: (file.size / 2 ** 20).toFixed(1),
            limit: MAX_FILE_CHARS / 2 ** 20,
          }),
        });
        continue;
      }
      try {
        appStore.getState().addFile(file.name, await file.text());
      } catch {
        setNotice({ text: t("editor.importFailed", { file: file.name }) });
      }
    }
  };

  const share = async () => {
    const { mode, lessonId, failedNodes, scenario } = appStore.getState();
    const demo = scenario.traffic.length > 0 || scenario.events.length > 0;
    const payload = encodeShare({
      lesson: mode === "lesson" ? lessonId : null,
      files,
      failedNodes: failedNodes.map(nodeName),
      ...(demo ? { scenario } : {}),
    });
    if (payload === null) {
      setNotice({ text: t("editor.shareTooLarge") });
      return;
    }
    const link = shareUrl(window.location.href, payload);
    try {
      await navigator.clipboard.writeText(link);
      setNotice({ text: t("editor.shareCopied"), link });
    } catch {
      setNotice({ text: t("editor.shareReady"), link });
    }
  };

  const exportYaml = () => {
    const { documentId } = appStore.getState();
    const only = files.length === 1 ? files[0] : undefined;
    if (only) download(only.name, only.text);
    else download(`${documentId}.yaml`, files.map((f) => f.text.replace(/\n*$/, "\n")).join("---\n"));
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void importFiles(event.dataTransfer.files);
  };

  return (
    <section
      className={`relative flex h-full min-h-0 flex-col ${dragging ? "outline-2 outline-k8s outline-dashed" : ""}`}
      aria-label={t("editor.region")}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 className="sr-only">{t("editor.region")}</h2>
      {origin === "shared" && (
        <div role="status" className="border-amber-300 border-b bg-amber-50 px-3 py-2 text-amber-950 text-xs">
          <p>{t("editor.sharedBanner")}</p>
          <button
            type="button"
            className={`${button} mt-1`}
            onClick={() => appStore.getState().openOwnWork()}
          >
            {t("editor.openMine")}
          </button>
        </div>
      )}
      <div
        role="toolbar"
        aria-label={t("editor.toolbar")}
        className="flex flex-wrap items-center gap-1 px-2 py-1.5"
      >
        <AddMenu onInsert={insert} disabled={!view} />
        <button type="button" className={button} disabled={!view} onClick={() => view && undo(view)}>
          {t("editor.undo")}
        </button>
        <button type="button" className={button} disabled={!view} onClick={() => view && redo(view)}>
          {t("editor.redo")}
        </button>
        <button
          type="button"
          className={button}
          onClick={() => fileInput.current?.click()}
          aria-describedby={hintId}
        >
          {t("editor.import")}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml,text/plain"
          multiple
          hidden
          onChange={(event) => {
            void importFiles(event.target.files);
            event.target.value = "";
          }}
        />
        <button type="button" className={button} onClick={exportYaml}>
          {t("editor.export")}
        </button>
        <button type="button" className={button} onClick={() => void share()}>
          {t("editor.share")}
        </button>
        <button
          type="button"
          className={button}
          onClick={() => {
            if (window.confirm(t("editor.confirmReset"))) appStore.getState().resetDocument();
          }}
        >
          {t("editor.reset")}
        </button>
        {backup && (
          <button
            type="button"
            className={button}
            title={t("editor.restoreTitle", { time: new Date(backup.savedAt).toLocaleString() })}
            onClick={() => appStore.getState().restoreBackup()}
          >
            {t("editor.restore")}
          </button>
        )}
      </div>
      <p id={hintId} className="px-3 pb-1 text-slate-500 text-xs">
        {t("editor.importHint")} {t("editor.tabHint")}
      </p>
      {notice && (
        <div
          role="status"
          className="mx-2 mb-1 rounded border border-sky-200 bg-sky-50 px-2 py-1 text-sky-950 text-xs"
        >
          <p>{notice.text}</p>
          {notice.link && (
            <input
              readOnly
              aria-label={t("editor.shareLink")}
              className="mt-1 w-full rounded border border-slate-300 px-1 font-mono text-xs"
              value={notice.link}
              onFocus={(event) => event.currentTarget.select()}
            />
          )}
          <button type="button" className="mt-1 underline" onClick={() => setNotice(null)}>
            {t("editor.dismiss")}
          </button>
        </div>
      )}
      {stale && (
        <p role="status" className="mx-2 mb-1 rounded bg-red-50 px-2 py-1 text-red-900 text-xs">
          {t("editor.stale")}
        </p>
      )}
      {files.length > 1 && (
        <div
          role="tablist"
          aria-label={t("editor.files")}
          className="flex flex-wrap gap-1 border-slate-200 border-b px-2"
        >
          {files.map((f) => (
            <span key={f.name} className="flex items-center">
              <button
                type="button"
                role="tab"
                aria-selected={f.name === activeFile}
                className={`px-2 py-1 font-mono text-xs ${f.name === activeFile ? "border-k8s border-b-2 text-k8s" : "text-slate-600"}`}
                onClick={() => appStore.getState().setActiveFile(f.name)}
              >
                {f.name}
              </button>
              <button
                type="button"
                aria-label={t("editor.closeFile", { file: f.name })}
                className="px-1 text-slate-600 text-xs hover:text-slate-900"
                onClick={() => {
                  if (window.confirm(t("editor.confirmClose", { file: f.name })))
                    appStore.getState().removeFile(f.name);
                }}
              >
                ×
              </button>
            </span>
          ))}
        </div>
      )}
      <div className="min-h-0 flex-1 border-slate-200 border-y">
        <ManifestEditor onView={setView} />
      </div>
      <ProblemsList />
      {/* A failed save is an alert, inserted when it happens: this text would not survive a reload. */}
      <div className="flex flex-wrap justify-between gap-x-3 text-xs">
        {saveStatus === "failed" && origin !== "shared" ? (
          <p role="alert" className="flex-1 bg-red-50 px-3 py-1 font-medium text-red-900">
            {t("editor.saveFailed")}
          </p>
        ) : (
          <p role="status" className="px-3 py-1 text-slate-500">
            {origin === "shared" ? "" : t(saveMessage[saveStatus])}
          </p>
        )}
        {plain && (
          <p className="px-3 py-1 text-slate-500">{t("editor.plainText", { limit: PLAIN_TEXT_KIB })}</p>
        )}
      </div>
      {dragging && (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center bg-white/80 font-medium text-k8s">
          {t("editor.dropHere")}
        </div>
      )}
    </section>
  );
}
