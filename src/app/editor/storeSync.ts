import { Annotation } from "@codemirror/state";
import { EditorView, type ViewUpdate } from "@codemirror/view";

/** Marks a change the store hears of otherwise (it came from the store, or a large paste reports itself whole). */
export const unreported = Annotation.define<boolean>();

/** Up to this many characters the store hears of each edit at once: the whole text is a string in a millisecond. */
const AT_ONCE_CHARS = 1024 * 1024;
/** How long a larger document's edits wait for a pause in typing before the store hears of them. */
const PAUSE_MS = 300;

/**
 * Keeps one file's editor and its text in the store in step without turning the whole document into a
 * string per keystroke or per render (issue 16 item 3: for a 10 MB document each such string cost tens
 * of milliseconds). The store hears of a small document's edits at once; a large one's after a pause in
 * typing. A text from the store replaces the editor's only when it is not the one the editor last gave.
 */
export class StoreSync {
  private known: string;
  private pending: { view: EditorView; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(
    text: string,
    private readonly save: (text: string, whole: boolean) => void,
  ) {
    this.known = text;
  }

  /** The text the editor and the store last agreed on. */
  get text(): string {
    return this.known;
  }

  /** The editor's listener: reports each change the learner made. */
  readonly listener = EditorView.updateListener.of((update: ViewUpdate) => {
    if (!update.docChanged || update.transactions.some((tr) => tr.annotation(unreported))) return;
    const { view } = update;
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = null;
    // A paste or a drop is the whole edit: the store builds it at once instead of waiting for typing to pause.
    const whole = update.transactions.some(
      (tr) => tr.isUserEvent("input.paste") || tr.isUserEvent("input.drop"),
    );
    if (view.state.doc.length <= AT_ONCE_CHARS) this.report(view.state.doc.toString(), whole);
    else this.pending = { view, timer: setTimeout(() => this.flush(), PAUSE_MS) };
  });

  /** Gives the store `text`, the editor's whole document; `whole` when it came in one piece (a paste, a drop). */
  report(text: string, whole = false): void {
    this.known = text;
    this.save(text, whole);
  }

  /** Reports an edit still waiting for its pause (the editor is about to close). */
  flush(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    this.report(pending.view.state.doc.toString());
  }

  /** The store's text changed: the editor shows it, unless it is the editor's own. */
  receive(view: EditorView, text: string): void {
    if (text === this.known) return;
    this.known = text;
    const { doc } = view.state;
    // Only a text as long as the document can be the same one, given anew (a saved copy read back).
    if (text.length === doc.length && text === doc.toString()) return;
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = null;
    view.dispatch({ changes: { from: 0, to: doc.length, insert: text }, annotations: unreported.of(true) });
  }
}
