import { useEffect } from "react";
import { watchOtherTabs } from "../persist/otherTabs.ts";
import { appStore } from "../store/useAppStore.ts";
import { sharePayload } from "./fragment.ts";

/** Opens a share link from the address (on load and when the fragment changes). */
async function openFromAddress(): Promise<void> {
  const payload = sharePayload(window.location.hash);
  if (payload === null) return;
  const { decodeShare } = await import("./shareLink.ts");
  const decoded = decodeShare(payload);
  const state = appStore.getState();
  if (!decoded.ok) {
    state.setShareNotice(decoded.reason);
    return;
  }
  await state.openShared(decoded.state);
  // After the document: opening one starts its own empty scenario, which the shared one then replaces.
  if (decoded.state.scenario) appStore.getState().openScenario(decoded.state.scenario);
}

/**
 * The page's side of sharing and saving: opens `#share=...` links (the orchestration drops the fragment
 * once the learner adopts or leaves them: share/address.ts), writes any pending save and where the Time
 * view's clock is when the page is hidden or closed, and watches other tabs' saves.
 */
export function useShareLink(): void {
  useEffect(() => {
    const open = () => void openFromAddress();
    open();
    const flush = () => {
      appStore.getState().flushSave();
      appStore.getState().keepClock();
    };
    window.addEventListener("hashchange", open);
    window.addEventListener("pagehide", flush);
    const unwatchTabs = watchOtherTabs(window, appStore);
    return () => {
      unwatchTabs();
      window.removeEventListener("hashchange", open);
      window.removeEventListener("pagehide", flush);
    };
  }, []);
}
