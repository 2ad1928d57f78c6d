/**
 * How the Time view samples its traffic for the picture. The engine keeps ENGINE_SAMPLE requests per
 * stream and second whole (the rest only counted); the graph launches at most DRAWN_PER_REAL_SECOND a
 * stream, so a fast clock thins them further. Simulator choices for legibility, said on screen.
 */
export const ENGINE_SAMPLE = 3;
const DRAWN_PER_REAL_SECOND = 60;
/** At 1×, the Time view's packets move this many times faster than the Requests view's at speed 1. */
export const TIME_VIEW_PACKET_SPEED = 2;

/**
 * How fast the Time view's packets move at a clock speed: as many times faster as the clock, so a
 * packet's drawn life is the same few seconds of the clock at every speed (about SLOW_MOTION /
 * TIME_VIEW_PACKET_SPEED times its true one, to be seen) and the packets on the graph are those of
 * the clock's moment, not of a minute before it at 60×.
 */
export function timeViewPacketSpeed(clockSpeed: number): number {
  return TIME_VIEW_PACKET_SPEED * Math.max(1, clockSpeed);
}

/** Of the engine's sample, every how many-th request is drawn at this clock speed. */
export function drawEvery(rate: number, clockSpeed: number): number {
  const kept = Math.min(rate, ENGINE_SAMPLE);
  return Math.max(1, Math.ceil((kept * clockSpeed) / DRAWN_PER_REAL_SECOND));
}

/** One in how many of a stream's requests the graph draws (1: every one). */
export function oneIn(rate: number, clockSpeed: number): number {
  const kept = Math.min(rate, ENGINE_SAMPLE);
  return Math.max(1, Math.round((rate * drawEvery(rate, clockSpeed)) / kept));
}

/** The index of the first packet sent after `t`, in packets ordered by when they were sent. */
export function firstAfter(packets: readonly { sentAt: number }[], t: number): number {
  let lo = 0;
  let hi = packets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((packets[mid]?.sentAt ?? Number.POSITIVE_INFINITY) > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
