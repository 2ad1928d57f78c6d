import type { StoreApi } from "zustand/vanilla";
import type { SourceFile } from "../../engine/index.ts";
import { toNodeRef } from "../../engine/index.ts";
import type { AppState } from "../store/index.ts";
import { isStale } from "../store/selectors.ts";
import { isSourceFiles } from "./documents.ts";
import { type KeyValueStorage, readStored, writeStored } from "./storage.ts";

/**
 * What was on screen besides the manifests, so that a reload brings it back (issue 14): the failed
 * nodes and, while the draft in the editor is broken, the last valid manifests whose cluster the
 * graph showed. The lesson and its step are saved by the lesson slice; the draft by the document.
 */
export interface SavedScreen {
  documentId: string;
  failedNodes: string[];
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
    (v.valid === null || isSourceFiles(v.valid))
  );
}

export function loadScreen(storage: KeyValueStorage | undefined): SavedScreen | undefined {
  return readStored(storage, SCREEN_KEY, isSavedScreen);
}

/**
 * Puts back the saved screen of the document just reopened (before its first build), then saves the
 * screen whenever the failed nodes, the document or the draft's validity change. A shared link's
 * screen is not saved: opening a link never replaces the learner's own (as with their manifests).
 */
export function keepScreen(store: StoreApi<AppState>, storage: KeyValueStorage | undefined): void {
  const saved = loadScreen(storage);
  if (saved && saved.documentId === store.getState().documentId) {
    store.setState({
      // Saved as names before failed nodes were kept as refs: either reads as a ref.
      failedNodes: saved.failedNodes.map(toNodeRef),
      validFiles: saved.valid ? { documentId: saved.documentId, files: saved.valid } : null,
    });
  }
  store.subscribe((state, previous) => {
    if (
      state.origin === "shared" ||
      (state.failedNodes === previous.failedNodes &&
        state.documentId === previous.documentId &&
        isStale(state) === isStale(previous) &&
        state.origin === previous.origin)
    )
      return;
    const kept =
      isStale(state) && state.validFiles?.documentId === state.documentId ? state.validFiles.files : null;
    const valid = kept && totalChars(kept) <= MAX_VALID_COPY_CHARS ? kept : null;
    writeStored(storage, SCREEN_KEY, { documentId: state.documentId, failedNodes: state.failedNodes, valid });
  });
}

const totalChars = (files: SourceFile[]) => files.reduce((sum, file) => sum + file.text.length, 0);
