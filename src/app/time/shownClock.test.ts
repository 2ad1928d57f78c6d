import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStore } from "zustand";
import type { AppState } from "../store/index.ts";
import { SHOWN_MS } from "../store/timeSlice.ts";
import { shownClockOf } from "./shownClock.ts";

/** Just the clock's fields of the app's store: all the shown clock reads. */
const clockStore = () =>
  createStore<AppState>()(() => ({ clock: 0, horizon: 0, clockPlaying: false }) as unknown as AppState);

describe("the shown clock", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows a paused or scrubbed clock's second at once", () => {
    const store = clockStore();
    const shown = shownClockOf(store);
    const seen: number[] = [];
    shown.subscribe(() => seen.push(shown.snapshot().second));
    store.setState({ clock: 12.5, horizon: 12.5 });
    store.setState({ clock: 3.2 });
    expect(seen).toEqual([12, 3]);
    expect(shown.snapshot()).toEqual({ second: 3, horizon: 12 });
  });

  it("while the clock plays, shows a new second at most once every SHOWN_MS, and the latest after", () => {
    const store = clockStore();
    const shown = shownClockOf(store);
    const seen: number[] = [];
    shown.subscribe(() => seen.push(shown.snapshot().second));
    store.setState({ clockPlaying: true });
    // 60×: a second of clock every 16 ms frame.
    for (let frame = 1; frame <= 12; frame++) {
      vi.advanceTimersByTime(16);
      store.setState({ clock: frame, horizon: frame });
    }
    expect(seen.length).toBeLessThanOrEqual(Math.ceil((12 * 16) / SHOWN_MS) + 1);
    vi.advanceTimersByTime(SHOWN_MS);
    expect(seen.at(-1)).toBe(12);
    expect(shown.snapshot()).toEqual({ second: 12, horizon: 12 });
  });

  it("reads the clock as it is while nothing shows it", () => {
    const store = clockStore();
    const shown = shownClockOf(store);
    const unsubscribe = shown.subscribe(() => undefined);
    unsubscribe();
    store.setState({ clock: 42, horizon: 42, clockPlaying: true });
    expect(shown.snapshot().second).toBe(42);
  });
});
