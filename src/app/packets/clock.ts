/**
 * The Requests view's clock, in seconds of the engine's virtual time (the instant a send leaves at and
 * a node fails at). It moves only while packets fly, in slow motion: a packet's life is a few tenths
 * of a second on the engine's clock (engine/trace/timing.ts), drawn SLOW_MOTION times slower at speed 1.
 * The animator moves it; the store reads it. It lives outside React state, as packet positions do.
 */
export const SLOW_MOTION = 12;

/** Milliseconds of animation at speed 1 per second of virtual time. */
export const MS_PER_SECOND = SLOW_MOTION * 1000;

export const packetClock = { now: 0 };

/**
 * Seconds of virtual time between the requests of a batch: the engine's usual interval, closer for a
 * large batch, so that any batch leaves within about two seconds of animation at speed 1.
 */
export function batchSpacing(count: number, interval: number): number {
  return Math.min(interval, 2 / SLOW_MOTION / Math.max(1, count));
}
