import { type CliIO, type Command, EXIT_OK, type OptionValues, UsageError } from "../command.ts";
import { clusterSettingHelp, wholeNumber } from "../options.ts";
import {
  DATA_PLANE_OPTIONS,
  loadSession,
  outputFormat,
  REQUEST_OPTIONS,
  REQUEST_USAGE,
  requestFor,
} from "./trace.ts";

/** A bound that keeps one invocation to seconds: a simulator choice. */
const MAX_COUNT = 1_000_000;

function countOf(values: OptionValues): number {
  const range = { min: 1, max: MAX_COUNT, what: "the number of requests" };
  const count = wholeNumber(values, "count", range);
  if (count === undefined)
    throw new UsageError(`--count N is required: ${range.what}, a whole number from 1 to ${MAX_COUNT}`);
  return count;
}

function run(values: OptionValues, _positionals: string[], io: CliIO): number {
  const output = outputFormat(values);
  const count = countOf(values);
  const loaded = loadSession(values, io);
  if (typeof loaded === "number") return loaded;
  const request = requestFor(loaded.dp, values);
  const counted = loaded.session.count(request.request, count);
  if (!counted.ok) throw new UsageError(counted.message);
  const summary = counted.value;
  if (output === "json") {
    io.out(`${JSON.stringify(summary, null, 2)}\n`);
    return EXIT_OK;
  }
  const rows = (record: Record<string, number | undefined>) =>
    Object.entries(record)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(
        ([key, n = 0]) =>
          `  ${key.padEnd(40)} ${String(n).padStart(8)}  ${((100 * n) / count).toFixed(1).padStart(5)}%`,
      );
  const lines = [
    `${count} request(s) from ${request.request.from} to ${request.request.to}`,
    "",
    "Outcomes:",
    ...rows(summary.outcomes),
    "",
    "Backends (NS/POD):",
    ...(Object.keys(summary.backends).length ? rows(summary.backends) : ["  (none)"]),
  ];
  io.out(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

export const trafficCommand: Command = {
  name: "traffic",
  summary: "send the same request N times and count outcomes and backends",
  usage: [
    "Usage: svclab traffic --from SRC --to DST --count N -f FILE [-f FILE]... [--fail-node NAME]... [--seed N] [-o json]",
    "",
    "Sends N requests through one traffic state: iptables' random picks, IPVS round robin and",
    "sessionAffinity play out as on a real cluster. The virtual clock advances 10 ms per request.",
    "",
    "Options:",
    "  --count N             how many requests",
    "  -f, --filename FILE   a manifest file; may repeat; '-' reads standard input",
    "  --fail-node NAME      fail a node first (may repeat)",
    "  --seed N              seed of the random choices; default the cluster's",
    clusterSettingHelp(22),
    ...REQUEST_USAGE,
    '  -o, --output json     print {"total","outcomes":{OUTCOME:n},"backends":{"NS/POD":n}}',
  ].join("\n"),
  options: {
    ...DATA_PLANE_OPTIONS,
    ...REQUEST_OPTIONS,
    count: { type: "string" },
    seed: { type: "string" },
    output: { type: "string", short: "o" },
  },
  run,
};
