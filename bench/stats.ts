/** How a benchmark hands a figure to bench/run.ts, which prints it as `bench: NAME VALUE UNIT`. */
export type Report = (name: string, value: number, unit: string) => void;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
