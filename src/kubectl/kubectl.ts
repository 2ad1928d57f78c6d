import type { Cluster, KubeObject, Ref, SourceFile } from "../engine/index.ts";
import {
  isNodeRef,
  KUBERNETES_VERSION,
  namespacedRef,
  nodeName,
  nodeRef,
  refName,
  serviceSelects,
} from "../engine/index.ts";
import { CHANGE_VERBS, changeCommand } from "./changes.ts";
import { describeObject } from "./describe.ts";
import { toYaml } from "./documents.ts";
import { boolFlag, type FlagSpec, type FlagValues, flag, parseFlags } from "./flags.ts";
import { type CurlOptions, type Run, resolvConf } from "./net.ts";
import { NODE_VERBS, nodeCommand } from "./nodes.ts";
import {
  type AgeOf,
  CLUSTER_SCOPED,
  ENDPOINTS_WARNING,
  NONE,
  noResources,
  printJsonList,
  printTable,
  QUALIFIED,
  renderColumns,
  type Scope,
  selectObjects,
} from "./printers.ts";
import { ALL, notFound, RESOURCES, type ResourceInfo, resourceNamed } from "./resources.ts";
import { parseSelector } from "./selector.ts";
import { splitWords } from "./shell.ts";

/** Inside `kubectl debug node/NAME`: a shell on that node. */
export interface NodeShell {
  node: string;
}

export interface ConsoleContext {
  cluster: Cluster;
  files: readonly SourceFile[];
  /** The file the editor shows: where `kubectl apply` and `expose` add new objects. */
  activeFile: string;
  shell: NodeShell | null;
  age?: AgeOf;
  /** A here-document's lines: the command's standard input. */
  stdin?: string;
  /** The shell's variables, set by `NAME=VALUE` lines. */
  env?: Readonly<Record<string, string>>;
}

/**
 * What a command line asks of the app. Reading commands are answered here; a request or a DNS lookup
 * goes through the app's own send and lookup (so it is drawn like any other), a change through its
 * manifests.
 */
export type Step =
  | { kind: "print"; run: Run }
  | {
      kind: "request";
      from: Ref;
      curl: CurlOptions;
      /** Run through `kubectl exec`, which reports a failing command's status. */
      exec: boolean;
    }
  | { kind: "lookup"; from: Ref; name: string; tool: "nslookup" | "dig"; short: boolean; exec: boolean }
  | {
      kind: "edit";
      files: SourceFile[];
      run: Run;
      /** Pods evicted (kubectl drain): their controllers recreate them wherever the scheduler now puts them. */
      evict?: Ref[];
    }
  | { kind: "shell"; shell: NodeShell | null; run: Run }
  | { kind: "rules"; node: Ref; listing: RulesListing }
  | { kind: "events"; watch: boolean; fieldSelector: string | null }
  /** `NAME=VALUE`: a shell variable, which later lines read as $NAME. */
  | { kind: "env"; name: string; value: string }
  /** `help`: the console's own help, which the app prints in the learner's language. */
  | { kind: "help" }
  | { kind: "clear" };

/** Which of kube-proxy's listings a node-shell command asks for (each mode's own tool). */
export type RulesListing =
  | { tool: "iptables-save"; table: string | null }
  | { tool: "ipvsadm" }
  | { tool: "ipset" }
  | { tool: "nft"; what: "ruleset" | "kube-proxy" };

/** `nft list ruleset`, `nft list table [ip] kube-proxy`: the listings nft prints of kube-proxy's table. */
function nftListing(args: readonly string[]): RulesListing | null {
  const words = args.join(" ");
  if (words === "list ruleset") return { tool: "nft", what: "ruleset" };
  if (words === "list table ip kube-proxy" || words === "list table kube-proxy")
    return { tool: "nft", what: "kube-proxy" };
  return null;
}

export const print = (out: string, err = "", status = 0): Step => ({
  kind: "print",
  run: { out, err, status },
});
const fail = (err: string, status = 1): Step => print("", err, status);

