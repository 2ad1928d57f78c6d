import { describe, expect, it } from "vitest";
import { createInProcessEngineClient } from "../engine/client.inprocess.ts";
import { loadBackup, loadDocument, SANDBOX_DOCUMENT, saveDocument } from "../persist/documents.ts";
import { memoryStorage } from "../persist/memoryStorage.ts";
import type { KeyValueStorage } from "../persist/storage.ts";
import { createAppStore } from "./index.ts";
import { SANDBOX_STARTING, uniqueFileName } from "./manifestsSlice.ts";

const storeWith = (storage: KeyValueStorage) =>
  createAppStore({ engine: createInProcessEngineClient(), storage, rebuildDelayMs: 60_000 });

const mine = [{ name: "mine.yaml", text: "# my work\n" }];

describe("the manifests slice", () => {
  it("starts the sandbox from its sample, then from what the learner saved", () => {
    const storage = memoryStorage();
    const first = storeWith(storage);
    expect(first.getState().files).toEqual(SANDBOX_STARTING);
    expect(first.getState().origin).toBe("starting");
    first.getState().setFileText("sandbox.yaml", "# edited\n");
    first.getState().flushSave();
    const second = storeWith(storage);
    expect(second.getState().files).toEqual([{ name: "sandbox.yaml", text: "# edited\n" }]);
    expect(second.getState().origin).toBe("saved");
  });

  it("keeps one saved copy per document", () => {
    const storage = memoryStorage();
    const store = storeWith(storage);
    store.getState().openDocument("lesson-a", [{ name: "a.yaml", text: "# a\n" }]);
    store.getState().setFileText("a.yaml", "# a, edited\n");
    store.getState().openDocument(SANDBOX_DOCUMENT, SANDBOX_STARTING);
    expect(store.getState().files).toEqual(SANDBOX_STARTING);
    store.getState().openDocument("lesson-a", [{ name: "a.yaml", text: "# a\n" }]);
    expect(store.getState().files[0]?.text).toBe("# a, edited\n");
    expect(store.getState().documentId).toBe("lesson-a");
  });

  it("resets to the starting manifests and keeps the work it replaced as a backup to restore", () => {
    const storage = memoryStorage();
    const store = storeWith(storage);
    store.getState().setFileText("sandbox.yaml", "# my work\n");
    store.getState().resetDocument();
    expect(store.getState().files).toEqual(SANDBOX_STARTING);
    expect(loadBackup(storage, SANDBOX_DOCUMENT)?.files[0]?.text).toBe("# my work\n");
    store.getState().restoreBackup();
    expect(store.getState().files[0]?.text).toBe("# my work\n");
    expect(store.getState().backup?.files).toEqual(SANDBOX_STARTING);
  });

  it("opens a shared link without saving it, and saves it (keeping the old work) on the first edit", () => {
    const storage = memoryStorage();
    saveDocument(storage, SANDBOX_DOCUMENT, { files: mine, starting: SANDBOX_STARTING, savedAt: 1 });
    const store = storeWith(storage);
    const shared = [{ name: "shared.yaml", text: "# shared\n" }];
    store.getState().openShared({ lesson: null, files: shared, failedNodes: ["node-2"] });
    expect(store.getState().files).toEqual(shared);
    expect(store.getState().failedNodes).toEqual(["node/node-2"]);
    expect(store.getState().origin).toBe("shared");
    store.getState().flushSave();
    expect(loadDocument(storage, SANDBOX_DOCUMENT)?.files).toEqual(mine);
    store.getState().setFileText("shared.yaml", "# shared, edited\n");
    store.getState().flushSave();
    expect(loadDocument(storage, SANDBOX_DOCUMENT)?.files[0]?.text).toBe("# shared, edited\n");
    expect(loadBackup(storage, SANDBOX_DOCUMENT)?.files).toEqual(mine);
  });

  it("with storage full, a reset keeps the saved work: the document is not replaced until its backup is written", () => {
    const storage = memoryStorage();
    const store = storeWith(storage);
    store.getState().setFileText("sandbox.yaml", `${SANDBOX_STARTING[0]?.text}# my work\n`);
    store.getState().flushSave();
    storage.full();
    // The starting text is shorter than the work, so overwriting the document alone would fit.
    store.getState().resetDocument();
    expect(store.getState().saveStatus).toBe("failed");
    expect(store.getState().files).toEqual(SANDBOX_STARTING);
    expect(loadDocument(storage, SANDBOX_DOCUMENT)?.files[0]?.text).toContain("# my work");
    // Restore previous still works in the page, and a second reset does not drop the work for the starting text.
    store.getState().resetDocument();
    store.getState().restoreBackup();
    expect(store.getState().files[0]?.text).toContain("# my work");
    expect(storeWith(storage).getState().files[0]?.text).toContain("# my work");
  });

  it("with storage full, the first edit of a shared link leaves the learner's saved work in place", () => {
    const storage = memoryStorage();
    saveDocument(storage, SANDBOX_DOCUMENT, { files: mine, starting: SANDBOX_STARTING, savedAt: 1 });
    storage.full();
    const store = storeWith(storage);
    store
      .getState()
      .openShared({ lesson: null, files: [{ name: "s.yaml", text: "# s\n" }], failedNodes: [] });
    store.getState().setFileText("s.yaml", "# s, edited\n");
    store.getState().flushSave();
    expect(store.getState().saveStatus).toBe("failed");
    expect(store.getState().backup?.files).toEqual(mine);
    expect(loadDocument(storage, SANDBOX_DOCUMENT)?.files).toEqual(mine);
    expect(storeWith(storage).getState().files).toEqual(mine);
  });

  it("writes the pending backup first once space is free again, then the document", () => {
    const storage = memoryStorage();
    const store = storeWith(storage);
    store.getState().setFileText("sandbox.yaml", "# my work\n");
    store.getState().flushSave();
    storage.setItem("svclab:other", "x".repeat(20_000));
    storage.full();
    store.getState().replaceFiles([{ name: "sample.yaml", text: "# sample\n" }]);
    expect(store.getState().saveStatus).toBe("failed");
    storage.removeItem("svclab:other");
    store.getState().setFileText("sample.yaml", "# sample, edited\n");
    store.getState().flushSave();
    expect(store.getState().saveStatus).toBe("saved");
    expect(loadBackup(storage, SANDBOX_DOCUMENT)?.files[0]?.text).toBe("# my work\n");
    expect(loadDocument(storage, SANDBOX_DOCUMENT)?.files[0]?.text).toBe("# sample, edited\n");
  });

  it("adds an imported file under a free name and shows it; removing a file keeps a backup", () => {
    const store = storeWith(memoryStorage());
    store.getState().addFile("sandbox.yaml", "# imported\n");
    expect(store.getState().files.map((f) => f.name)).toEqual(["sandbox.yaml", "sandbox-2.yaml"]);
    expect(store.getState().activeFile).toBe("sandbox-2.yaml");
    store.getState().removeFile("sandbox-2.yaml");
    expect(store.getState().files.map((f) => f.name)).toEqual(["sandbox.yaml"]);
    expect(store.getState().backup?.files).toHaveLength(2);
    store.getState().removeFile("sandbox.yaml");
    expect(store.getState().files).toHaveLength(1);
  });

  it("asks the editor to reveal a position, once per request", () => {
    const store = storeWith(memoryStorage());
    store.getState().revealPosition({ file: "sandbox.yaml", line: 30, column: 3 });
    const first = store.getState().reveal;
    store.getState().revealPosition({ file: "sandbox.yaml", line: 30, column: 3 }, false);
    expect(store.getState().reveal).toMatchObject({ line: 30, column: 3, focus: false });
    expect(store.getState().reveal?.seq).toBe((first?.seq ?? 0) + 1);
  });
});

describe("uniqueFileName", () => {
  it("numbers a taken name before its extension", () => {
    expect(uniqueFileName("a.yaml", [])).toBe("a.yaml");
    expect(uniqueFileName("a.yaml", ["a.yaml", "a-2.yaml"])).toBe("a-3.yaml");
    expect(uniqueFileName("Makefile", ["Makefile"])).toBe("Makefile-2");
    expect(uniqueFileName("  ", [])).toBe("manifests.yaml");
  });
});
