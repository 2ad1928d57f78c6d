// Runs every bench/*.bench.ts (or those named on the command line) and prints one line per figure as
// `bench: NAME VALUE UNIT`, so figures can be compared across commits by a script. Never fails a build
// on a figure: benchmarks report, they do not judge.
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import type { Report } from "./stats.ts";

interface BenchModule {
  run(report: Report): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}

let failures = 0;
for (const file of files) {
  console.log(`# ${basename(file, ".bench.ts")}`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
    await mod.run((name, value, unit) => console.log(`bench: ${name} ${format(value)} ${unit}`));
  } catch (error) {
    failures++;
    console.error(`# ${file} could not run:`, error);
  }
}
if (failures > 0) console.error(`# ${failures} benchmark file(s) could not run`);