/** The verbs the console knows, for tab completion and `kubectl` alone. */
export const VERBS = ["get", "describe", "exec", "run", "debug", ...CHANGE_VERBS, ...NODE_VERBS] as const;

/** kubectl's answer to a verb it does not know: cobra's "unknown command" with suggestions. */
function unknownVerb(verb: string): Step {
  const close = VERBS.filter((v) => distance(v, verb) <= 2 || v.startsWith(verb));
  return fail(
    [
      `error: unknown command "${verb}" for "kubectl"`,
      ...(close.length ? ["", "Did you mean this?", ...close.map((v) => `\t${v}`)] : []),
      "",
      "Run 'kubectl --help' for usage.",
    ].join("\n"),
  );
}

/** Levenshtein distance, which cobra uses for its suggestions (SuggestionsMinimumDistance 2). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

const usageHint = (verb: string) => `See 'kubectl ${verb} -h' for help and examples`;
const flagError = (verb: string, error: string) => fail(`error: ${error}\n${usageHint(verb)}`);

function namespaceOf(flags: FlagValues): string {
  return flag(flags, "namespace") ?? "default";
}

/** Runs one console line (a here-document's lines, if any, are in ctx.stdin). */
export function runLine(line: string, ctx: ConsoleContext): Step {
  // $(kubectl ...): the shell's command substitution, the inner command's output trimmed.
  const substituted = line.replace(/\$\(([^()]*)\)/g, (_, inner: string) => {
    const step = runLine(inner, ctx);
    return step.kind === "print" ? step.run.out.trim() : "";
  });
  // $NAME and ${NAME}: the shell's variables (an unset one is empty, as in sh).
  const expanded = substituted.replace(
    /\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g,
    (_, braced?: string, bare?: string) => ctx.env?.[braced ?? bare ?? ""] ?? "",
  );
  const assignment = /^\s*([A-Za-z_]\w*)=(\S*)\s*$/.exec(expanded);
  if (assignment) return { kind: "env", name: assignment[1] ?? "", value: assignment[2] ?? "" };
  const parsed = splitWords(expanded);
  if (parsed.error) return fail(parsed.error, 2);
  const [program, ...args] = parsed.words;
  if (program === undefined) return print("");
  if (program === "clear") return { kind: "clear" };
  if (ctx.shell) return runOnNode(program, args, ctx, ctx.shell);
  if (program === "kubectl" || program === "k") return kubectl(args, ctx);
  if (program === "curl") return curl(args, "client/external", false);
  if (program === "help") return { kind: "help" };
  return fail(`bash: ${program}: command not found`, 127);
}

function kubectl(args: string[], ctx: ConsoleContext): Step {
  const [verb, ...rest] = args;
  if (verb === undefined || verb === "-h" || verb === "--help" || verb === "help") {
    return print(
      [
        "kubectl controls the Kubernetes cluster manager.",
        "",
        "Commands the console knows:",
        ...VERBS.map((v) => `  ${v}`),
        "",
        "Usage:",
        "  kubectl [flags] [options]",
      ].join("\n"),
    );
  }
  switch (verb) {
    case "get":
      return get(rest, ctx);
    case "describe":
      return describeCommand(rest, ctx);
    case "exec":
      return exec(rest, ctx);
    case "debug":
      return debug(rest, ctx);
    case "run":
      return runPod(rest, ctx);
    case "version":
      // The release the simulator follows, which its defaults, kube-proxy and API checks are those of.
      return print(
        `Client Version: v${KUBERNETES_VERSION}.0\nKustomize Version: v5.7.1\nServer Version: v${KUBERNETES_VERSION}.0`,
      );
    default:
      if ((NODE_VERBS as readonly string[]).includes(verb)) return nodeCommand(verb, rest, ctx);
      return (CHANGE_VERBS as readonly string[]).includes(verb)
        ? changeCommand(verb, rest, ctx)
        : unknownVerb(verb);
  }
}

