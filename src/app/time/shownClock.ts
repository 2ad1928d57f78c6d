import type { StoreApi } from "zustand";
import type { AppState } from "../store/index.ts";
import { SHOWN_MS } from "../store/timeSlice.ts";

/**
 * The clock as the page's text and per-second drawings show it: its second and the furthest second
 * played. While the clock plays they are shown anew at most every SHOWN_MS: at 60× the second changes
 * every frame, and re-rendering the clock, the events' ages, the timeline's bars and the graph's flows
 * every frame took most of the frame's time for changes no one can read. A paused or scrubbed clock is
 * shown at once. Packets move on the clock itself (the packet layer), not on this.
 */
export interface ShownClock {
  second: number;
  horizon: number;
}

export interface ShownClockSource {
  subscribe(listener: () => void): () => void;
  snapshot(): ShownClock;
}

const clockOf = (s: AppState): ShownClock => ({
  second: Math.floor(s.clock),
  horizon: Math.floor(s.horizon),
});

/** The shown clock of a store: it follows the store only while something shows it. */
export function shownClockOf(store: StoreApi<AppState>): ShownClockSource {
  const listeners = new Set<() => void>();
  let shown = clockOf(store.getState());
  let shownAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let unsubscribe: (() => void) | null = null;

  /** Shows the store's clock now, or once SHOWN_MS have passed since it was last shown while it plays. */
  const follow = () => {
    const state = store.getState();
    const next = clockOf(state);
    if (next.second === shown.second && next.horizon === shown.horizon) return;
    const wait = state.clockPlaying ? shownAt + SHOWN_MS - performance.now() : 0;
    if (wait > 0) {
      timer ??= setTimeout(() => {
        timer = null;
        follow();
      }, wait);
      return;
    }
    shown = next;
    shownAt = performance.now();
    for (const listener of listeners) listener();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (unsubscribe === null) {
        unsubscribe = store.subscribe(follow);
        follow();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        unsubscribe?.();
        unsubscribe = null;
        if (timer !== null) clearTimeout(timer);
        timer = null;
      };
    },
    snapshot() {
      // Unfollowed (nothing shows it), the clock is read as it is.
      if (unsubscribe === null) {
        const now = clockOf(store.getState());
        if (now.second !== shown.second || now.horizon !== shown.horizon) shown = now;
      }
      return shown;
    },
  };
}
