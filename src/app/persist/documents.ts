import type { SourceFile } from "../../engine/index.ts";
import { type KeyValueStorage, readStored, writeStored } from "./storage.ts";

/**
 * The learner's manifests, saved per document: one per lesson (keyed by the lesson's id) and one
 * for the sandbox. Each document also has one backup slot, which keeps the previous work whenever
 * something from outside (a shared link) replaces it, so that no single action loses work.
 */
export const SANDBOX_DOCUMENT = "sandbox";

export interface SavedDocument {
  files: SourceFile[];
  /** What "Reset" goes back to: the lesson's manifests, or the sample the sandbox was last filled from. */
  starting: SourceFile[];
  /** When it was saved (ms since the epoch), to tell the learner how old a backup is. */
  savedAt: number;
}

export const documentKey = (id: string) => `manifests:${id}`;
const backupKey = (id: string) => `manifests-backup:${id}`;

export function isSourceFiles(value: unknown): value is SourceFile[] {
  return (
    Array.isArray(value) &&
    value.every(
      (f: unknown) =>
        typeof f === "object" &&
        f !== null &&
        typeof (f as { name?: unknown }).name === "string" &&
        typeof (f as { text?: unknown }).text === "string",
    )
  );
}

export function isSavedDocument(value: unknown): value is SavedDocument {
  return (
    typeof value === "object" &&
    value !== null &&
    isSourceFiles((value as { files?: unknown }).files) &&
    isSourceFiles((value as { starting?: unknown }).starting) &&
    typeof (value as { savedAt?: unknown }).savedAt === "number"
  );
}

export function loadDocument(storage: KeyValueStorage | undefined, id: string): SavedDocument | undefined {
  return readStored(storage, documentKey(id), isSavedDocument);
}

/**
 * What localStorage holds at most, in characters: 5 MiB per site, counted as UTF-16 (Chromium's
 * storage area quota is 10 MiB of UTF-16 bytes, Firefox's 5 MiB). A document past it is refused
 * without a try: serialising and writing 10 MB only to fail froze the page for a quarter of a second.
 */
export const STORAGE_QUOTA_CHARS = 5 * 1024 * 1024;

const tooLarge = (document: SavedDocument) =>
  [...document.files, ...document.starting].reduce((sum, f) => sum + f.text.length, 0) > STORAGE_QUOTA_CHARS;

/** False when it could not be saved (storage full or disabled, or the work larger than storage holds): the caller tells the learner. */
export function saveDocument(
  storage: KeyValueStorage | undefined,
  id: string,
  document: SavedDocument,
): boolean {
  return !tooLarge(document) && writeStored(storage, documentKey(id), document);
}

export function loadBackup(storage: KeyValueStorage | undefined, id: string): SavedDocument | undefined {
  return readStored(storage, backupKey(id), isSavedDocument);
}

export function saveBackup(
  storage: KeyValueStorage | undefined,
  id: string,
  document: SavedDocument,
): boolean {
  return !tooLarge(document) && writeStored(storage, backupKey(id), document);
}
