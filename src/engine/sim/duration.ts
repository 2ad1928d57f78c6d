/**
 * Durations as Kubernetes writes them (Go's time.ParseDuration, as metav1.Duration reads them):
 * a sequence of decimal numbers with units, such as `120s`, `2m`, `1m30s`, `1.5s` or `500ms`. The
 * simulator keeps whole milliseconds.
 */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

const PART = /(\d+(?:\.\d*)?|\.\d+)(ms|h|m|s)/y;

/** Milliseconds, or null when the text is not a duration (units ms, s, m, h; no sign). */
export function parseDuration(text: string): number | null {
  if (text === "0") return 0;
  let total = 0;
  let at = 0;
  PART.lastIndex = 0;
  while (at < text.length) {
    PART.lastIndex = at;
    const match = PART.exec(text);
    if (!match?.[1] || !match[2]) return null;
    total += Number(match[1]) * (UNIT_MS[match[2]] ?? Number.NaN);
    at = PART.lastIndex;
  }
  if (at === 0 || !Number.isFinite(total)) return null;
  return Math.round(total);
}

/** `1m30s`, `40s`, `1.5s`, `0s`: the shortest way Go's Duration.String would print whole units. */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  const sign = ms < 0 ? "-" : "";
  let rest = Math.abs(ms);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  return `${sign}${hours ? `${hours}h` : ""}${minutes ? `${minutes}m` : ""}${seconds ? `${seconds}s` : ""}`;
}
