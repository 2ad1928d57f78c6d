import {
  type Cluster,
  createSession,
  type DataPlane,
  type EngineSession,
  type Hop,
  IPVS_DEPRECATION,
  type ParsedRequest,
  parseRequest,
  renderMessage,
  type Trace,
} from "../../engine/index.ts";
import {
  type CliIO,
  type Command,
  type CommandOptions,
  EXIT_INVALID,
  EXIT_OK,
  type OptionValues,
  UsageError,
} from "../command.ts";
import {
  CLUSTER_SETTING_OPTIONS,
  clusterSettingHelp,
  clusterSettingsOption,
  seedOption,
} from "../options.ts";
import { formatDiagnostic, readSources } from "./validate.ts";

/** Options every data-plane command shares: the manifests, the nodes to fail and kube-proxy's mode. */
export const DATA_PLANE_OPTIONS: CommandOptions = {
  filename: { type: "string", short: "f", multiple: true },
  "fail-node": { type: "string", multiple: true },
  ...CLUSTER_SETTING_OPTIONS,
};

function list(value: OptionValues[string]): string[] {
  return Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
}

/** The engine session the command works with, its cluster and the data plane of its build. */
export interface LoadedSession {
  session: EngineSession;
  cluster: Cluster;
  dp: DataPlane;
}

/**
 * Builds -f files in an engine session (the one the app's worker and the lesson replayer run) with
 * the cluster settings options, `failedNodes` and --seed as its random choices' seed; diagnostics go
 * to standard error, and invalid manifests give exit 1 (returned as a number).
 */
