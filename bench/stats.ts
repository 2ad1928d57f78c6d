/** How a benchmark hands a figure to bench/run.ts, which prints it as `bench: NAME VALUE UNIT`. */
export type Report = (name: string, value: number, unit: string) => void;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * The wall time and this process's CPU time of one call, in milliseconds. On a machine whose cores other
 * work shares, the wall time includes the waits for a core; the CPU time is what the call itself costs
 * (with the garbage collector's helper threads).
 */
export function timed(work: () => unknown): { wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  work();
  const wall = performance.now() - started;
  const { user, system } = process.cpuUsage(cpuBefore);
  return { wall, cpu: (user + system) / 1000 };
}