const GET_FLAGS: readonly FlagSpec[] = [
  { long: "output", short: "o", takesValue: true },
  { long: "selector", short: "l", takesValue: true },
  { long: "all-namespaces", short: "A", takesValue: false },
  { long: "show-labels", takesValue: false },
  { long: "watch", short: "w", takesValue: false },
  { long: "no-headers", takesValue: false },
  { long: "field-selector", takesValue: true },
];

const OUTPUTS = ["json", "yaml", "wide", "name"];

/** `type/name` and `type name...` forms: what to list. */
interface Wanted {
  info: ResourceInfo;
  names: string[];
}

function wantedObjects(
  positionals: readonly string[],
  verb: string,
): { ok: true; value: Wanted[] } | { ok: false; step: Step } {
  const [first, ...names] = positionals;
  if (first === undefined) {
    return {
      ok: false,
      step: fail(
        [
          'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
          "",
          "error: Required resource not specified.",
          `Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).`,
          usageHint(verb),
        ].join("\n"),
      ),
    };
  }
  const slashed = positionals.every((p) => p.includes("/"));
  const pieces = slashed ? positionals.map((p) => p.split("/")) : [[first, ...names]];
  const wanted: Wanted[] = [];
  for (const [typeList = "", ...rest] of pieces) {
    for (const type of typeList.split(",")) {
      if (type === "all") {
        for (const r of ALL)
          wanted.push({ info: RESOURCES.find((i) => i.resource === r) as ResourceInfo, names: rest });
        continue;
      }
      const info = resourceNamed(type);
      if (!info) return { ok: false, step: fail(`error: the server doesn't have a resource type "${type}"`) };
      wanted.push({ info, names: rest });
    }
  }
  return { ok: true, value: wanted };
}

