import { autocompletion } from "@codemirror/autocomplete";
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { Compartment, EditorSelection, EditorState, StateEffect } from "@codemirror/state";
import { EditorView, type ViewUpdate } from "@codemirror/view";
import { getDefaultExtensions } from "@uiw/react-codemirror";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useEngineText, useT } from "../i18n/useT.ts";
import { inNextTask } from "../nextTask.ts";
import { appStore, useAppStore } from "../store/useAppStore.ts";
import { completeManifest, manifestHover } from "./assist.ts";
import { offsetOf, toEditorDiagnostics } from "./diagnostics.ts";
import { largePaste } from "./largePaste.ts";
import { useProblems } from "./problems.ts";
import { positionOfRef, refAtLine } from "./sourceMap.ts";
import { StoreSync } from "./storeSync.ts";
import { documentLines } from "./yamlContext.ts";

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "13px" },
  ".cm-scroller": { height: "100%", fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace" },
  ".cm-field-doc": { maxWidth: "28rem", padding: "4px 8px", fontSize: "12px" },
  ".cm-field-doc-title": { fontFamily: "ui-monospace, monospace", fontWeight: "600", marginBottom: "2px" },
  ".cm-field-doc p": { margin: "0" },
});

/** The moment a transaction is the learner moving the cursor or typing (not a reveal from elsewhere). */
function movedByLearner(update: ViewUpdate): boolean {
  return update.transactions.some((tr) => tr.isUserEvent("select") || tr.isUserEvent("input"));
}

/**
 * Above this many characters the editor stops highlighting YAML (issue 15: no task over 100 ms while a
 * large cluster loads). CodeMirror parses in the background in slices of up to 100 ms of wall time each
 * (@codemirror/language's `Work.Slice`, whole when the browser has `navigator.scheduling.isInputPending`),
 * so any document whose whole parse takes longer gives tasks of 100 ms. The parse runs while the engine
 * and layout workers draw the pasted cluster; on the benchmark machine's two cores it took 88-112 ms of
 * wall time for the 1,000-pod cluster's 99 KB, about 1 ms a KiB. Hand-written manifests are a few KiB; a
 * pasted cluster is read on the graph.
 */
const PLAIN_TEXT_CHARS = 64 * 1024;

/** Whether a file of this text is shown without YAML highlighting. */
export const shownPlain = (text: string): boolean => text.length > PLAIN_TEXT_CHARS;

/** The size past which highlighting is off, in KiB, for the sentence that says so. */
export const PLAIN_TEXT_KIB = PLAIN_TEXT_CHARS / 1024;

/** Holds the YAML language while the document is small enough for it. */
const language = new Compartment();

/**
 * The YAML language dropped in the very transaction that makes the document too large for it: a
 * large paste goes in piece by piece before the app hears of it, and with the language on, each
 * piece paid for the parser's work over the whole text so far (issue 16 item 3: no task over 100 ms).
 */
const plainPastLimit = EditorState.transactionExtender.of((tr) =>
  tr.docChanged && tr.newDoc.length > PLAIN_TEXT_CHARS && language.get(tr.startState) !== plainText
    ? { effects: language.reconfigure(plainText) }
    : null,
);
const plainText: readonly never[] = [];

/** Line numbers, folding, history, search (Ctrl-F), brackets, Tab to indent, the light theme: all but completion, which is ours. */
const basics = getDefaultExtensions({ basicSetup: { autocompletion: false, tabSize: 2 } });

/**
 * The YAML editor for one file: CodeMirror with YAML highlighting, folding, search (Ctrl-F),
 * completion and hover docs for Kubernetes fields, and the engine's diagnostics on their lines.
 * The view is made once per file and kept while the panel is hidden (issue 16 item 3: rebuilding it
 * for a 10 MB document when the Manifests tab opened again was a task of a third of a second).
 */
