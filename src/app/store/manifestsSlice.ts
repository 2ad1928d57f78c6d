import type { StateCreator } from "zustand";
import type { SourceFile, SourcePosition } from "../../engine/index.ts";
import type { Lesson } from "../../lessons/index.ts";
import sandboxYaml from "../../samples/sandbox.yaml?raw";
import {
  loadBackup,
  loadDocument,
  SANDBOX_DOCUMENT,
  type SavedDocument,
  saveBackup,
  saveDocument,
} from "../persist/documents.ts";
import type { KeyValueStorage } from "../persist/storage.ts";
import type { DecodeFailure, SharedState } from "../share/shareLink.ts";
import type { AppState } from "./index.ts";

/**
 * Where the text on screen came from. "shared" text came from a link and is not saved until the
 * learner edits it, so that merely opening a link never replaces their own saved work.
 */
export type DocumentOrigin = "saved" | "starting" | "shared";

/** A request to show a place in the manifests (from the graph, the problems list or a packet's hop). */
export interface RevealRequest extends SourcePosition {
  /** Move the keyboard focus into the editor (the learner asked to go there) or only scroll to it. */
  focus: boolean;
  /** Increases with every request, so that asking for the same place twice reveals it twice. */
  seq: number;
}

/** "held": another tab saved this document, and nothing is saved until the learner picks a version. */
export type SaveStatus = "saved" | "pending" | "failed" | "held";

export interface ManifestsSlice {
  /** Whose manifests these are: a lesson's id, or "sandbox". Saved locally under this id. */
  documentId: string;
  /** The manifests being edited, one entry per file; the cluster is built from all of them together. */
  files: SourceFile[];
  /** What "Reset" goes back to. */
  startingFiles: SourceFile[];
  /** The file shown in the editor. */
  activeFile: string;
  origin: DocumentOrigin;
  /** Whether the last local save worked (it fails when storage is full or disabled). */
  saveStatus: SaveStatus;
  /** A previous version of this document kept when something replaced it (a link, a reset, a sample). */
  backup: SavedDocument | null;
  reveal: RevealRequest | null;
  /**
   * This document as another tab saved it, differing from the text here: until the learner picks one,
   * this tab saves nothing, so that neither tab's work silently replaces the other's.
   */
  otherTab: SavedDocument | null;
  /** Another tab saved this document (see persist/otherTabs.ts). */
  noticeOtherTab(document: SavedDocument): void;
  /** Shows the other tab's version; this tab's text becomes the backup ("Restore previous"). */
  adoptOtherTab(): void;
  /** Keeps this tab's text and saves it; the other tab's version becomes the backup. */
  keepThisTab(): void;
  /** Why the share link in the address could not be opened (shown until dismissed). */
  shareNotice: DecodeFailure | null;
  setShareNotice(notice: DecodeFailure | null): void;
  /** The learner's edit: saved locally (after a short pause) and rebuilt into the cluster. */
  /** A file's new text; `whole` for an edit made in one piece (a paste, a drop), built at once. */
  setFileText(name: string, text: string, whole?: boolean): void;
  /**
   * Opens a lesson's or the sandbox's manifests: the learner's saved copy if there is one, else `starting`.
   * Its build is the opening action's (the orchestration's openLesson, openSandbox, resume).
   */
  openDocument(documentId: string, starting: SourceFile[]): void;
  /** Fills the current document with other manifests (a sample); the previous work goes to the backup. */
  replaceFiles(files: SourceFile[]): void;
  /** Back to the starting manifests; the previous work goes to the backup. */
  resetDocument(): void;
  /** Swaps the current work and the backup, so that restoring never loses either. */
  restoreBackup(): void;
  /** Adds a file (an import), renamed if its name is taken, and shows it. */
  addFile(name: string, text: string): void;
  /** Removes a file; the previous work goes to the backup. */
  removeFile(name: string): void;
  setActiveFile(name: string): void;
  /** Shows the manifests a share link carried (for `lesson`, or the sandbox), unsaved until the learner edits them. */
  showSharedDocument(state: SharedState, lesson: Lesson | undefined): void;
  /** Moves the editor to a place in the manifests (a hop's cause, a problem, an object's YAML). */
  showPosition(position: SourcePosition, focus: boolean): void;
  /** Writes a pending save now (the page is being hidden or closed). */
  flushSave(): void;
}

