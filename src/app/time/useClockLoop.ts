import { useEffect } from "react";
import { appStore, useAppStore } from "../store/useAppStore.ts";

/** While the clock plays, moves it on once a frame by the wall time that passed (at its speed). */
export function useClockLoop(): void {
  const playing = useAppStore((s) => s.clockPlaying);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      // A background tab's long pause is not virtual time the learner watched.
      appStore.getState().advanceClock(Math.min(0.25, (now - last) / 1000));
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}
