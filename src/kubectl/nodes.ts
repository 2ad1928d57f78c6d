import type { NodeState, PodState, Ref, SourceFile } from "../engine/index.ts";
import { admit, sourceOf } from "./changes.ts";
import { appendDocument, readDocument, replaceDocument, toYaml } from "./documents.ts";
import { boolFlag, type FlagSpec, type FlagValues, parseFlags } from "./flags.ts";
import type { ConsoleContext, Step } from "./kubectl.ts";
import type { Run } from "./net.ts";
import { type ResourceInfo, resourceNamed } from "./resources.ts";

/**
 * kubectl cordon, uncordon and drain (k8s.io/kubectl/pkg/cmd/drain/drain.go). Each writes the Node's
 * spec.unschedulable in the manifests the editor shows; drain then evicts the node's pods, whose
 * controllers recreate them where the scheduler now puts them (off the cordoned node).
 */
export const NODE_VERBS = ["cordon", "uncordon", "drain"] as const;

const DRAIN_FLAGS: readonly FlagSpec[] = [
  { long: "ignore-daemonsets", takesValue: false },
  { long: "force", takesValue: false },
  { long: "delete-emptydir-data", takesValue: false },
  { long: "disable-eviction", takesValue: false },
  // Accepted and without effect here: the simulator's pods stop at once.
  { long: "grace-period", takesValue: true },
  { long: "timeout", takesValue: true },
];

const usageHint = (verb: string) => `See 'kubectl ${verb} -h' for help and examples`;
const failed = (err: string): Step => ({ kind: "print", run: { out: "", err, status: 1 } });

/** The Node document to write for a node the simulator made up (no `kind: Node` in the manifests). */
const nodeDocument = (node: NodeState, unschedulable: boolean): string =>
  toYaml({
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: node.name },
    ...(unschedulable ? { spec: { unschedulable: true } } : {}),
  });

/**
 * The files with spec.unschedulable set as wanted on each named node. A cluster whose nodes the
 * simulator made up (DESIGN.md: with no `kind: Node`, three workers) gets them written out, in their
 * order so that each keeps its address, since the API server can only store what the Node says.
 */
function writeUnschedulable(
  ctx: ConsoleContext,
  wanted: ReadonlyMap<string, boolean>,
): { ok: true; files: SourceFile[] } | { ok: false; step: Step } {
  const nodes = ctx.cluster.nodes;
  if (nodes.every((n) => !n.source)) {
    const target = ctx.files.find((f) => f.name === ctx.activeFile) ?? ctx.files[0];
    if (!target) return { ok: false, step: failed("error: there are no manifests to write the Nodes into") };
    const documents = nodes.map((n) => nodeDocument(n, wanted.get(n.name) ?? n.unschedulable));
    const comment = "# The simulator's nodes, written out when kubectl cordoned one (spec.unschedulable).\n";
    const written = documents.reduce(
      (file, yaml, i) => appendDocument(file, i === 0 ? comment + yaml : yaml),
      target,
    );
    return admit(
      ctx.files.map((f) => (f.name === target.name ? written : f)),
      "Node",
      nodes[0]?.name ?? "",
    );
  }
  let files = [...ctx.files];
  const info = resourceNamed("nodes") as ResourceInfo;
  for (const [name, unschedulable] of wanted) {
    const source = sourceOf(ctx.cluster, info, "", name);
    const file = files.find((f) => f.name === source?.file);
    const raw = source && file ? readDocument(file, source.documentIndex) : null;
    if (!source || !file || !raw || raw.kind !== "Node")
      return { ok: false, step: failed(`error: node/${name} is written inside a List: edit it there`) };
    const spec = { ...(raw.spec as Record<string, unknown> | undefined) };
    if (unschedulable) spec.unschedulable = true;
    else delete spec.unschedulable;
    if (Object.keys(spec).length) raw.spec = spec;
    else delete raw.spec;
    const edited = replaceDocument(file, source.documentIndex, toYaml(raw));
    files = files.map((f) => (f.name === file.name ? edited : f));
  }
  return admit(files, "Node", [...wanted.keys()][0] ?? "");
}

