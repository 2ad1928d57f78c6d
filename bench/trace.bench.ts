import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { buildCluster } from "../src/engine/cluster/build.ts";
import type { DataPlane, ParsedRequest } from "../src/engine/index.ts";
import { createDataPlane } from "../src/engine/network/dataplane.ts";
import { createTrafficState } from "../src/engine/network/traffic-state.ts";
import { parseRequest, trace } from "../src/engine/trace/trace.ts";
import { generateCluster } from "./cluster.bench.ts";

// A collector to call between measurements, so the heap figure is the data plane's own.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** How long each throughput figure is measured for. */
const MEASURE_MS = 1000;

function requests(dp: DataPlane, targets: string[]): ParsedRequest[] {
  const from = dp.cluster.pods.find((p) => p.namespace === "default" && p.podIP)?.ref ?? "";
  return targets.map((to) => {
    const parsed = parseRequest(dp, { from, to });
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.value;
  });
}

/** Traces per second, single thread, cycling through the requests with one traffic state. */
function throughput(dp: DataPlane, list: readonly ParsedRequest[]): number {
  const state = createTrafficState(1);
  let count = 0;
  let delivered = 0;
  const start = performance.now();
  let now = start;
  while (now - start < MEASURE_MS) {
    for (let i = 0; i < 1000; i++) {
      const request = list[count % list.length];
      if (request && trace(dp, request, state).outcome === "delivered") delivered++;
      count++;
    }
    now = performance.now();
  }
  if (delivered !== count)
    throw new Error(`${count - delivered} of ${count} benchmark traces were not delivered`);
  return Math.round((count * 1000) / (now - start));
}

export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const cluster = buildCluster(generateCluster());
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const dp = createDataPlane(cluster);
  gc();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const services = [...dp.services.values()].filter(
    (s) => s.state.namespace === "default" && s.state.name.startsWith("app-"),
  );
  const byIP = requests(
    dp,
    services.map((s) => `${s.state.clusterIP}:80`),
  );
  const byName = requests(
    dp,
    services.map((s) => `http://${s.state.name}/`),
  );
  throughput(dp, byIP);
  report("trace.clusterip.per_s", throughput(dp, byIP), "1/s");
  report("trace.clusterip_dns.per_s", throughput(dp, byName), "1/s");
  report("trace.dataplane.heap_mb", Math.round(heapMB * 10) / 10, "MB");
}
