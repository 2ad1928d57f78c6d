import { describe, expect, it } from "vitest";
import {
  loadBackup,
  loadDocument,
  type SavedDocument,
  STORAGE_QUOTA_CHARS,
  saveBackup,
  saveDocument,
} from "./documents.ts";
import { memoryStorage } from "./memoryStorage.ts";

const doc: SavedDocument = {
  files: [{ name: "a.yaml", text: "kind: Service\n" }],
  starting: [{ name: "a.yaml", text: "" }],
  savedAt: 1,
};

describe("saved documents", () => {
  it("keep each document and its backup apart, under their own keys", () => {
    const storage = memoryStorage();
    expect(saveDocument(storage, "sandbox", doc)).toBe(true);
    expect(saveBackup(storage, "sandbox", { ...doc, savedAt: 0 })).toBe(true);
    expect(saveDocument(storage, "lesson-1", { ...doc, files: [] })).toBe(true);
    expect(loadDocument(storage, "sandbox")).toEqual(doc);
    expect(loadBackup(storage, "sandbox")?.savedAt).toBe(0);
    expect(loadDocument(storage, "lesson-1")?.files).toEqual([]);
    expect(loadDocument(storage, "lesson-2")).toBeUndefined();
  });

  it("refuse work larger than localStorage holds without trying to write it, keeping the saved copy", () => {
    // Issue 16 item 3: a 10 MB paste cannot be stored (5 MiB per site); writing it anyway froze the page.
    const storage = memoryStorage();
    saveDocument(storage, "sandbox", doc);
    const huge = { ...doc, files: [{ name: "a.yaml", text: "x".repeat(STORAGE_QUOTA_CHARS + 1) }] };
    expect(saveDocument(storage, "sandbox", huge)).toBe(false);
    expect(saveBackup(storage, "sandbox", huge)).toBe(false);
    expect(loadDocument(storage, "sandbox")).toEqual(doc);
  });

  it("read damaged or foreign data as nothing", () => {
    const storage = memoryStorage();
    for (const raw of [
      "{",
      "null",
      '{"files":"x","starting":[],"savedAt":1}',
      '{"files":[{"name":1}],"savedAt":1}',
    ]) {
      storage.setItem("svclab:manifests:sandbox", raw);
      expect(loadDocument(storage, "sandbox")).toBeUndefined();
    }
  });

  it("report a save that did not fit, without throwing or touching what was saved before", () => {
    const storage = memoryStorage(200);
    expect(saveDocument(storage, "sandbox", doc)).toBe(true);
    const big = { ...doc, files: [{ name: "a.yaml", text: "x".repeat(1000) }] };
    expect(saveDocument(storage, "sandbox", big)).toBe(false);
    expect(loadDocument(storage, "sandbox")).toEqual(doc);
    expect(saveDocument(undefined, "sandbox", doc)).toBe(false);
  });
});
