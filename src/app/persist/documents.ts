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

/** False when it could not be saved (storage full or disabled): the caller tells the learner. */
export function saveDocument(
  storage: KeyValueStorage | undefined,
  id: string,
  document: SavedDocument,
): boolean {
  return writeStored(storage, documentKey(id), document);
}

export function loadBackup(storage: KeyValueStorage | undefined, id: string): SavedDocument | undefined {
  return readStored(storage, backupKey(id), isSavedDocument);
}

export function saveBackup(
  storage: KeyValueStorage | undefined,
  id: string,
  document: SavedDocument,
): boolean {
  return writeStored(storage, backupKey(id), document);
}
