import { useSyncExternalStore } from "react";
import { appStore } from "../store/useAppStore.ts";
import { type ShownClock, shownClockOf } from "./shownClock.ts";

const pageClock = shownClockOf(appStore);

/** The page's clock second and the furthest second played, as shown (shownClock.ts). */
export function useShownClock(): ShownClock {
  return useSyncExternalStore(pageClock.subscribe, pageClock.snapshot);
}
