import { useEffect } from "react";
import { appStore, useAppStore } from "../store/useAppStore.ts";

/** The most wall time one frame moves the clock by (s): a background tab's long pause is not virtual time the learner watched. */
export const MAX_FRAME_SECONDS = 0.25;

/** While the clock plays, moves it on once a frame by the wall time that passed (at its speed). */
export function useClockLoop(): void {
  const playing = useAppStore((s) => s.clockPlaying);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      appStore.getState().advanceClock(Math.min(MAX_FRAME_SECONDS, (now - last) / 1000));
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}
