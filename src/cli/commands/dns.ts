import { QUERY_TYPES, type RecordType, renderMessage } from "../../engine/index.ts";
import { type CliIO, type Command, EXIT_OK, type OptionValues, UsageError } from "../command.ts";
import { clusterSettingHelp } from "../options.ts";
import { DATA_PLANE_OPTIONS, loadSession, outputFormat } from "./trace.ts";

/** dig's exit code when no server answered. */
const EXIT_NO_REPLY = 9;

/** --type, or dig's default: SRV for a `_PORT._PROTO.` name, A for any other. */
function queryType(values: OptionValues, name: string): RecordType {
  const type = values.type;
  if (type === undefined) return name.startsWith("_") ? "SRV" : "A";
  const upper = typeof type === "string" ? type.toUpperCase() : "";
  const known = QUERY_TYPES.find((t) => t === upper);
  if (!known) throw new UsageError(`--type must be one of ${QUERY_TYPES.join(", ")}`);
  return known;
}

/** dig -x: a PTR query for an IPv4 address asks for its in-addr.arpa name. */
function queryName(name: string, type: RecordType): string {
  const octets = name.split(".");
  const isIPv4 = octets.length === 4 && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
  return type === "PTR" && isIPv4 ? `${octets.reverse().join(".")}.in-addr.arpa.` : name;
}

function run(values: OptionValues, positionals: string[], io: CliIO): number {
  const output = outputFormat(values);
  const [name, ...extra] = positionals;
  if (!name || extra.length > 0) throw new UsageError("give exactly one NAME to look up");
  const from = values.from;
  if (typeof from !== "string")
    throw new UsageError("--from is required: pod/NAMESPACE/NAME (or node/NAME, external)");
  const loaded = loadSession(values, io);
  if (typeof loaded === "number") return loaded;
  const type = queryType(values, name);
  // The session's random choices (--seed N, else the cluster's seed) order the answers.
  const asked = loaded.session.dns(from, queryName(name, type), type);
  if (!asked.ok) throw new UsageError(asked.message);
  const { source, result } = asked;
  if ("outcome" in result) {
    const why = result.outcome === "refused" ? "connection refused" : "timed out";
    io.err(`;; communications error to the nameserver: ${why}\n;; no servers could be reached\n`);
    return EXIT_NO_REPLY;
  }
  const answers = result.response.answers.map((a) => ({ name: a.name, type: a.type, data: a.data }));
  if (output === "json") {
    io.out(`${JSON.stringify({ name: result.name, rcode: result.response.rcode, answers }, null, 2)}\n`);
    return EXIT_OK;
  }
  const dot = (n: string) => `${n}.`;
  const data = (type: string, value: string) =>
    type === "A" || type === "AAAA" ? value : type === "TXT" ? JSON.stringify(value) : dot(value);
  const lines = [`; <<>> svclab dns <<>> ${name} --from ${from}`];
  if (source.dns.cluster) {
    lines.push(";; tried, in the resolver's order (search list, ndots:5):");
    for (const attempt of result.attempts)
      lines.push(`;;   ${dot(attempt.name).padEnd(50)} ${attempt.rcode}`);
  } else {
    lines.push(`;; ${renderMessage(source.dns.why)}`);
  }
  lines.push(
    ";; Got answer:",
    `;; ->>HEADER<<- opcode: QUERY, status: ${result.response.rcode}`,
    "",
    ";; QUESTION SECTION:",
    `;${dot(result.name)}\t\tIN\t${type}`,
  );
  if (result.response.answers.length > 0) {
    lines.push("", ";; ANSWER SECTION:");
    for (const a of result.response.answers)
      lines.push(`${dot(a.name)}\t${a.ttl}\tIN\t${a.type}\t${data(a.type, a.data)}`);
  }
  const server = result.server.pod ? `, answered by ${result.server.pod.ref}` : "";
  lines.push("", `;; SERVER: ${result.server.ip}#53(${result.server.ip}) (UDP)${server}`);
  io.out(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

export const dnsCommand: Command = {
  name: "dns",
  summary: "look a name up as a pod's resolver would (search path, ndots:5, CoreDNS)",
  usage: [
    "Usage: svclab dns NAME --from pod/NAMESPACE/NAME -f FILE [-f FILE]... [--type TYPE] [--fail-node NAME]... [-o json]",
    "",
    "Resolves NAME like a process in the pod: its resolv.conf search list and ndots:5, queries to",
    "kube-dns through kube-proxy, answered by a CoreDNS pod. Prints like dig. Without --type, NAME",
    "starting with _PORT._PROTO. asks for SRV records, anything else for A. A PTR query takes an IPv4",
    "address as dig -x does. Nodes and 'external' use the upstream.",
    "",
    "Options:",
    "  --from SRC            pod/NAMESPACE/NAME (or node/NAME, external)",
    `  --type TYPE           the record type: ${QUERY_TYPES.join(", ")}`,
    "  -f, --filename FILE   a manifest file; may repeat; '-' reads standard input",
    "  --fail-node NAME      fail a node first (may repeat)",
    "  --seed N              seed of the random choices (which CoreDNS pod, answer order)",
    clusterSettingHelp(22),
    '  -o, --output json     print {"name","rcode","answers":[{"name","type","data"}]}',
    "",
    "Exit 9 (as dig) when no nameserver answers.",
  ].join("\n"),
  options: {
    ...DATA_PLANE_OPTIONS,
    from: { type: "string" },
    type: { type: "string" },
    seed: { type: "string" },
    output: { type: "string", short: "o" },
  },
  run,
};
