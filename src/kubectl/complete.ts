import type { Cluster } from "../engine/index.ts";
import { VERBS } from "./kubectl.ts";
import { NODE_VERBS } from "./nodes.ts";
import { selectObjects } from "./printers.ts";
import { RESOURCES, resourceNamed } from "./resources.ts";

/** The console's Tab: the line completed as far as it is certain, and the choices when it is not. */
export interface Completion {
  line: string;
  choices: string[];
}

const PROGRAMS = ["kubectl", "curl", "clear", "help"];
const NODE_PROGRAMS = [
  "iptables-save",
  "ipvsadm",
  "ipset",
  "nft",
  "curl",
  "nslookup",
  "dig",
  "cat",
  "exit",
  "clear",
];
const RESOURCE_NAMES = RESOURCES.flatMap((r) => [r.resource, ...r.shortNames]);

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? "";
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** What may come at the last word of `words` (kubectl's own completion, `kubectl completion bash`, offers the same). */
function candidates(words: readonly string[], cluster: Cluster, onNode: boolean): string[] {
  const position = words.length - 1;
  if (position === 0) return onNode ? NODE_PROGRAMS : PROGRAMS;
  if (words[0] !== "kubectl") return [];
  const args = words.slice(1, -1).filter((w) => !w.startsWith("-"));
  const namespaceAt = words.indexOf("-n");
  const namespace = namespaceAt > 0 ? (words[namespaceAt + 1] ?? "default") : "default";
  const [verb, type] = args;
  if (verb === undefined) return [...VERBS];
  const namesOf = (resource: string) => {
    const info = resourceNamed(resource);
    return info
      ? selectObjects(info.resource, cluster, { namespace, all: false }).map((o) => o.metadata.name)
      : [];
  };
  if (verb === "exec") return args.length === 1 ? namesOf("pods") : [];
  if (verb === "debug") return args.length === 1 ? cluster.nodes.map((n) => n.ref) : [];
  if ((NODE_VERBS as readonly string[]).includes(verb)) return cluster.nodes.map((n) => n.name);
  if (verb === "apply") return [];
  if (verb === "scale" && type === undefined) return ["deployment", "statefulset"];
  if (type === undefined) return RESOURCE_NAMES;
  return args.length === 2 ? namesOf(type) : [];
}

export function complete(line: string, cluster: Cluster, onNode: boolean): Completion {
  const words = line.split(/\s+/);
  if (words[0] === "") words.shift();
  const current = words.at(-1) ?? "";
  const matching = [...new Set(candidates(words.length ? words : [""], cluster, onNode))].filter((c) =>
    c.startsWith(current),
  );
  if (matching.length === 0) return { line, choices: [] };
  const head = line.slice(0, line.length - current.length);
  if (matching.length === 1) return { line: `${head}${matching[0]} `, choices: [] };
  return { line: `${head}${commonPrefix(matching)}`, choices: matching };
}
