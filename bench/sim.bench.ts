import { dump } from "js-yaml/browser";
import type { KubeObject, SourcedObject } from "../src/engine/index.ts";
import { parseScenario } from "../src/engine/sim/scenario.ts";
import { simulate } from "../src/engine/sim/simulate.ts";
import type { Report } from "./stats.ts";

const NODES = 50;
const REPLICAS = 50;
const DURATION_S = 600;

/** 50 nodes, a Deployment of 50 replicas behind a LoadBalancer Service with nodePort 30080. */
function objects(): SourcedObject[] {
  const list: KubeObject[] = [];
  for (let n = 1; n <= NODES; n++)
    list.push({ apiVersion: "v1", kind: "Node", metadata: { name: `node-${n}` } });
  const labels = { app: "web" };
  list.push(
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "default" },
      spec: {
        replicas: REPLICAS,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 8080, protocol: "TCP" }] }],
          },
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "default" },
      spec: {
        type: "LoadBalancer",
        externalTrafficPolicy: "Cluster",
        selector: labels,
        ports: [{ port: 80, targetPort: 8080, protocol: "TCP", nodePort: 30080 }],
      },
    },
  );
  return list.map((object, documentIndex) => ({
    object,
    file: "bench.yaml",
    documentIndex,
    positions: new Map(),
  }));
}

/** Ten minutes at 1,000 requests a second: node-2 fails at 1m and recovers at 7m (after its pods' eviction). */
const SCENARIO = dump({
  apiVersion: "svclab.dev/v1",
  kind: "Scenario",
  metadata: { name: "bench" },
  spec: {
    duration: `${DURATION_S}s`,
    traffic: [
      { name: "via-lb", from: "external", to: "http://198.51.100.10/", rate: 900 },
      { name: "nodeport-node-2", from: "external", to: "192.168.0.12:30080", rate: 100 },
    ],
    events: [
      { at: "1m", action: "fail-node", target: "node/node-2" },
      { at: "7m", action: "recover-node", target: "node/node-2" },
    ],
  },
});

export async function run(report: Report): Promise<void> {
  const scenario = parseScenario({ name: "bench-scenario.yaml", text: SCENARIO });
  if (!scenario.ok) throw new Error(scenario.diagnostics.map((d) => d.message).join("\n"));
  const input = objects();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = simulate(input, scenario.value);
  const elapsed = performance.now() - start;
  // CPU time as well: on a busy machine it shows the engine's own cost when wall time does not.
  const cpuMs = process.cpuUsage(cpu).user / 1000;
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  const requests = result.value.buckets.reduce(
    (sum, b) => sum + Object.values(b.outcomes).reduce((a: number, n) => a + (n ?? 0), 0),
    0,
  );
  if (requests !== 1000 * DURATION_S)
    throw new Error(`the benchmark sent ${requests} requests, not ${1000 * DURATION_S}`);
  report("sim.10min_1000rps_50nodes.ms", Math.round(elapsed), "ms");
  report("sim.10min_1000rps_50nodes.cpu_ms", Math.round(cpuMs), "ms");
  report("sim.10min_1000rps_50nodes.requests_per_s", Math.round((requests * 1000) / elapsed), "1/s");
}
