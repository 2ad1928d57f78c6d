import {
  type KubeProxyMode,
  nodeName,
  nodeRef,
  type Ref,
  renderProxyRules,
  svcRef,
} from "../../engine/index.ts";
import {
  type CliIO,
  type Command,
  type CommandOptions,
  EXIT_OK,
  type OptionValues,
  UsageError,
} from "../command.ts";
import { clusterSettingHelp } from "../options.ts";
import { DATA_PLANE_OPTIONS, loadSession, outputFormat } from "./trace.ts";

/** `--service` as svc/NS/NAME, NS/NAME or NAME (in default), as the engine's ref. */
function serviceRef(name: string): Ref {
  const [first = "", ...rest] = name.replace(/^svc\//, "").split("/");
  return rest.length === 0 ? svcRef("default", first) : svcRef(first, rest.join("/"));
}

/** Prints one node's kube-proxy rules (only one Service's with --service) in `mode`, or the cluster's own mode. */
function printRules(values: OptionValues, io: CliIO, mode?: KubeProxyMode): number {
  const output = outputFormat(values);
  const name = values.node;
  if (typeof name !== "string")
    throw new UsageError("--node NAME is required: the node whose rules to print");
  const loaded = loadSession(values, io);
  if (typeof loaded === "number") return loaded;
  const { dp, session } = loaded;
  const node = nodeRef(nodeName(name));
  const service = typeof values.service === "string" ? serviceRef(values.service) : undefined;
  const rules = session.rules(node, service, mode);
  if (!rules)
    throw new UsageError(`--node ${name}: no such node (nodes: ${[...dp.nodes.keys()].join(", ")})`);
  if (service && !dp.serviceByRef.has(service))
    throw new UsageError(
      `--service ${values.service}: no such Service (Services: ${[...dp.serviceByRef.keys()].join(", ")})`,
    );
  if (output !== "json") io.out(renderProxyRules(rules.sections));
  else if (rules.mode === "iptables")
    io.out(`${JSON.stringify({ node, mode: rules.mode, tables: rules.iptables }, null, 2)}\n`);
  else io.out(`${JSON.stringify({ node, mode: rules.mode, sections: rules.sections }, null, 2)}\n`);
  return EXIT_OK;
}

const COMMON_USAGE = [
  "  --node NAME           the node (NAME or node/NAME)",
  "  -f, --filename FILE   a manifest file; may repeat; '-' reads standard input",
  "  --service SVC         only that Service's lines (svc/NS/NAME, NS/NAME or NAME): its chains, its",
  "                        rules in the shared chains, its map elements or its virtual servers",
  "  --fail-node NAME      fail a node first (may repeat): its pods leave every node's endpoints",
];

const OPTIONS: CommandOptions = {
  ...DATA_PLANE_OPTIONS,
  node: { type: "string" },
  service: { type: "string" },
  output: { type: "string", short: "o" },
};
/** `svclab iptables` prints iptables mode whatever is asked, so it takes no --proxy-mode. */
const { "proxy-mode": _mode, ...IPTABLES_OPTIONS } = OPTIONS;

export const rulesCommand: Command = {
  name: "rules",
  summary: "print the rules kube-proxy writes on a node, as its proxy mode's own tools print them",
  usage: [
    "Usage: svclab rules --node NAME -f FILE [-f FILE]... [--service SVC] [--proxy-mode MODE] [--fail-node NAME]... [-o json]",
    "",
    "Prints what kube-proxy writes on one node in the cluster's proxy mode (the kube-system/kube-proxy",
    "ConfigMap's KubeProxyConfiguration `mode`, iptables when unset):",
    "  iptables   iptables-save: KUBE-SERVICES, KUBE-NODEPORTS, KUBE-SVC-*, KUBE-SEP-*, ...",
    "  ipvs       ipvsadm -Ln (virtual servers, rr scheduler), ipset save (the KUBE-* sets) and the",
    "             iptables-save rules that match them; deprecated since Kubernetes 1.35",
    "  nftables   nft list table ip kube-proxy: service and endpoint chains, verdict maps (GA since 1.33)",
    "",
    "Options:",
    ...COMMON_USAGE,
    clusterSettingHelp(22),
    '  -o, --output json     print {"node","mode","tables"} (iptables) or {"node","mode","sections":[{"command","text"}]}',
  ].join("\n"),
  options: OPTIONS,
  run: (values, _positionals, io) => printRules(values, io),
};

/** `svclab iptables`: `svclab rules` in iptables mode, whatever the cluster's mode. */
export const iptablesCommand: Command = {
  name: "iptables",
  summary:
    "print the iptables rules kube-proxy (iptables mode) writes on a node: svclab rules --proxy-mode iptables",
  usage: [
    "Usage: svclab iptables --node NAME -f FILE [-f FILE]... [--service SVC] [--fail-node NAME]... [-o json]",
    "",
    "Prints the filter and nat tables kube-proxy (iptables mode) writes on one node: KUBE-SERVICES,",
    "KUBE-NODEPORTS, KUBE-EXTERNAL-SERVICES and per service port KUBE-SVC-*, KUBE-SVL-*, KUBE-EXT-*,",
    "KUBE-SEP-*, named as kube-proxy names them. The same as `svclab rules --proxy-mode iptables`.",
    "",
    "Options:",
    ...COMMON_USAGE,
    // Its mode is iptables; the other cluster setting still applies.
    clusterSettingHelp(22).split("\n")[0] ?? "",
    '  -o, --output json     print {"node","mode","tables":[{"name","chains","rules"}]}',
  ].join("\n"),
  options: IPTABLES_OPTIONS,
  run: (values, _positionals, io) => printRules(values, io, "iptables"),
};
