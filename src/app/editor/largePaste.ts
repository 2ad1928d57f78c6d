import { type EditorView, ViewPlugin, type ViewUpdate } from "@codemirror/view";
import { inNextTask } from "../nextTask.ts";
import { unreported } from "./storeSync.ts";

/**
 * Past this many characters a paste goes into the editor in pieces, one task each. CodeMirror turns
 * pasted text into its document tree in one go: for 10 MB that froze the page for most of two seconds
 * (issue 16 item 3), where a piece of PIECE_CHARS takes a few milliseconds.
 */
export const LARGE_PASTE_CHARS = 1024 * 1024;
const PIECE_CHARS = 256 * 1024;

/** A paste still going in: where its next piece goes, kept in step with the learner's own edits meanwhile. */
class PieceByPiece {
  /** Where the next piece goes. */
  private at: number;
  /** The end of what the next piece replaces: the selection the paste replaces, until the first piece is in. */
  private to: number;
  private offset = 0;
  private dispatching = false;
  /** The learner edited while the paste went in: their caret is theirs, the paste's end does not take it. */
  private edited = false;
  /** Cancels the next piece's task; undefined once the paste is all in. */
  private cancel: (() => void) | undefined;

  /**
   * Even the first piece waits for a task of its own: the paste event's task has already waited for the
   * browser to hand over the clipboard (a synchronous call to the browser process, most of a 10 MB
   * paste's longest task, issue 16 item 3).
   */
  constructor(
    private readonly view: EditorView,
    private readonly text: string,
    replaced: { from: number; to: number },
    private readonly pasted: (text: string) => void,
  ) {
    this.at = replaced.from;
    this.to = replaced.to;
    this.cancel = inNextTask(this.step);
  }

  /**
   * One piece, marked as unreported (StoreSync would turn the whole document into one string each
   * time): the app hears of the paste once, whole, from `pasted`.
   */
  private readonly step = (): void => {
    const end = Math.min(this.text.length, this.offset + PIECE_CHARS);
    const last = end === this.text.length;
    const insert = this.text.slice(this.offset, end);
    this.dispatching = true;
    this.view.dispatch({
      changes: { from: this.at, to: this.to, insert },
      userEvent: "input.paste",
      annotations: unreported.of(true),
      ...(last && !this.edited
        ? { selection: { anchor: this.at + insert.length }, scrollIntoView: true }
        : {}),
    });
    this.dispatching = false;
    this.at += insert.length;
    this.to = this.at;
    this.offset = end;
    this.cancel = last ? undefined : inNextTask(this.step);
    if (last) this.pasted(this.document(this.text.length));
  };

  /** The document once the paste is in, all of it pasted from `offset` on; the pasted string itself when it replaced everything. */
  private document(offset: number): string {
    const { doc } = this.view.state;
    const before = doc.sliceString(0, this.at - offset);
    const after = doc.sliceString(this.to);
    return before === "" && after === "" ? this.text : before + this.text + after;
  }

  /**
   * The learner typed meanwhile: the rest goes where the pasted text now ends, before what they typed
   * there, as it would had the paste gone in at once (text typed at the end stays at the end).
   */
  follow(update: ViewUpdate): void {
    if (this.dispatching || !update.docChanged) return;
    this.edited = true;
    this.at = update.changes.mapPos(this.at, -1);
    this.to = Math.max(this.at, update.changes.mapPos(this.to, -1));
  }

  /** Ends the paste early (the editor closes, another paste): the app gets the document as it would have been. */
  finish(): void {
    if (this.cancel === undefined) return;
    this.cancel();
    this.cancel = undefined;
    this.pasted(this.document(this.offset));
  }
}

/**
 * Large pastes go in piece by piece (LARGE_PASTE_CHARS); smaller ones as CodeMirror does them.
 * `pasted` gets the whole document once a large paste is in, or when the editor closes first (the
 * learner opens another tab).
 */
export function largePaste(pasted: (text: string) => void) {
  return ViewPlugin.fromClass(
    class {
      paste: PieceByPiece | null = null;

      update(update: ViewUpdate): void {
        this.paste?.follow(update);
      }

      destroy(): void {
        this.paste?.finish();
      }
    },
    {
      eventHandlers: {
        paste(event: ClipboardEvent, view: EditorView): boolean {
          const text = event.clipboardData?.getData("text/plain") ?? "";
          if (text.length < LARGE_PASTE_CHARS || view.state.readOnly) return false;
          event.preventDefault();
          this.paste?.finish();
          this.paste = new PieceByPiece(view, text, view.state.selection.main, pasted);
          return true;
        },
      },
    },
  );
}
