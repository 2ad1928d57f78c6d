import { describe, expect, it } from "vitest";
import { createInProcessEngineClient } from "../engine/client.inprocess.ts";
import { createAppStore } from "../store/index.ts";
import { loadBackup, loadDocument, SANDBOX_DOCUMENT, type SavedDocument } from "./documents.ts";
import { memoryStorage } from "./memoryStorage.ts";
import { watchOtherTabs } from "./otherTabs.ts";

/** Two tabs: two stores over one storage, each told of the other's writes as the browser's storage event would. */
function twoTabs() {
  const storage = memoryStorage();
  const listeners = new Map<number, (event: StorageEvent) => void>();
  const tab = (id: number) => {
    const store = createAppStore({ engine: createInProcessEngineClient(), storage, rebuildDelayMs: 60_000 });
    watchOtherTabs(
      {
        addEventListener: (_type: string, listener: (event: StorageEvent) => void) =>
          listeners.set(id, listener),
        removeEventListener: () => listeners.delete(id),
      } as unknown as Window,
      store,
    );
    return store;
  };
  const one = tab(1);
  const two = tab(2);
  /** What the browser does after tab `from` wrote `key`: every other tab hears of it. */
  const broadcast = (from: number) => {
    const key = `svclab:manifests:${SANDBOX_DOCUMENT}`;
    for (const [id, listener] of listeners)
      if (id !== from) listener({ key, newValue: storage.getItem(key) } as StorageEvent);
  };
  return { storage, one, two, broadcast };
}

const text = (doc: SavedDocument | undefined) => doc?.files[0]?.text;

describe("two tabs on one document (issue 16 item 4)", () => {
  it("hold the saves of the tab that did not write, until the learner chooses; neither version is lost", () => {
    const { storage, one, two, broadcast } = twoTabs();
    one.getState().setFileText("sandbox.yaml", "# one\n");
    one.getState().flushSave();
    broadcast(1);
    expect(two.getState().otherTab?.files[0]?.text).toBe("# one\n");
    expect(two.getState().saveStatus).toBe("held");
    two.getState().setFileText("sandbox.yaml", "# two\n");
    two.getState().flushSave();
    expect(text(loadDocument(storage, SANDBOX_DOCUMENT))).toBe("# one\n");

    two.getState().keepThisTab();
    broadcast(2);
    expect(text(loadDocument(storage, SANDBOX_DOCUMENT))).toBe("# two\n");
    expect(text(loadBackup(storage, SANDBOX_DOCUMENT))).toBe("# one\n");
    expect(two.getState().saveStatus).toBe("saved");

    expect(one.getState().otherTab?.files[0]?.text).toBe("# two\n");
    one.getState().adoptOtherTab();
    expect(one.getState().files[0]?.text).toBe("# two\n");
    expect(one.getState().backup?.files[0]?.text).toBe("# one\n");
    expect(one.getState().otherTab).toBeNull();
  });

  it("ignore a write of the same text, and any while a shared link is on screen", () => {
    const { one, two, broadcast } = twoTabs();
    two.getState().setFileText("sandbox.yaml", "# same\n");
    one.getState().setFileText("sandbox.yaml", "# same\n");
    one.getState().flushSave();
    broadcast(1);
    expect(two.getState().otherTab).toBeNull();
    two.getState().openShared({ lesson: null, files: [{ name: "s.yaml", text: "# s\n" }], failedNodes: [] });
    one.getState().setFileText("sandbox.yaml", "# changed\n");
    one.getState().flushSave();
    broadcast(1);
    expect(two.getState().otherTab).toBeNull();
  });
});
