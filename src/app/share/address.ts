import { sharePayload } from "./fragment.ts";

/**
 * The page's address as the store may change it: a share link (`#share=...`) stays in the address
 * while its manifests are on screen unsaved, and is dropped once the learner adopts them by editing or
 * leaves them, so that a reload then shows their saved work (the orchestration calls it).
 */
export interface PageAddress {
  dropShareLink(): void;
}

export const browserAddress: PageAddress = {
  dropShareLink() {
    if (sharePayload(window.location.hash) === null) return;
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  },
};