export function ManifestEditor({ onView }: { onView(view: EditorView | null): void }) {
  const t = useT();
  const engineText = useEngineText();
  const file = useAppStore((s) => s.activeFile);
  const text = useAppStore((s) => s.files.find((f) => f.name === s.activeFile)?.text ?? "");
  const problems = useProblems();
  const reveal = useAppStore((s) => s.reveal);
  const selectedRef = useAppStore((s) => s.selectedRef);
  const cluster = useAppStore((s) => s.cluster);
  const [view, setView] = useState<EditorView | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const revealed = useRef(0);
  // Each file its own StoreSync, starting from the file's text in the store.
  const sync = useMemo(
    () =>
      new StoreSync(appStore.getState().files.find((f) => f.name === file)?.text ?? "", (edited, whole) =>
        appStore.getState().setFileText(file, edited, whole),
      ),
    [file],
  );

  // Past this size the YAML parser's background work over the whole text (seconds for 10 MB, a task of
  // 100 ms at a time) is not worth highlighting: the text is shown plain, and editing and the engine's
  // diagnostics still work.
  const plain = shownPlain(text);
  const extensions = useMemo(
    () => [
      basics,
      sync.listener,
      language.of(plain ? plainText : yaml()),
      plainPastLimit,
      lintGutter(),
      autocompletion({ override: [completeManifest] }),
      manifestHover,
      largePaste((pasted) => sync.report(pasted, true)),
      theme,
      EditorView.lineWrapping,
      // An explicit tab stop (contenteditable is focusable anyway) tells checkers such as axe that the
      // scrolling editor can be reached and scrolled from the keyboard.
      EditorView.contentAttributes.of({ "aria-label": t("editor.textbox", { file }), tabindex: "0" }),
      EditorView.updateListener.of((update) => {
        if (!update.selectionSet || !movedByLearner(update)) return;
        const { cluster: built, selectedRef: selected, select } = appStore.getState();
        if (!built) return;
        const { doc } = update.state;
        const line = doc.lineAt(update.state.selection.main.head).number;
        const ref = refAtLine(built, file, line, documentLines(doc, line).first);
        if (ref && ref !== selected) select(ref);
      }),
    ],
    [t, file, plain, sync],
  );

  // The view for this file, made with the extensions of the moment; later ones reconfigure it (below).
  const made = useRef<readonly unknown[] | null>(null);
  // Made once per file: the extensions and the text that follow reach it through the effects below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useLayoutEffect(() => {
    const parent = container.current;
    if (!parent) return;
    made.current = extensions;
    const created = new EditorView({ parent, state: EditorState.create({ doc: sync.text, extensions }) });
    setView(created);
    onView(created);
    return () => {
      created.destroy();
      sync.flush();
      setView(null);
      onView(null);
    };
  }, [file, sync]);

  useEffect(() => {
    if (!view || made.current === extensions) return;
    made.current = extensions;
    view.dispatch({ effects: StateEffect.reconfigure.of(extensions) });
  }, [view, extensions]);

  useEffect(() => {
    if (view) sync.receive(view, text);
  }, [view, sync, text]);

  // In a task of its own, after the render that brought them: a large file's thousands of diagnostics
  // were most of a 2 MiB import's longest task (issue 16 item 3: no task over 100 ms).
  useEffect(() => {
    if (!view) return;
    return inNextTask(() => {
      if (!view.dom.isConnected) return;
      view.dispatch(
        setDiagnostics(view.state, toEditorDiagnostics(view.state.doc, problems, file, engineText)),
      );
    });
  }, [view, problems, file, engineText]);

  // The editor shrinks while the learner types (the banner that the graph shows the last valid cluster
  // appears above it): the caret stays in view, with the completion list beside it, as in a text field.
  useEffect(() => {
    if (!view) return;
    const observer = new ResizeObserver(() => {
      if (!view.hasFocus) return;
      view.dispatch({ effects: EditorView.scrollIntoView(view.state.selection.main.head, { y: "nearest" }) });
    });
    observer.observe(view.scrollDOM);
    return () => observer.disconnect();
  }, [view]);

  // A reveal request (a problem, a packet hop's cause) moves the cursor there, once per request.
  useEffect(() => {
    if (!view || !reveal || reveal.file !== file || revealed.current === reveal.seq) return;
    revealed.current = reveal.seq;
    const at = offsetOf(view.state.doc, reveal.line, reveal.column);
    view.dispatch({
      selection: EditorSelection.cursor(at),
      effects: EditorView.scrollIntoView(at, { y: "center" }),
    });
    if (reveal.focus) view.focus();
  }, [view, reveal, file]);

  // Selecting an object in the graph reveals its YAML, unless the cursor is already in it. Only a
  // new selection does: a rebuild while the learner types elsewhere must not move their cursor.
  const shownRef = useRef<string | null>(null);
  useEffect(() => {
    if (!view || !cluster || !selectedRef || shownRef.current === selectedRef) return;
    shownRef.current = selectedRef;
    const line = view.state.doc.lineAt(view.state.selection.main.head).number;
    if (refAtLine(cluster, file, line) === selectedRef) return;
    const position = positionOfRef(cluster, selectedRef);
    if (position) appStore.getState().revealPosition(position, false);
  }, [view, cluster, selectedRef, file]);

  return <div ref={container} className="h-full min-h-0" />;
}