function get(args: string[], ctx: ConsoleContext): Step {
  const parsed = parseFlags(args, GET_FLAGS);
  if (!parsed.ok) return flagError("get", parsed.error);
  const { flags, positionals } = parsed;
  const type = positionals[0]?.toLowerCase();
  if (type === "events" || type === "event" || type === "ev")
    return {
      kind: "events",
      watch: boolFlag(flags, "watch"),
      fieldSelector: flag(flags, "field-selector") ?? null,
    };
  const output = flag(flags, "output");
  if (
    output !== undefined &&
    !OUTPUTS.includes(output) &&
    !output.startsWith("jsonpath=") &&
    !output.startsWith("custom-columns=")
  ) {
    return fail(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,json,jsonpath,name,wide,yaml`,
    );
  }
  const wanted = wantedObjects(positionals, "get");
  if (!wanted.ok) return wanted.step;
  const selectorText = flag(flags, "selector");
  const selector = selectorText === undefined ? undefined : parseSelector(selectorText);
  if (selector && !selector.ok) return fail(`error: ${selector.message}`);
  const scope: Scope = {
    namespace: namespaceOf(flags),
    all: boolFlag(flags, "all-namespaces"),
    ...(selector ? { selector: selector.value } : {}),
  };
  const errors: string[] = [];
  const objects: KubeObject[] = [];
  const tables: string[] = [];
  const qualified = wanted.value.length > 1;
  for (const { info, names } of wanted.value) {
    const these = { ...scope, names };
    const found = selectObjects(info.resource, ctx.cluster, these);
    for (const name of names)
      if (!found.some((o) => o.metadata.name === name)) errors.push(notFound(info, name));
    objects.push(...found);
    if (output === undefined || output === "wide") {
      const table = printTable(info.resource, ctx.cluster, these, {
        wide: output === "wide",
        qualified,
        showLabels: boolFlag(flags, "show-labels"),
        ...(ctx.age ? { age: ctx.age } : {}),
      });
      if (table) tables.push(boolFlag(flags, "no-headers") ? table.split("\n").slice(1).join("\n") : table);
    } else if (output === "name") {
      tables.push(
        ...found.map(
          (o) =>
            `${QUALIFIED[info.resource].replace(/\.discovery\.k8s\.io$/, ".discovery.k8s.io")}/${o.metadata.name}`,
        ),
      );
    }
  }
  const err = errors.join("\n");
  const warned = (step: Step): Step => withEndpointsWarning(step, wanted.value);
  const single = wanted.value.length === 1 && (wanted.value[0]?.names.length ?? 0) === 1;
  if (output === "json")
    return warned(
      print(
        objects.length
          ? JSON.stringify(single ? objects[0] : JSON.parse(printJsonList(objects)), null, 4)
          : "",
        err,
        err ? 1 : 0,
      ),
    );
  if (output === "yaml") {
    const value = single
      ? objects[0]
      : { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } };
    return warned(print(objects.length ? toYaml(value).trimEnd() : "", err, err ? 1 : 0));
  }
  if (output?.startsWith("custom-columns=")) {
    // customcolumn.go: HEADER:JSONPATH pairs, <none> for a path with no value.
    const columns = output
      .slice("custom-columns=".length)
      .split(",")
      .map((spec) => [spec.slice(0, spec.indexOf(":")), spec.slice(spec.indexOf(":") + 1)] as const);
    if (columns.some(([header, path]) => !header || !path.startsWith(".")))
      return fail("error: unexpected custom-columns spec, expected <header>:<json-path-expr>");
    const rows = objects.map((o) => columns.map(([, path]) => jsonPath(o, `{${path}}`) || NONE));
    return warned(print(renderColumns([columns.map(([header]) => header), ...rows]), err, err ? 1 : 0));
  }
  if (output?.startsWith("jsonpath=")) {
    const values = objects.map((o) => jsonPath(o, output.slice("jsonpath=".length)));
    return warned(print(values.join(" "), err, err ? 1 : 0));
  }
  if (tables.length === 0 && !err) {
    const clusterScoped = wanted.value.every((w) => CLUSTER_SCOPED.has(w.info.resource));
    return warned(print("", noResources(scope, clusterScoped)));
  }
  return warned(print(tables.join(output === "name" ? "\n" : "\n\n"), err, err ? 1 : 0));
}

/** Any request for v1 Endpoints draws the API server's deprecation warning, printed once before the output. */
function withEndpointsWarning(step: Step, wanted: readonly Wanted[]): Step {
  if (step.kind !== "print" || !wanted.some((w) => w.info.resource === "endpoints")) return step;
  return { ...step, run: { ...step.run, warning: ENDPOINTS_WARNING } };
}

/** `-o jsonpath='{.spec.clusterIP}'`: field paths with [N] indexes, text around them kept. */
function jsonPath(object: unknown, template: string): string {
  return template.replace(/\{([^}]*)\}/g, (_, path: string) => {
    let value: unknown = object;
    for (const part of path
      .replace(/^\./, "")
      .split(/\.|\[(\d+)\]/)
      .filter(Boolean)) {
      value =
        value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
    }
    if (value === undefined) return "";
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  });
}

function describeCommand(args: string[], ctx: ConsoleContext): Step {
  const parsed = parseFlags(args, [
    { long: "selector", short: "l", takesValue: true },
    { long: "all-namespaces", short: "A", takesValue: false },
  ]);
  if (!parsed.ok) return flagError("describe", parsed.error);
  const wanted = wantedObjects(parsed.positionals, "describe");
  if (!wanted.ok) return wanted.step;
  const scope: Scope = {
    namespace: namespaceOf(parsed.flags),
    all: boolFlag(parsed.flags, "all-namespaces"),
  };
  const texts: string[] = [];
  const errors: string[] = [];
  for (const { info, names } of wanted.value) {
    const found = selectObjects(info.resource, ctx.cluster, { ...scope, names });
    for (const name of names)
      if (!found.some((o) => o.metadata.name === name)) errors.push(notFound(info, name));
    texts.push(...found.map((o) => describeObject(ctx.cluster, info, o)));
  }
  if (texts.length === 0 && errors.length === 0)
    return withEndpointsWarning(print("", noResources(scope, false)), wanted.value);
  return withEndpointsWarning(
    print(texts.join("\n\n\n"), errors.join("\n"), errors.length ? 1 : 0),
    wanted.value,
  );
}

/** The pod `kubectl exec` means: `NAME`, `pod/NAME`, or the first pod of `deploy/NAME` or `svc/NAME`. */
function podFor(
  target: string,
  namespace: string,
  cluster: Cluster,
): { ok: true; ref: Ref; namespace: string } | { ok: false; step: Step } {
  const [type, name] = target.includes("/") ? target.split("/", 2) : ["pod", target];
  const info = resourceNamed(type ?? "");
  if (!info) return { ok: false, step: fail(`error: the server doesn't have a resource type "${type}"`) };
  const inNamespace = cluster.pods.filter((p) => p.namespace === namespace);
  const pod =
    info.resource === "pods"
      ? inNamespace.find((p) => p.name === name)
      : info.resource === "services"
        ? inNamespace.find((p) => {
            const svc = cluster.services.find((s) => s.namespace === namespace && s.name === name);
            return svc !== undefined && serviceSelects(svc, p);
          })
        : inNamespace.find((p) => p.owner === namespacedRef(info.singular, namespace, name ?? ""));
  if (!pod) return { ok: false, step: fail(notFound(info, name ?? "")) };
  return { ok: true, ref: pod.ref, namespace };
}

const EXEC_FLAGS: readonly FlagSpec[] = [
  { long: "container", short: "c", takesValue: true },
  { long: "stdin", short: "i", takesValue: false },
  { long: "tty", short: "t", takesValue: false },
  { long: "quiet", short: "q", takesValue: false },
];

function exec(args: string[], ctx: ConsoleContext): Step {
  const parsed = parseFlags(args, EXEC_FLAGS);
  if (!parsed.ok) return flagError("exec", parsed.error);
  const [target, ...extra] = parsed.positionals;
  if (target === undefined)
    return fail(
      `error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n${usageHint("exec")}`,
    );
  if (extra.length || parsed.command.length === 0) {
    return fail(
      parsed.command.length === 0 && extra.length === 0
        ? `error: you must specify at least one command for the container\n${usageHint("exec")}`
        : `error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n${usageHint("exec")}`,
    );
  }
  const pod = podFor(target, namespaceOf(parsed.flags), ctx.cluster);
  if (!pod.ok) return pod.step;
  const [program = "", ...rest] = parsed.command;
  return inside(pod.ref, program, rest, ctx, pod.namespace, true);
}

/** kubectl exec's report of a command that exited non-zero. */
export function execStatus(run: Run): Run {
  return run.status === 0
    ? run
    : { ...run, err: `${run.err ? `${run.err}\n` : ""}command terminated with exit code ${run.status}` };
}

/** A command run inside a pod (through exec) or on a node (in a debug shell). */
function inside(
  from: Ref,
  program: string,
  args: string[],
  ctx: ConsoleContext,
  namespace: string,
  viaExec: boolean,
): Step {
  const wrap = (step: Step): Step =>
    viaExec && step.kind === "print" ? { kind: "print", run: execStatus(step.run) } : step;
  switch (program) {
    case "curl":
      return wrap(curl(args, from, viaExec));
    case "wget": {
      const url = args.find((a) => !a.startsWith("-"));
      return url ? curl(["-s", url], from, viaExec) : wrap(fail("wget: missing URL", 1));
    }
    case "nslookup":
    case "dig": {
      const short = args.includes("+short");
      const name = args.find(
        (a) => !a.startsWith("+") && !a.startsWith("@") && !a.startsWith("-") && a !== "A",
      );
      if (!name) return wrap(fail(program === "dig" ? "" : "Usage: nslookup NAME", 1));
      return { kind: "lookup", from, name, tool: program, short, exec: viaExec };
    }
    case "cat":
      if (args[0] === "/etc/resolv.conf") return print(resolvConf(ctx.cluster, namespace).trimEnd());
      return wrap(fail(`cat: can't open '${args[0] ?? ""}': No such file or directory`, 1));
    case "hostname":
      return print(refName(from));
    default:
      // What the container runtime answers for a program the image does not have.
      return wrap(
        fail(
          `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`,
          126,
        ),
      );
  }
}

const CURL_FLAGS: Record<string, keyof CurlOptions | "value"> = {
  "-s": "silent",
  "--silent": "silent",
  "-S": "showError",
  "--show-error": "showError",
  "-v": "verbose",
  "--verbose": "verbose",
  "-i": "include",
  "--include": "include",
  "-I": "head",
  "--head": "head",
  "-f": "fail",
  "--fail": "fail",
};
/** Flags that take a value and change nothing the simulator shows (timeouts, -o /dev/null, -L, -k). */
const CURL_IGNORED_WITH_VALUE = new Set([
  "-m",
  "--max-time",
  "--connect-timeout",
  "-o",
  "--output",
  "-w",
  "--write-out",
]);
const CURL_IGNORED = new Set(["-L", "--location", "-k", "--insecure", "-4"]);

/** curl's command line (combined short flags like -sv too) into a request from `from`. */
export function curl(args: readonly string[], from: Ref, exec: boolean): Step {
  const options: CurlOptions = {
    url: "",
    silent: false,
    showError: false,
    verbose: false,
    include: false,
    head: false,
    fail: false,
    method: "GET",
    headers: [],
  };
  const resolved = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = () => args[++i] ?? "";
    if (arg === "--resolve") {
      // curl --resolve HOST:PORT:ADDRESS: that name and port go to the address, the Host header unchanged.
      const [host = "", port = "", address = ""] = next().split(":");
      resolved.set(`${host}:${port}`, address);
    } else if (arg === "-H" || arg === "--header") {
      const header = next();
      const colon = header.indexOf(":");
      if (colon > 0)
        options.headers.push({ name: header.slice(0, colon).trim(), value: header.slice(colon + 1).trim() });
    } else if (arg === "-X" || arg === "--request") {
      options.method = next();
    } else if (CURL_IGNORED_WITH_VALUE.has(arg)) {
      next();
    } else if (CURL_IGNORED.has(arg)) {
      // No redirects followed, no certificates checked: the simulator's answer is the same.
    } else if (CURL_FLAGS[arg]) {
      (options as unknown as Record<string, boolean>)[CURL_FLAGS[arg] as string] = true;
    } else if (
      /^-[a-zA-Z]+$/.test(arg) &&
      [...arg.slice(1)].every((c) => CURL_FLAGS[`-${c}`] || CURL_IGNORED.has(`-${c}`))
    ) {
      for (const c of arg.slice(1)) {
        const key = CURL_FLAGS[`-${c}`];
        if (key) (options as unknown as Record<string, boolean>)[key] = true;
      }
    } else if (arg.startsWith("-")) {
      const run = {
        out: "",
        err: `curl: option ${arg}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information`,
        status: 2,
      };
      return { kind: "print", run: exec ? execStatus(run) : run };
    } else {
      options.url = arg;
    }
  }
  if (!options.url) {
    const run = {
      out: "",
      err: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information",
      status: 2,
    };
    return { kind: "print", run: exec ? execStatus(run) : run };
  }
  const url = URL.canParse(options.url) ? new URL(options.url) : null;
  const port = url?.port || (url?.protocol === "https:" ? "443" : "80");
  const address = url ? resolved.get(`${url.hostname}:${port}`) : undefined;
  if (url && address) {
    if (!options.headers.some((h) => h.name.toLowerCase() === "host"))
      options.headers.push({ name: "Host", value: url.host });
    url.hostname = address;
    options.url = url.toString();
  }
  return { kind: "request", from, curl: options, exec };
}

/**
 * `kubectl run NAME -it --rm --restart=Never --image=IMAGE -- COMMAND`: a throwaway pod. The simulator
 * does not add the pod to the cluster; it runs the command from a pod already in the namespace, whose
 * resolv.conf and pod network are the same a new pod would get (a simulator choice, said in the output).
 */
function runPod(args: string[], ctx: ConsoleContext): Step {
  const parsed = parseFlags(args, [
    { long: "image", takesValue: true },
    { long: "rm", takesValue: false },
    { long: "restart", takesValue: true },
    { long: "stdin", short: "i", takesValue: false },
    { long: "tty", short: "t", takesValue: false },
  ]);
  if (!parsed.ok) return flagError("run", parsed.error);
  const [name] = parsed.positionals;
  if (!name || !flag(parsed.flags, "image")) {
    return fail(`error: NAME and --image are required for run\n${usageHint("run")}`);
  }
  const namespace = namespaceOf(parsed.flags);
  const host = ctx.cluster.pods
    .filter((p) => p.namespace === namespace && p.podIP !== null)
    .sort(
      (a, b) => Number(a.owner !== undefined) - Number(b.owner !== undefined) || a.name.localeCompare(b.name),
    )[0];
  if (!host)
    return fail(
      `error: the simulator runs ${name}'s command from a pod of namespace ${namespace}, and there is none`,
    );
  const [program = "", ...rest] = parsed.command;
  if (!program) return print(`pod/${name} created`);
  return inside(host.ref, program, rest, ctx, namespace, true);
}

function debug(args: string[], ctx: ConsoleContext): Step {
  const parsed = parseFlags(args, [
    { long: "image", takesValue: true },
    { long: "stdin", short: "i", takesValue: false },
    { long: "tty", short: "t", takesValue: false },
    { long: "profile", takesValue: true },
  ]);
  if (!parsed.ok) return flagError("debug", parsed.error);
  const [target] = parsed.positionals;
  const name = isNodeRef(target) ? nodeName(target) : undefined;
  if (!name)
    return fail(
      `error: the console debugs nodes only: kubectl debug node/NAME -it --image=busybox\n${usageHint("debug")}`,
    );
  const node = ctx.cluster.nodes.find((n) => n.name === name);
  if (!node) return fail(`Error from server (NotFound): nodes "${name}" not found`);
  // kubectl debug node: a pod in the node's namespaces with its root filesystem at /host.
  return {
    kind: "shell",
    shell: { node: name },
    run: {
      out: [
        `Creating debugging pod node-debugger-${name}-x7k2p with container debugger on node ${name}.`,
        "If you don't see a command prompt, try pressing enter.",
      ].join("\n"),
      err: "",
      status: 0,
    },
  };
}

/** A command in the node shell: kube-proxy's rules, requests from the node, exit. */
function runOnNode(program: string, args: string[], ctx: ConsoleContext, shell: NodeShell): Step {
  if (program === "exit" || program === "logout")
    return { kind: "shell", shell: null, run: { out: "", err: "", status: 0 } };
  const node = nodeRef(shell.node);
  if (program === "iptables-save") {
    const t = args.indexOf("-t");
    const table = t >= 0 ? (args[t + 1] ?? null) : null;
    return { kind: "rules", node, listing: { tool: "iptables-save", table } };
  }
  // ipvsadm -Ln (or -L -n): the virtual servers; ipset save|list: the KUBE-* sets.
  if (program === "ipvsadm" && args.some((a) => /^-[a-zA-Z]*[lL]/.test(a)))
    return { kind: "rules", node, listing: { tool: "ipvsadm" } };
  if (program === "ipset" && (args[0] === "save" || args[0] === "list"))
    return { kind: "rules", node, listing: { tool: "ipset" } };
  if (program === "nft") {
    const listing = nftListing(args);
    return listing
      ? { kind: "rules", node, listing }
      : fail(
          "Error: this node's shell lists kube-proxy's rules only: nft list ruleset, nft list table ip kube-proxy",
        );
  }
  if (program === "chroot" && args[0] === "/host")
    return runOnNode(args[1] ?? "sh", args.slice(2), ctx, shell);
  if (program === "kubectl") return fail("bash: kubectl: command not found", 127);
  const step = inside(nodeRef(shell.node), program, args, ctx, "default", false);
  if (step.kind === "print" && step.run.status === 126) return fail(`sh: ${program}: not found`, 127);
  return step;
}
