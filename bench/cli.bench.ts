// The whole-process time of `svclab get svc -f src/samples/sandbox.yaml`, as a script calling svclab
// sees it (issue 16, "A CLI that starts at once": target under 150 ms), beside a bare `node -e 0` on the
// same machine at the same moment, so that time the machine's load adds can be told apart.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, type Report } from "./stats.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 11;

function processMs(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

export async function run(report: Report): Promise<void> {
  const cli = ["bin/svclab.mjs", "get", "svc", "-f", "src/samples/sandbox.yaml"];
  processMs(cli); // builds the bundle if it is missing or stale, and warms the file cache
  const svclab: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    svclab.push(processMs(cli));
    bare.push(processMs(["-e", "0"]));
  }
  report("cli.get_svc.process_ms", Math.round(median(svclab)), "ms");
  report("cli.node_startup.process_ms", Math.round(median(bare)), "ms");
}
