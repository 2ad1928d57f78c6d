import { iptablesRules, nodeName, renderIptablesSave } from "../../engine/index.ts";
import { type CliIO, type Command, EXIT_OK, type OptionValues, UsageError } from "../command.ts";
import { clusterSettingHelp } from "../options.ts";
import { DATA_PLANE_OPTIONS, loadDataPlane, outputFormat } from "./trace.ts";

function run(values: OptionValues, _positionals: string[], io: CliIO): number {
  const output = outputFormat(values);
  const name = values.node;
  if (typeof name !== "string")
    throw new UsageError("--node NAME is required: the node whose rules to print");
  const dp = loadDataPlane(values, io);
  if (typeof dp === "number") return dp;
  const node = dp.nodes.get(nodeName(name));
  if (!node) throw new UsageError(`--node ${name}: no such node (nodes: ${[...dp.nodes.keys()].join(", ")})`);
  const tables = iptablesRules(dp, node);
  io.out(
    output === "json"
      ? `${JSON.stringify({ node: node.ref, tables }, null, 2)}\n`
      : renderIptablesSave(tables, node),
  );
  return EXIT_OK;
}

export const iptablesCommand: Command = {
  name: "iptables",
  summary: "print the iptables rules kube-proxy writes on a node (iptables-save format)",
  usage: [
    "Usage: svclab iptables --node NAME -f FILE [-f FILE]... [--fail-node NAME]... [-o json]",
    "",
    "Prints the filter and nat tables kube-proxy (iptables mode) writes on one node: KUBE-SERVICES,",
    "KUBE-NODEPORTS, KUBE-EXTERNAL-SERVICES and per service port KUBE-SVC-*, KUBE-SVL-*, KUBE-EXT-*,",
    "KUBE-SEP-*, named as kube-proxy names them.",
    "",
    "Options:",
    "  --node NAME           the node (NAME or node/NAME)",
    "  -f, --filename FILE   a manifest file; may repeat; '-' reads standard input",
    "  --fail-node NAME      fail a node first (may repeat): its pods leave every node's endpoints",
    clusterSettingHelp(22),
    '  -o, --output json     print {"node","tables":[{"name","chains","rules"}]}',
  ].join("\n"),
  options: { ...DATA_PLANE_OPTIONS, node: { type: "string" }, output: { type: "string", short: "o" } },
  run,
};
