import {
  type Bucket,
  createSession,
  defaultSimulationSettings as defaults,
  formatDuration,
  KUBERNETES_VERSION,
  type SimEvent,
  type Simulation,
} from "../../engine/index.ts";
import {
  type CliIO,
  type Command,
  EXIT_INVALID,
  EXIT_OK,
  type OptionValues,
  sourceName,
  UsageError,
} from "../command.ts";
import {
  CLUSTER_SETTING_OPTIONS,
  clusterSettingHelp,
  clusterSettingsOption,
  seedOption,
} from "../options.ts";
import { outputFormat } from "./trace.ts";
import { formatDiagnostic, readSources } from "./validate.ts";

function scenarioFile(values: OptionValues, io: CliIO): { name: string; text: string } {
  const path = values.scenario;
  if (typeof path !== "string")
    throw new UsageError(
      "--scenario FILE is required: a YAML document of kind Scenario (apiVersion svclab.dev/v1)",
    );
  return { name: sourceName(path), text: io.readText(path) };
}

/** DESIGN.md's contract: buckets as {t, stream, outcomes}, events as {t, reason, object, message}. */
function toJSON(sim: Simulation): string {
  return JSON.stringify(
    {
      buckets: sim.buckets.map(({ t, stream, outcomes }) => ({ t, stream, outcomes })),
      events: sim.events.map(({ t, reason, object, message }) => ({ t, reason, object, message })),
    },
    null,
    2,
  );
}

const OUTCOME_ORDER = ["delivered", "timeout", "refused", "nxdomain"];

function outcomeColumns(buckets: readonly Bucket[]): string[] {
  const seen = new Set<string>();
  for (const b of buckets) for (const key of Object.keys(b.outcomes)) seen.add(key);
  const known = OUTCOME_ORDER.filter((o) => seen.has(o));
  const others = [...seen].filter((o) => !OUTCOME_ORDER.includes(o)).sort();
  return [...known, ...others];
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 3)))
      .join("")
      .trimEnd(),
  );
}

function bucketRows(sim: Simulation): string[] {
  const columns = outcomeColumns(sim.buckets);
  const header = ["SECOND", "STREAM", "SENT", ...columns.map((c) => c.toUpperCase())];
  const rows = sim.buckets.map((b) => {
    const counts = b.outcomes as Record<string, number | undefined>;
    const sent = Object.values(counts).reduce((a: number, n) => a + (n ?? 0), 0);
    return [String(b.t), b.stream, String(sent), ...columns.map((c) => String(counts[c] ?? 0))];
  });
  return table([header, ...rows]);
}

/** `kubectl get events` columns; LAST SEEN is the virtual time since the scenario began. */
function eventRows(events: readonly SimEvent[]): string[] {
  const header = ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"];
  return table([
    header,
    ...events.map((e) => [formatDuration(Math.round(e.t * 1000)), e.type, e.reason, e.object, e.message]),
  ]);
}

function run(values: OptionValues, _positionals: string[], io: CliIO): number {
  const output = outputFormat(values);
  const seed = seedOption(values);
  const files = readSources(values, [], io);
  const scenario = scenarioFile(values, io);
  const settings = clusterSettingsOption(values);
  const result = createSession().simulate(files, scenario, {
    settings,
    ...(seed === undefined ? {} : { seed }),
  });
  for (const d of result.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  if (!result.ok) return EXIT_INVALID;
  const sim = result.value;
  if (output === "json") {
    io.out(`${toJSON(sim)}\n`);
    return EXIT_OK;
  }
  const s = sim.scenario;
  const lines = [
    `Scenario ${s.name}: ${formatDuration(Math.round(s.duration * 1000))} of virtual time, ${s.traffic.length} stream(s), seed ${sim.seed}`,
    "",
    ...(sim.buckets.length ? bucketRows(sim) : ["(no traffic)"]),
    "",
    ...(sim.events.length ? eventRows(sim.events) : ["No events."]),
  ];
  io.out(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

export const simulateCommand: Command = {
  name: "simulate",
  summary: "play a Scenario over time: node failures, health checks, traffic per second, the event log",
  usage: [
    "Usage: svclab simulate -f FILE [-f FILE]... --scenario FILE [--seed N] [-o json]",
    "",
    "Plays a Scenario (apiVersion svclab.dev/v1, kind Scenario; see the README) on a virtual clock:",
    "its traffic streams, its events (fail-node, recover-node, scale, delete-pod, set-ready), and",
    `what the control plane does in reply, with Kubernetes ${KUBERNETES_VERSION}'s defaults: NotReady after`,
    `${defaults.nodeMonitorGracePeriod}s, eviction ${defaults.podEvictionTimeout}s later, kube-proxy resync in ${defaults.kubeProxySyncPeriod}s, load-balancer`,
    `checks every ${defaults.loadBalancerHealthCheck.interval}s ejecting after ${defaults.loadBalancerHealthCheck.unhealthyThreshold} failures (GCP's).`,
    "Prints each second's outcomes per stream and the event log (LAST SEEN = time since the start).",
    "",
    "Options:",
    "  -f, --filename FILE   a manifest file; may repeat; '-' reads standard input",
    "  --scenario FILE       the Scenario file",
    "  --seed N              seed of the traffic's random choices; default the cluster's",
    clusterSettingHelp(22),
    '  -o, --output json     print {"buckets":[{"t","stream","outcomes"}],"events":[{"t","reason","object","message"}]}',
  ].join("\n"),
  options: {
    filename: { type: "string", short: "f", multiple: true },
    scenario: { type: "string" },
    seed: { type: "string" },
    output: { type: "string", short: "o" },
    ...CLUSTER_SETTING_OPTIONS,
  },
  run,
};
