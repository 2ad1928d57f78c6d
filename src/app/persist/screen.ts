import type { SourceFile } from "../../engine/index.ts";
import { toNodeRef } from "../../engine/index.ts";
import type { AppState } from "../store/index.ts";
import { isStale } from "../store/selectors.ts";
import { isSourceFiles } from "./documents.ts";
import { type KeyValueStorage, readStored, writeStored } from "./storage.ts";

/**
 * What was on screen besides the manifests, so that a reload brings it back (issue 14): the failed
 * nodes, whether the Time view was open and, while the draft in the editor is broken, the last valid
 * manifests whose cluster the graph showed. The lesson and its step are saved by the lesson slice; the draft by the document.
 */
export interface SavedScreen {
  documentId: string;
  failedNodes: string[];
  /** The Time view open (absent in screens saved before it was kept: closed). */
  timeMode?: boolean;
  /** The manifests of the cluster on screen, saved only while the draft has errors. */
  valid: SourceFile[] | null;
}

const SCREEN_KEY = "screen";

/**
 * The largest valid copy kept, in characters (a large lesson's manifests many times over). A bigger one
 * is not written a second time beside the draft: the draft, the learner's work, must never be the
 * write that no longer fits in the browser's storage.
 */
export const MAX_VALID_COPY_CHARS = 256 * 1024;

function isSavedScreen(value: unknown): value is SavedScreen {
  const v = value as Partial<SavedScreen> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.documentId === "string" &&
    Array.isArray(v.failedNodes) &&
    v.failedNodes.every((n) => typeof n === "string") &&
    (v.timeMode === undefined || typeof v.timeMode === "boolean") &&
    (v.valid === null || isSourceFiles(v.valid))
  );
}

export function loadScreen(storage: KeyValueStorage | undefined): SavedScreen | undefined {
  return readStored(storage, SCREEN_KEY, isSavedScreen);
}

/**
 * The screen of the open document, kept across reloads: `restore` puts back the saved screen of the
 * document just reopened (before its first build); `save` writes the screen when the failed nodes,
 * the document, the draft's validity or its origin changed since the last call. A shared link's
 * screen is not saved: opening a link never replaces the learner's own (as with their manifests).
 */
export function screenKeeper(storage: KeyValueStorage | undefined) {
  let seen: string | null = null;
  const key = (s: AppState) =>
    JSON.stringify([s.documentId, s.origin, isStale(s), s.failedNodes, s.timeMode]);
  return {
    restore(state: AppState): Pick<AppState, "failedNodes" | "validFiles" | "timeMode"> | null {
      const saved = loadScreen(storage);
      if (!saved || saved.documentId !== state.documentId) return null;
      return {
        // Saved as names before failed nodes were kept as refs: either reads as a ref.
        failedNodes: saved.failedNodes.map(toNodeRef),
        timeMode: saved.timeMode ?? false,
        validFiles: saved.valid ? { documentId: saved.documentId, files: saved.valid } : null,
      };
    },
    /** Takes the screen as it is as the one saved, writing nothing (the screen a reload restored). */
    known(state: AppState): void {
      seen = key(state);
    },
    save(state: AppState): void {
      const now = key(state);
      if (now === seen) return;
      seen = now;
      if (state.origin === "shared") return;
      const kept =
        isStale(state) && state.validFiles?.documentId === state.documentId ? state.validFiles.files : null;
      const valid = kept && totalChars(kept) <= MAX_VALID_COPY_CHARS ? kept : null;
      writeStored(storage, SCREEN_KEY, {
        documentId: state.documentId,
        failedNodes: state.failedNodes,
        timeMode: state.timeMode,
        valid,
      });
    },
  };
}

const totalChars = (files: SourceFile[]) => files.reduce((sum, file) => sum + file.text.length, 0);