export function buildSession(
  values: OptionValues,
  io: CliIO,
  failedNodes: readonly string[] = [],
): LoadedSession | number {
  const seed = seedOption(values);
  const session = createSession(seed === undefined ? {} : { seed });
  const settings = clusterSettingsOption(values);
  const built = session.build(readSources(values, [], io), { failedNodes, settings });
  for (const d of built.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  const { cluster, dataPlane } = built;
  return cluster && dataPlane ? { session, cluster, dp: dataPlane } : EXIT_INVALID;
}

/**
 * buildSession with --fail-node applied, saying so when kube-proxy runs in ipvs mode; an unknown
 * --fail-node is a usage error.
 */
export function loadSession(values: OptionValues, io: CliIO): LoadedSession | number {
  const failedNodes = list(values["fail-node"]);
  const loaded = buildSession(values, io, failedNodes);
  if (typeof loaded === "number") return loaded;
  const { cluster } = loaded;
  const settings = clusterSettingsOption(values);
  // kube-proxy says so at start in ipvs mode (the ConfigMap's own warning came with the diagnostics).
  if (settings.kubeProxyMode === "ipvs") io.err(`Warning: kube-proxy: ${IPVS_DEPRECATION}\n`);
  const unknown = failedNodes.filter((name) => !cluster.nodes.some((n) => n.name === name));
  if (unknown.length > 0) {
    throw new UsageError(
      `--fail-node ${unknown.join(", ")}: no such node (nodes: ${cluster.nodes.map((n) => n.name).join(", ")})`,
    );
  }
  return loaded;
}

export function outputFormat(
  values: OptionValues,
  allowed: readonly string[] = ["json"],
): string | undefined {
  const output = values.output;
  if (output !== undefined && (typeof output !== "string" || !allowed.includes(output))) {
    throw new UsageError(
      `unknown output format "${String(output)}": use ${allowed.map((o) => `-o ${o}`).join(" or ")}`,
    );
  }
  return output;
}

/** --from and --to as a request the engine can trace; a wrong one is a usage error. */
export function requestFor(dp: DataPlane, values: OptionValues): ParsedRequest {
  const from = values.from;
  const to = values.to;
  if (typeof from !== "string")
    throw new UsageError("--from is required: external, node/NAME or pod/NAMESPACE/NAME");
  if (typeof to !== "string")
    throw new UsageError("--to is required: a URL (http://host[:port]/path) or host:port");
  const headers = list(values.header).map(headerOf);
  const method = values.request;
  if (method !== undefined && (typeof method !== "string" || !/^[A-Z]+$/.test(method)))
    throw new UsageError(`-X "${String(method)}": give an HTTP method in capitals (GET, POST, ...)`);
  const parsed = parseRequest(dp, {
    from,
    to,
    ...(headers.length ? { headers } : {}),
    ...(method ? { method } : {}),
  });
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.value;
}

/** curl's -H 'Name: value': a token, a colon, the value (leading spaces dropped). */
function headerOf(text: string): { name: string; value: string } {
  const colon = text.indexOf(":");
  const name = colon < 0 ? "" : text.slice(0, colon).trim();
  if (!/^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/.test(name))
    throw new UsageError(`-H "${text}": write a header as 'Name: value'`);
  return { name, value: text.slice(colon + 1).trim() };
}

/** Options of the commands that send requests: curl's -H (repeatable) and -X. */
export const REQUEST_OPTIONS: CommandOptions = {
  from: { type: "string" },
  to: { type: "string" },
  header: { type: "string", short: "H", multiple: true },
  request: { type: "string", short: "X" },
};

/** Their usage lines. */
export const REQUEST_USAGE = [
  "  -H, --header 'N: V'   a request header, as curl sends it; may repeat; a Host header overrides",
  "                        the URL's host for Ingress and Gateway routing",
  "  -X, --request METHOD  the HTTP method (default GET), which HTTPRoute method matches read",
];

function hopLines(hops: readonly Hop[]): string[] {
  const at = Math.max(...hops.map((h) => h.at.length));
  const kind = Math.max(...hops.map((h) => h.kind.length));
  return hops.map((h, i) => {
    const nat =
      h.before.src.ip !== h.after.src.ip ||
      h.before.dst.ip !== h.after.dst.ip ||
      h.before.dst.port !== h.after.dst.port
        ? `  [${h.before.src.ip}:${h.before.src.port} → ${h.before.dst.ip}:${h.before.dst.port}  ⇒  ${h.after.src.ip}:${h.after.src.port} → ${h.after.dst.ip}:${h.after.dst.port}]`
        : "";
    const cause = h.cause
      ? `  (${h.cause.object} ${h.cause.field}${h.cause.position ? ` at ${h.cause.position.file}:${h.cause.position.line}:${h.cause.position.column}` : ""})`
      : "";
    return `${String(i + 1).padStart(3)}  ${h.phase.padEnd(7)}  ${h.at.padEnd(at)}  ${h.kind.padEnd(kind)}  ${renderMessage(h.message)}${nat}${cause}`;
  });
}

/** What curl -v would print for the request, from the trace. */
function curlLines(parsed: ParsedRequest, result: Trace): string[] {
  const { target } = parsed;
  const send = result.hops.find((h) => h.phase === "request" && h.kind === "send");
  const lines: string[] = [];
  if (!send) {
    if (result.outcome === "nxdomain") lines.push(`* Could not resolve host: ${target.rawHost}`);
    else
      lines.push(
        `* Could not resolve host: ${target.rawHost} (the DNS query was ${result.outcome === "refused" ? "refused" : "not answered"})`,
      );
    return lines;
  }
  const ip = send.before.dst.ip;
  if (ip !== target.host)
    lines.push(`* Host ${target.rawHost}:${target.port} was resolved.`, `* IPv4: ${ip}`);
  lines.push(`*   Trying ${ip}:${target.port}...`);
  if (result.outcome === "refused") {
    lines.push(
      `* connect to ${ip} port ${target.port} from ${send.before.src.ip} port ${send.before.src.port} failed: Connection refused`,
      `* Failed to connect to ${target.rawHost} port ${target.port} after 0 ms: Couldn't connect to server`,
    );
  } else if (result.outcome === "timeout") {
    lines.push(`* Connection timed out after 300000 milliseconds (curl's default connect timeout)`);
  } else {
    lines.push(`* Connected to ${target.rawHost} (${ip}) port ${target.port}`);
    if (target.scheme === "https") lines.push("* (TLS handshake: the simulator does not model certificates)");
    if (target.scheme) {
      const headers = parsed.request.headers ?? [];
      const host = headers.findLast((h) => h.name.toLowerCase() === "host")?.value ?? target.rawHost;
      lines.push(
        `> ${parsed.request.method ?? "GET"} ${target.path} HTTP/1.1`,
        `> Host: ${host}`,
        "> User-Agent: curl/8.5.0",
        "> Accept: */*",
        ...headers.filter((h) => h.name.toLowerCase() !== "host").map((h) => `> ${h.name}: ${h.value}`),
        ">",
      );
    }
    const b = result.backend;
    lines.push(
      !b
        ? `* Delivered to ${result.hops.at(-1)?.at ?? "the destination"}`
        : b.pod
          ? `* Delivered to ${b.pod} on ${b.node} at ${b.ip}:${b.port}; the pod sees the client as ${b.clientIP}`
          : `* Delivered to ${b.ip}:${b.port} (${b.node ?? "not a pod"}); it sees the client as ${b.clientIP}`,
    );
  }
  return lines;
}

function run(values: OptionValues, _positionals: string[], io: CliIO): number {
  const output = outputFormat(values);
  const loaded = loadSession(values, io);
  if (typeof loaded === "number") return loaded;
  const parsed = requestFor(loaded.dp, values);
  const sent = loaded.session.send(parsed.request);
  const result = sent.ok ? sent.value[0]?.trace : undefined;
  if (!result) throw new UsageError(sent.ok ? "nothing was sent" : sent.message);
  if (output === "json") {
    const hops = result.hops.map((h) => ({ at: h.at, kind: h.kind, detail: renderMessage(h.message) }));
    io.out(`${JSON.stringify({ outcome: result.outcome, backend: result.backend, hops }, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines = [
    ...curlLines(parsed, result),
    "",
    "Hops:",
    ...hopLines(result.hops),
    "",
    `outcome: ${result.outcome}`,
  ];
  io.out(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

export const traceCommand: Command = {
  name: "trace",
  summary: "follow one request hop by hop: DNS, kube-proxy, routes, the pod that answers",
  usage: [
    "Usage: svclab trace --from SRC --to DST -f FILE [-f FILE]... [--fail-node NAME]... [--seed N] [-o json]",
    "",
    "Sends one request through the simulated cluster and prints its path like curl -v, then each hop.",
    "  SRC  external | node/NAME | pod/NAMESPACE/NAME",
    "  DST  a URL (http[s]://host[:port]/path) or host:port; names resolve as the source's resolver does",
    "",
    "Options:",
    "  -f, --filename FILE   a manifest file; may repeat; '-' reads standard input",
    "  --fail-node NAME      fail a node first (may repeat): the state once the control plane has reacted",
    "  --seed N              seed of the random choices (iptables, load balancers); default the cluster's",
    clusterSettingHelp(22),
    ...REQUEST_USAGE,
    '  -o, --output json     print {"outcome","backend","hops":[{"at","kind","detail"}]}',
    "",
    "Outcomes: delivered, refused, timeout, nxdomain, http-NNN (a proxy answered itself).",
  ].join("\n"),
  options: {
    ...DATA_PLANE_OPTIONS,
    ...REQUEST_OPTIONS,
    seed: { type: "string" },
    output: { type: "string", short: "o" },
  },
  run,
};