/** The named nodes, or the API server's NotFound for the first that does not exist. */
function namedNodes(
  verb: string,
  positionals: readonly string[],
  ctx: ConsoleContext,
): { ok: true; nodes: NodeState[] } | { ok: false; step: Step } {
  const names = positionals.map((p) => p.replace(/^(node|nodes|no)\//, ""));
  if (names.length === 0)
    return {
      ok: false,
      step: failed(`error: USAGE: ${verb} NODE [flags]\n${usageHint(verb)}`),
    };
  const nodes: NodeState[] = [];
  for (const name of names) {
    const node = ctx.cluster.nodes.find((n) => n.name === name);
    if (!node) return { ok: false, step: failed(`Error from server (NotFound): nodes "${name}" not found`) };
    nodes.push(node);
  }
  return { ok: true, nodes };
}

/** drain.go RunCordonOrUncordon: `node/NAME cordoned`, or `already cordoned` when nothing changes. */
function cordonLines(nodes: readonly NodeState[], desired: boolean): string[] {
  const word = desired ? "cordoned" : "uncordoned";
  return nodes.map((n) => `node/${n.name} ${n.unschedulable === desired ? `already ${word}` : word}`);
}

/** What drain's filters decide for one pod (k8s.io/kubectl/pkg/drain/filters.go PodDeleteStatus). */
interface PodDelete {
  pod: PodState;
  delete: boolean;
  reason: "Okay" | "Skip" | "Warning" | "Error";
  message: string;
}

// filters.go's messages, word for word.
const DAEMON_SET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
const DAEMON_SET_WARNING = "ignoring DaemonSet-managed Pods";
const LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
const LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
const UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";
const UNMANAGED_WARNING = "deleting Pods that declare no controller";

type Filter = (pod: PodState, flags: FlagValues) => Omit<PodDelete, "pod">;
const okay = { delete: true, reason: "Okay", message: "" } as const;

function controllerKind(pod: PodState): string | undefined {
  return pod.object.metadata.ownerReferences?.find((o) => o.controller)?.kind;
}

/**
 * filters.go makeFilters: daemonSet, mirrorPod, localStorage, unreplicated, in this order. (Each lets a
 * finished pod go; the simulator's pods are Running or Pending, never Succeeded or Failed.)
 */
const FILTERS: readonly Filter[] = [
  (pod, flags) => {
    if (controllerKind(pod) !== "DaemonSet") return okay;
    return boolFlag(flags, "ignore-daemonsets")
      ? { delete: false, reason: "Warning", message: DAEMON_SET_WARNING }
      : { delete: false, reason: "Error", message: DAEMON_SET_FATAL };
  },
  (pod) =>
    pod.object.metadata.annotations?.["kubernetes.io/config.mirror"] !== undefined
      ? { delete: false, reason: "Skip", message: "" }
      : okay,
  (pod, flags) => {
    const volumes = (pod.object.spec?.volumes ?? []) as { emptyDir?: unknown }[];
    if (!volumes.some((v) => v.emptyDir !== undefined)) return okay;
    return boolFlag(flags, "delete-emptydir-data")
      ? { delete: true, reason: "Warning", message: LOCAL_STORAGE_WARNING }
      : { delete: false, reason: "Error", message: LOCAL_STORAGE_FATAL };
  },
  (pod, flags) => {
    if (controllerKind(pod) !== undefined) return okay;
    return boolFlag(flags, "force")
      ? { delete: true, reason: "Warning", message: UNMANAGED_WARNING }
      : { delete: false, reason: "Error", message: UNMANAGED_FATAL };
  },
];

/** drain.go GetPodsForDeletion: each pod through the filters until one keeps it. */
function podsForDeletion(node: NodeState, ctx: ConsoleContext, flags: FlagValues): PodDelete[] {
  return ctx.cluster.pods
    .filter((p) => p.nodeName === node.name)
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
    .map((pod) => {
      let status: Omit<PodDelete, "pod"> = okay;
      for (const filter of FILTERS) {
        status = filter(pod, flags);
        if (!status.delete) break;
      }
      return { pod, ...status };
    });
}

/** `MESSAGE: ns/a, ns/b` for each message of the given reason, in the order first met. */
function grouped(list: readonly PodDelete[], reason: PodDelete["reason"]): string[] {
  const groups = new Map<string, string[]>();
  for (const p of list.filter((d) => d.reason === reason)) {
    groups.set(p.message, [...(groups.get(p.message) ?? []), `${p.pod.namespace}/${p.pod.name}`]);
  }
  return [...groups].map(([message, pods]) => `${message}: ${pods.join(", ")}`);
}

/** filters.go PodDeleteList.errors: "cannot delete" put before the messages that lack it. */
function drainErrors(list: readonly PodDelete[]): string[] {
  return grouped(list, "Error").map((e) =>
    e.toLowerCase().startsWith("cannot delete") ? e : `cannot delete ${e}`,
  );
}

/** cmdutil.CheckErr: one error as `error: MESSAGE`, several one a line. */
function checkErr(errors: readonly string[]): string {
  return errors.length === 1 ? `error: ${errors[0]}` : errors.join("\n");
}

/** The files with the Pod documents of the deleted bare pods removed (later documents first, so indexes hold). */
function removePods(files: SourceFile[], pods: readonly PodState[]): SourceFile[] {
  const sources = pods
    .flatMap((p) => (p.source?.object.kind === "Pod" ? [p.source] : []))
    .sort((a, b) => b.documentIndex - a.documentIndex);
  return sources.reduce(
    (all, source) =>
      all.map((f) => (f.name === source.file ? replaceDocument(f, source.documentIndex, null) : f)),
    files,
  );
}

function drain(
  nodes: readonly NodeState[],
  ctx: ConsoleContext,
  flags: FlagValues,
  written: SourceFile[],
): Step {
  const out = cordonLines(nodes, true);
  const err: string[] = [];
  const evict: Ref[] = [];
  let files = written;
  const evicting = !boolFlag(flags, "disable-eviction");
  for (const [i, node] of nodes.entries()) {
    const list = podsForDeletion(node, ctx, flags);
    const errors = drainErrors(list);
    if (errors.length) {
      // RunDrain: the first node that cannot be drained stops the command; it and the rest stay pending.
      err.push(
        `error: unable to drain node "${node.name}", aborting command...`,
        "",
        "There are pending nodes to be drained:",
        ...nodes.slice(i).map((n) => ` ${n.name}`),
        checkErr(errors),
      );
      break;
    }
    const warnings = grouped(list, "Warning");
    if (warnings.length) err.push(`Warning: ${warnings.join("; ")}`);
    const deleted = list.filter((d) => d.delete).map((d) => d.pod);
    if (evicting) out.push(...deleted.map((p) => `evicting pod ${p.namespace}/${p.name}`));
    out.push(...deleted.map((p) => `pod/${p.name} ${evicting ? "evicted" : "deleted"}`));
    out.push(`node/${node.name} drained`);
    // A controller's pod comes back where the scheduler puts it; a bare pod is gone with its document.
    evict.push(...deleted.map((p) => p.ref));
    files = removePods(
      files,
      deleted.filter((p) => controllerKind(p) === undefined),
    );
  }
  const run: Run = {
    out: out.join("\n"),
    err: err.join("\n"),
    status: err.some((e) => e.startsWith("error")) ? 1 : 0,
  };
  return { kind: "edit", files, run, evict };
}

export function nodeCommand(verb: string, args: string[], ctx: ConsoleContext): Step {
  const parsed = parseFlags(args, verb === "drain" ? DRAIN_FLAGS : []);
  if (!parsed.ok) return failed(`error: ${parsed.error}\n${usageHint(verb)}`);
  const named = namedNodes(verb, parsed.positionals, ctx);
  if (!named.ok) return named.step;
  const desired = verb !== "uncordon";
  const changed = named.nodes.filter((n) => n.unschedulable !== desired);
  const written = changed.length
    ? writeUnschedulable(ctx, new Map(changed.map((n) => [n.name, desired])))
    : { ok: true as const, files: [...ctx.files] };
  if (!written.ok) return written.step;
  if (verb === "drain") return drain(named.nodes, ctx, parsed.flags, written.files);
  return {
    kind: "edit",
    files: written.files,
    run: { out: cordonLines(named.nodes, desired).join("\n"), err: "", status: 0 },
  };
}
