// @vitest-environment jsdom
import { EditorView } from "@codemirror/view";
import { afterEach, describe, expect, it } from "vitest";
import { LARGE_PASTE_CHARS, largePaste } from "./largePaste.ts";

// jsdom lays nothing out: CodeMirror measures text when the paste's end scrolls into view.
Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();

const views: EditorView[] = [];
afterEach(() => {
  for (const view of views.splice(0)) view.destroy();
});

/** Waits until the paste, a piece a task, is all in: it is reported once, at its end. */
async function allIn(reported: string[]): Promise<void> {
  while (reported.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** An editor holding `doc`, with the large-paste plugin reporting to `pasted` (not in a page: jsdom lays nothing out). */
function editor(doc: string, pasted: (text: string) => void): EditorView {
  const view = new EditorView({ doc, extensions: largePaste(pasted) });
  views.push(view);
  return view;
}

/** Pastes `text` over the selection, as the browser hands a paste to the editor. */
function paste(view: EditorView, text: string): void {
  const event = new Event("paste", { bubbles: true, cancelable: true });
  Object.assign(event, { clipboardData: { getData: () => text } });
  view.contentDOM.dispatchEvent(event);
}

const pasteOf = (chars: number) => "x".repeat(chars - 1).concat("\n");

describe("a large paste goes into the editor piece by piece", () => {
  it("ends with the whole text in the document, reported once, caret at its end", async () => {
    const reported: string[] = [];
    const view = editor("", (text) => reported.push(text));
    const text = pasteOf(LARGE_PASTE_CHARS * 2);
    paste(view, text);
    expect(view.state.doc.length).toBeLessThan(text.length);
    await allIn(reported);
    expect(view.state.doc.toString()).toBe(text);
    expect(reported).toEqual([text]);
    expect(view.state.selection.main.head).toBe(text.length);
  });

  it("keeps text the learner types at the end while it goes in after the pasted text, and their caret where it is", async () => {
    const reported: string[] = [];
    const view = editor("", (text) => reported.push(text));
    const text = pasteOf(LARGE_PASTE_CHARS * 2);
    paste(view, text);
    const end = view.state.doc.length;
    view.dispatch({ changes: { from: end, insert: "# typed meanwhile\n" }, selection: { anchor: end + 18 } });
    await allIn(reported);
    expect(view.state.doc.toString()).toBe(`${text}# typed meanwhile\n`);
    expect(reported).toEqual([`${text}# typed meanwhile\n`]);
    expect(view.state.selection.main.head).toBe(view.state.doc.length);
  });

  it("changes nothing in the paste event's own task, which has waited for the browser's clipboard already", async () => {
    const reported: string[] = [];
    const view = editor("kind: Service\n", (text) => reported.push(text));
    view.dispatch({ selection: { anchor: 0, head: view.state.doc.length } });
    const text = pasteOf(LARGE_PASTE_CHARS * 2);
    paste(view, text);
    expect(view.state.doc.toString()).toBe("kind: Service\n");
    await allIn(reported);
    expect(view.state.doc.toString()).toBe(text);
    expect(reported).toEqual([text]);
  });

  it("keeps text typed before its first piece is in, after the pasted text", async () => {
    const reported: string[] = [];
    const view = editor("a: 1\n", (text) => reported.push(text));
    view.dispatch({ selection: { anchor: 5 } });
    const text = pasteOf(LARGE_PASTE_CHARS * 2);
    paste(view, text);
    view.dispatch({ changes: { from: 5, insert: "b: 2\n" }, selection: { anchor: 10 } });
    await allIn(reported);
    expect(view.state.doc.toString()).toBe(`a: 1\n${text}b: 2\n`);
    expect(reported).toEqual([`a: 1\n${text}b: 2\n`]);
  });

  it("leaves small pastes to CodeMirror, which puts them in at once", () => {
    const reported: string[] = [];
    const view = editor("", (text) => reported.push(text));
    paste(view, "kind: Service\n");
    expect(view.state.doc.toString()).toBe("kind: Service\n");
    expect(reported).toEqual([]);
  });
});
