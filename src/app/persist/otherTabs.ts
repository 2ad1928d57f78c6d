import type { StoreApi } from "zustand/vanilla";
import type { AppState } from "../store/index.ts";
import { documentKey, isSavedDocument } from "./documents.ts";
import { STORAGE_PREFIX } from "./storage.ts";

/**
 * Two tabs of the app share one localStorage, and the last to save would silently replace the
 * other's work (issue 16 item 4). The browser tells every other tab of the same origin when a tab
 * writes (the `storage` event); when another tab saves the document this tab shows, with text that
 * differs from this tab's, the store holds this tab's saves and asks the learner which to keep.
 */
export function watchOtherTabs(
  target: Pick<Window, "addEventListener" | "removeEventListener">,
  store: StoreApi<AppState>,
): () => void {
  const onStorage = (event: StorageEvent) => {
    const { documentId, files, origin } = store.getState();
    if (event.key !== STORAGE_PREFIX + documentKey(documentId) || event.newValue === null) return;
    let value: unknown;
    try {
      value = JSON.parse(event.newValue);
    } catch {
      return;
    }
    if (!isSavedDocument(value)) return;
    // A shared link on screen is not saved here until adopted; the same text is no conflict.
    if (origin === "shared" || JSON.stringify(value.files) === JSON.stringify(files)) return;
    store.getState().noticeOtherTab(value);
  };
  target.addEventListener("storage", onStorage);
  return () => target.removeEventListener("storage", onStorage);
}