export const SANDBOX_STARTING: SourceFile[] = [{ name: "sandbox.yaml", text: sandboxYaml }];

/** How long typing pauses before the text is saved; a pagehide flushes it sooner. */
export const SAVE_DELAY_MS = 300;

/** "name.yaml", "name-2.yaml", ...: the first name not taken. */
export function uniqueFileName(name: string, taken: readonly string[]): string {
  const clean = name.trim() || "manifests.yaml";
  if (!taken.includes(clean)) return clean;
  const dot = clean.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ""];
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

const copy = (files: readonly SourceFile[]): SourceFile[] =>
  files.map((f) => ({ name: f.name, text: f.text }));

export function createManifestsSlice(
  storage: KeyValueStorage | undefined,
  saveDelayMs = SAVE_DELAY_MS,
): StateCreator<AppState, [], [], ManifestsSlice> {
  return (set, get) => {
    let pending: ReturnType<typeof setTimeout> | undefined;

    const current = (): SavedDocument => ({
      files: get().files,
      starting: get().startingFiles,
      savedAt: Date.now(),
    });

    /**
     * The saved copy that something replaced (a reset, a sample, a restore, adopting a shared link) and
     * that must be in the backup slot before the document may be overwritten: until then the saved
     * document is the only copy of that work (issue 16 item 2). Belongs to the open document only.
     */
    let unwrittenBackup: SavedDocument | null = null;

    const saveNow = () => {
      clearTimeout(pending);
      pending = undefined;
      const { documentId, origin } = get();
      if (origin === "shared") return;
      if (get().otherTab) {
        if (get().saveStatus !== "held") set({ saveStatus: "held" });
        return;
      }
      if (unwrittenBackup && saveBackup(storage, documentId, unwrittenBackup)) unwrittenBackup = null;
      // Storage full: the saved document stays as it was, and the learner is told that this text is not saved.
      const ok = !unwrittenBackup && saveDocument(storage, documentId, current());
      if (get().saveStatus !== (ok ? "saved" : "failed")) set({ saveStatus: ok ? "saved" : "failed" });
    };
    const saveSoon = () => {
      if (get().saveStatus !== "pending") set({ saveStatus: "pending" });
      clearTimeout(pending);
      pending = setTimeout(saveNow, saveDelayMs);
    };
    /** Keeps what is on screen as the backup before something replaces it. */
    const keepBackup = () => {
      const { documentId, origin } = get();
      // A backup not yet written is the saved copy still in storage: it stays the one to keep.
      if (unwrittenBackup) return;
      // Untouched starting manifests are not the learner's work: an older backup is worth more.
      if (origin === "starting") return;
      const previous = origin === "shared" ? loadDocument(storage, documentId) : current();
      if (!previous) return;
      unwrittenBackup = previous;
      set({ backup: previous });
    };
    const show = (files: SourceFile[], patch: Partial<ManifestsSlice> = {}) => {
      const active = get().activeFile;
      set({
        files,
        activeFile: files.some((f) => f.name === active) ? active : (files[0]?.name ?? ""),
        ...patch,
      });
    };

    const saved = loadDocument(storage, SANDBOX_DOCUMENT);
    const files = saved?.files.length ? saved.files : copy(SANDBOX_STARTING);
    return {
      documentId: SANDBOX_DOCUMENT,
      files,
      startingFiles: saved?.starting.length ? saved.starting : copy(SANDBOX_STARTING),
      activeFile: files[0]?.name ?? "",
      origin: saved ? "saved" : "starting",
      saveStatus: "saved",
      backup: loadBackup(storage, SANDBOX_DOCUMENT) ?? null,
      reveal: null,
      otherTab: null,
      shareNotice: null,
      setShareNotice: (shareNotice) => set({ shareNotice }),

      setFileText(name, text, whole = false) {
        const { files, origin } = get();
        if (origin === "shared") {
          // The learner's first edit of a shared link adopts it: their previous work becomes the backup.
          keepBackup();
          set({ origin: "saved" });
        }
        set({
          files: files.some((f) => f.name === name)
            ? files.map((f) => (f.name === name ? { name, text } : f))
            : [...files, { name, text }],
          origin: "saved",
        });
        saveSoon();
        get().manifestsChanged(whole);
      },

      openDocument(documentId, starting) {
        if (pending) saveNow();
        unwrittenBackup = null;
        const saved = loadDocument(storage, documentId);
        const files = saved?.files.length ? saved.files : copy(starting);
        set({
          documentId,
          startingFiles: copy(starting),
          origin: saved ? "saved" : "starting",
          saveStatus: "saved",
          otherTab: null,
          backup: loadBackup(storage, documentId) ?? null,
          activeFile: files[0]?.name ?? "",
        });
        show(files);
      },

      replaceFiles(files) {
        keepBackup();
        show(copy(files), { startingFiles: copy(files), origin: "saved" });
        saveNow();
        get().manifestsChanged(true);
      },

      resetDocument() {
        keepBackup();
        show(copy(get().startingFiles), { origin: "saved" });
        saveNow();
        get().manifestsChanged(true);
      },

      restoreBackup() {
        const { backup } = get();
        if (!backup) return;
        keepBackup();
        show(copy(backup.files), { startingFiles: copy(backup.starting), origin: "saved" });
        saveNow();
        get().manifestsChanged(true);
      },

      addFile(name, text) {
        if (get().origin === "shared") keepBackup();
        const unique = uniqueFileName(
          name,
          get().files.map((f) => f.name),
        );
        set((s) => ({ files: [...s.files, { name: unique, text }], activeFile: unique, origin: "saved" }));
        saveNow();
        get().manifestsChanged(true);
      },

      removeFile(name) {
        const { files } = get();
        if (files.length <= 1 || !files.some((f) => f.name === name)) return;
        keepBackup();
        show(
          files.filter((f) => f.name !== name),
          { origin: "saved" },
        );
        saveNow();
        get().manifestsChanged(true);
      },

      setActiveFile(name) {
        if (get().files.some((f) => f.name === name)) set({ activeFile: name });
      },

      showSharedDocument(state, lesson) {
        if (pending) saveNow();
        unwrittenBackup = null;
        const documentId = lesson ? lesson.id : SANDBOX_DOCUMENT;
        const saved = loadDocument(storage, documentId);
        set({
          documentId,
          startingFiles: lesson ? copy(lesson.manifests) : (saved?.starting ?? copy(SANDBOX_STARTING)),
          origin: "shared",
          otherTab: null,
          shareNotice: null,
          backup: loadBackup(storage, documentId) ?? null,
        });
        show(copy(state.files));
      },

      noticeOtherTab(document) {
        set({ otherTab: document });
        if (pending) saveNow();
        else set({ saveStatus: "held" });
      },

      adoptOtherTab() {
        const theirs = get().otherTab;
        if (!theirs) return;
        set({ otherTab: null });
        keepBackup();
        show(copy(theirs.files), { startingFiles: copy(theirs.starting), origin: "saved" });
        saveNow();
        get().manifestsChanged(true);
      },

      keepThisTab() {
        const theirs = get().otherTab;
        if (!theirs) return;
        // The other tab's version is what storage holds now: it is the copy to keep before saving over it.
        unwrittenBackup = theirs;
        set({ otherTab: null, backup: theirs });
        saveNow();
      },

      showPosition(position, focus) {
        const seq = (get().reveal?.seq ?? 0) + 1;
        if (get().files.some((f) => f.name === position.file)) set({ activeFile: position.file });
        set({ reveal: { file: position.file, line: position.line, column: position.column, focus, seq } });
      },

      flushSave() {
        if (pending) saveNow();
      },
    };
  };
}
