import { load, loadAll } from "js-yaml/browser";
import {
  type Cluster,
  loadManifests,
  refKind,
  refName,
  type SourcedObject,
  type SourceFile,
} from "../engine/index.ts";
import { appendDocument, readDocument, replaceDocument, toYaml } from "./documents.ts";
import { boolFlag, type FlagSpec, flag, parseFlags } from "./flags.ts";
import type { ConsoleContext, Step } from "./kubectl.ts";
import { ENDPOINTS_WARNING } from "./printers.ts";
import { notFound, qualifiedName, type ResourceInfo, resourceNamed, resourceOfKind } from "./resources.ts";

/**
 * The kubectl verbs that change the cluster. Each writes the manifests the editor shows (one source
 * of truth): the app rebuilds the cluster from them, as the API server's controllers would react.
 */
export const CHANGE_VERBS = ["apply", "scale", "delete", "label", "expose", "patch"] as const;

type Raw = Record<string, unknown> & { metadata?: Record<string, unknown> };

const out = (text: string): Step => ({ kind: "print", run: { out: text, err: "", status: 0 } });
const fail = (text: string): Step => ({ kind: "print", run: { out: "", err: text, status: 1 } });
const usageHint = (verb: string) => `See 'kubectl ${verb} -h' for help and examples`;

/** Where an object was written: its file and document (a pod made by a workload was not written). */
export function sourceOf(
  cluster: Cluster,
  info: ResourceInfo,
  namespace: string,
  name: string,
): SourcedObject | undefined {
  const inNs = (ns: string | undefined) => info.resource === "nodes" || (ns ?? "default") === namespace;
  switch (info.resource) {
    case "services":
      return cluster.services.find((s) => s.name === name && inNs(s.namespace))?.source;
    case "nodes":
      return cluster.nodes.find((n) => n.name === name)?.source;
    case "pods": {
      const source = cluster.pods.find((p) => p.name === name && inNs(p.namespace))?.source;
      return source?.object.kind === "Pod" ? source : undefined;
    }
    default:
      return cluster.objects.find(
        (o) =>
          o.object.kind === info.kind && o.object.metadata.name === name && inNs(o.object.metadata.namespace),
      );
  }
}

/** Whether the object exists at all (a workload's pod exists without a document of its own). */
function exists(cluster: Cluster, info: ResourceInfo, namespace: string, name: string): boolean {
  if (info.resource === "pods") return cluster.pods.some((p) => p.name === name && p.namespace === namespace);
  return sourceOf(cluster, info, namespace, name) !== undefined;
}

/** The API server's answer to an edit that fails validation, or the new files. */
export function admit(
  files: SourceFile[],
  kind: string,
  name: string,
): { ok: true; files: SourceFile[] } | { ok: false; step: Step } {
  const loaded = loadManifests(files);
  const error = loaded.diagnostics.find((d) => d.severity === "error");
  if (!error) return { ok: true, files };
  return {
    ok: false,
    step: fail(`The ${kind} "${name}" is invalid: ${error.path ? `${error.path}: ` : ""}${error.message}`),
  };
}

/** Edits one written object through `mutate`, which returns an error message or null. */
function editObject(
  ctx: ConsoleContext,
  info: ResourceInfo,
  namespace: string,
  name: string,
  mutate: (raw: Raw) => string | null,
): { ok: true; files: SourceFile[] } | { ok: false; step: Step } {
  const source = sourceOf(ctx.cluster, info, namespace, name);
  if (!source) {
    if (info.resource === "pods" && exists(ctx.cluster, info, namespace, name)) {
      const owner = ctx.cluster.pods.find((p) => p.name === name)?.owner ?? "its workload";
      return {
        ok: false,
        step: fail(
          `error: pod "${name}" belongs to ${owner}, whose ReplicaSet or StatefulSet recreates it as written: change ${refKind(owner)}/${refName(owner)} instead`,
        ),
      };
    }
    return { ok: false, step: fail(notFound(info, name)) };
  }
  const file = ctx.files.find((f) => f.name === source.file);
  const raw = file ? (readDocument(file, source.documentIndex) as Raw | null) : null;
  if (!file || !raw || raw.kind !== info.kind) {
    return {
      ok: false,
      step: fail(
        `error: ${qualifiedName(info, name)} is written inside a List in ${source.file}: edit it there`,
      ),
    };
  }
  const problem = mutate(raw);
  if (problem) return { ok: false, step: fail(problem) };
  const edited = replaceDocument(file, source.documentIndex, toYaml(raw));
  return admit(
    ctx.files.map((f) => (f.name === file.name ? edited : f)),
    info.kind,
    name,
  );
}

/** `TYPE NAME` or `TYPE/NAME`. */
function target(positionals: readonly string[]): { type: string; name: string; rest: string[] } | null {
  const [first, ...rest] = positionals;
  if (!first) return null;
  if (first.includes("/")) {
    const [type = "", name = ""] = first.split("/", 2);
    return { type, name, rest };
  }
  const [name, ...after] = rest;
  return name ? { type: first, name, rest: after } : null;
}

const metadataOf = (raw: Raw): Record<string, unknown> => {
  raw.metadata ??= {};
  return raw.metadata;
};

export function changeCommand(verb: string, args: string[], ctx: ConsoleContext): Step {
  const specs: Record<string, FlagSpec[]> = {
    apply: [
      { long: "filename", short: "f", takesValue: true },
      { long: "server-side", takesValue: false },
    ],
    scale: [{ long: "replicas", takesValue: true }],
    delete: [
      { long: "filename", short: "f", takesValue: true },
      { long: "force", takesValue: false },
      { long: "grace-period", takesValue: true },
    ],
    label: [{ long: "overwrite", takesValue: false }],
    patch: [
      { long: "patch", short: "p", takesValue: true },
      { long: "type", takesValue: true },
    ],
    expose: [
      { long: "port", takesValue: true },
      { long: "target-port", takesValue: true },
      { long: "type", takesValue: true },
      { long: "name", takesValue: true },
      { long: "protocol", takesValue: true },
    ],
  };
  const parsed = parseFlags(args, specs[verb] ?? []);
  if (!parsed.ok) return fail(`error: ${parsed.error}\n${usageHint(verb)}`);
  const namespace = flag(parsed.flags, "namespace") ?? "default";
  if (verb === "apply") return apply(parsed.flags.get("filename") ?? [], ctx, namespace);
  if (verb === "patch") return patch(parsed.positionals, parsed.flags, ctx, namespace);
  const t = target(parsed.positionals);
  if (!t)
    return fail(`error: You must provide one or more resources by argument or filename.\n${usageHint(verb)}`);
  const info = resourceNamed(t.type);
  if (!info) return fail(`error: the server doesn't have a resource type "${t.type}"`);
  const done = (edit: ReturnType<typeof editObject>, word: string): Step =>
    edit.ok
      ? {
          kind: "edit",
          files: edit.files,
          run: { out: `${qualifiedName(info, t.name)} ${word}`, err: "", status: 0 },
        }
      : edit.step;
  switch (verb) {
    case "scale": {
      const replicas = flag(parsed.flags, "replicas");
      if (replicas === undefined)
        return fail(`error: required flag(s) "replicas" not set\n${usageHint("scale")}`);
      if (!/^\d+$/.test(replicas))
        return fail(
          `error: invalid argument "${replicas}" for "--replicas" flag: strconv.ParseInt: parsing "${replicas}": invalid syntax`,
        );
      if (info.resource !== "deployments" && info.resource !== "statefulsets") {
        return fail(`error: no objects passed to scale`);
      }
      return done(
        editObject(ctx, info, namespace, t.name, (raw) => {
          // In place, so that a written `replicas:` keeps its line.
          const spec = (raw.spec ?? {}) as Record<string, unknown>;
          spec.replicas = Number(replicas);
          raw.spec = spec;
          return null;
        }),
        "scaled",
      );
    }
    case "label":
      return done(
        editObject(ctx, info, namespace, t.name, (raw) => {
          const meta = metadataOf(raw);
          const labels = { ...(meta.labels as Record<string, string> | undefined) };
          meta.labels = labels;
          for (const change of t.rest) {
            if (change.endsWith("-")) {
              delete labels[change.slice(0, -1)];
              continue;
            }
            const [key = "", value = ""] = change.split("=", 2);
            if (!change.includes("=")) return `error: at least one label update is required`;
            const current = labels[key];
            if (current !== undefined && current !== value && !boolFlag(parsed.flags, "overwrite")) {
              return `error: '${key}' already has a value (${current}), and --overwrite is false`;
            }
            labels[key] = value;
          }
          if (Object.keys(labels).length === 0) delete meta.labels;
          return null;
        }),
        "labeled",
      );
    case "delete": {
      // The same checks as an edit (not found, a workload's pod, inside a List), then the document goes.
      const checked = editObject(ctx, info, namespace, t.name, () => null);
      if (!checked.ok) return checked.step;
      const source = sourceOf(ctx.cluster, info, namespace, t.name);
      const file = ctx.files.find((f) => f.name === source?.file);
      if (!source || !file) return fail(notFound(info, t.name));
      const files = ctx.files.map((f) =>
        f.name === file.name ? replaceDocument(f, source.documentIndex, null) : f,
      );
      const admitted = admit(files, info.kind, t.name);
      if (!admitted.ok) return admitted.step;
      return {
        kind: "edit",
        files: admitted.files,
        run: { out: `${info.singular} "${t.name}" deleted`, err: "", status: 0 },
      };
    }
    case "expose":
      return expose(ctx, info, namespace, t.name, parsed.flags);
    default:
      return fail(`error: unknown command "${verb}" for "kubectl"`);
  }
}

/** kubectl expose: a Service selecting what the workload's pods carry (expose.go, generators ServiceGeneratorV2). */
function expose(
  ctx: ConsoleContext,
  info: ResourceInfo,
  namespace: string,
  name: string,
  flags: Map<string, string[]>,
): Step {
  const source = sourceOf(ctx.cluster, info, namespace, name);
  if (!source) return fail(notFound(info, name));
  const object = source.object;
  const spec = (object.spec ?? {}) as {
    selector?: { matchLabels?: Record<string, string> } | Record<string, string>;
    template?: { spec?: { containers?: { ports?: { containerPort?: number }[] }[] } };
    containers?: { ports?: { containerPort?: number }[] }[];
    ports?: { port?: number }[];
  };
  const selector =
    info.resource === "pods"
      ? object.metadata.labels
      : info.resource === "services"
        ? (spec.selector as Record<string, string> | undefined)
        : (spec.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels;
  if (!selector || Object.keys(selector).length === 0) {
    return fail(
      `error: couldn't retrieve selectors via --selector flag or introspection: the ${info.singular} has no labels to select`,
    );
  }
  const containers = spec.template?.spec?.containers ?? spec.containers ?? [];
  const introspected =
    containers.flatMap((c) => c.ports ?? []).map((p) => p.containerPort)[0] ?? spec.ports?.[0]?.port;
  const portText = flag(flags, "port") ?? (introspected === undefined ? undefined : String(introspected));
  if (portText === undefined)
    return fail(
      "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples",
    );
  const serviceName = flag(flags, "name") ?? name;
  const services = resourceNamed("services") as ResourceInfo;
  if (
    sourceOf(ctx.cluster, services, namespace, serviceName) ||
    ctx.cluster.services.some((s) => s.namespace === namespace && s.name === serviceName)
  ) {
    return fail(`Error from server (AlreadyExists): services "${serviceName}" already exists`);
  }
  const targetPort = flag(flags, "target-port") ?? portText;
  const type = flag(flags, "type");
  const service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: serviceName, ...(namespace !== "default" ? { namespace } : {}) },
    spec: {
      ...(type ? { type } : {}),
      selector,
      ports: [
        {
          port: Number(portText),
          protocol: flag(flags, "protocol") ?? "TCP",
          targetPort: /^\d+$/.test(targetPort) ? Number(targetPort) : targetPort,
        },
      ],
    },
  };
  const file = ctx.files.find((f) => f.name === source.file) ?? ctx.files[0];
  if (!file) return fail("error: there are no manifests to write the Service into");
  const files = ctx.files.map((f) => (f.name === file.name ? appendDocument(f, toYaml(service)) : f));
  const admitted = admit(files, "Service", serviceName);
  if (!admitted.ok) return admitted.step;
  return {
    kind: "edit",
    files: admitted.files,
    run: { out: `service/${serviceName} exposed`, err: "", status: 0 },
  };
}

/** kubectl apply -f: a here-document (`-`) creates or configures objects; an editor file is already applied. */
function apply(filenames: readonly string[], ctx: ConsoleContext, namespace: string): Step {
  if (filenames.length === 0) return fail(`error: must specify one of -f and -k\n\n${usageHint("apply")}`);
  if (!filenames.includes("-")) {
    // kubectl reads every path before it applies anything.
    const missing = filenames.find((name) => !ctx.files.some((f) => f.name === name));
    if (missing !== undefined) return fail(`error: the path "${missing}" does not exist`);
    const lines: string[] = [];
    for (const filename of filenames) {
      const loaded = loadManifests(ctx.files.filter((f) => f.name === filename));
      if (!loaded.ok)
        return fail(`error: error validating "${filename}": ${loaded.diagnostics[0]?.message ?? ""}`);
      lines.push(...loaded.value.map((o) => `${nameOf(o.object.kind, o.object.metadata.name)} unchanged`));
    }
    return out(lines.join("\n"));
  }
  if (!ctx.stdin?.trim()) return fail("error: no objects passed to apply");
  let documents: unknown[];
  try {
    documents = loadAll(ctx.stdin).filter((d) => d !== null && d !== undefined);
  } catch (error) {
    return fail(
      `error: error parsing STDIN: error converting YAML to JSON: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    );
  }
  let files = [...ctx.files];
  const lines: string[] = [];
  for (const document of documents) {
    const raw = document as Raw;
    const meta = raw.metadata as { name?: unknown; namespace?: unknown } | undefined;
    const kind = typeof raw.kind === "string" ? raw.kind : "";
    const name = typeof meta?.name === "string" ? meta.name : "";
    if (!kind || !name || typeof raw.apiVersion !== "string") {
      return fail(
        "error: error validating data: [apiVersion not set, kind not set, metadata.name not set]; if you choose to ignore these errors, turn validation off with --validate=false",
      );
    }
    const ns = typeof meta?.namespace === "string" ? meta.namespace : namespace;
    const info = resourceOfKind(kind);
    const source = info
      ? sourceOf(ctx.cluster, info, ns, name)
      : ctx.cluster.objects.find((o) => o.object.kind === kind && o.object.metadata.name === name);
    const yaml = toYaml(raw);
    if (source) {
      const file = files.find((f) => f.name === source.file);
      const old = file ? readDocument(file, source.documentIndex) : null;
      if (file && old && toYaml(old) === yaml) {
        lines.push(`${nameOf(kind, name)} unchanged`);
        continue;
      }
      if (!file || !old || old.kind !== kind)
        return fail(`error: ${nameOf(kind, name)} is written inside a List in ${source.file}: edit it there`);
      files = files.map((f) => (f.name === file.name ? replaceDocument(f, source.documentIndex, yaml) : f));
      lines.push(`${nameOf(kind, name)} configured`);
    } else {
      const target = files.find((f) => f.name === ctx.activeFile) ?? files[0];
      if (!target) return fail("error: there are no manifests to write into");
      files = files.map((f) => (f.name === target.name ? appendDocument(f, yaml) : f));
      lines.push(`${nameOf(kind, name)} created`);
    }
    const admitted = admit(files, kind, name);
    if (!admitted.ok) return admitted.step;
  }
  // The API server warns on every write of a v1 Endpoints since 1.33 (KEP-4974).
  const endpoints = documents.some((d) => (d as Raw).kind === "Endpoints" && (d as Raw).apiVersion === "v1");
  return {
    kind: "edit",
    files,
    run: { out: lines.join("\n"), err: "", status: 0, ...(endpoints ? { warning: ENDPOINTS_WARNING } : {}) },
  };
}

/** RFC 7386 JSON merge patch: null deletes, objects merge key by key, anything else replaces. */
function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (value === null) delete target[key];
    else if (isRecord(value) && isRecord(current)) mergePatch(current, value);
    else target[key] = value;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * kubectl patch TYPE NAME -p PATCH: a merge patch (a strategic merge patch of these fields merges the
 * same way) on the written object; `patched`, or `patched (no change)` when nothing changed.
 */
function patch(
  positionals: readonly string[],
  flags: Map<string, string[]>,
  ctx: ConsoleContext,
  namespace: string,
): Step {
  const t = target(positionals);
  const text = flag(flags, "patch");
  if (!t || text === undefined)
    return fail(
      `error: must specify --patch or --patch-file containing the contents of the patch\n${usageHint("patch")}`,
    );
  const info = resourceNamed(t.type);
  if (!info) return fail(`error: the server doesn't have a resource type "${t.type}"`);
  let value: unknown;
  try {
    value = load(text);
  } catch (error) {
    return fail(
      `error: unable to parse "${text}": ${error instanceof Error ? error.message.split("\n")[0] : ""}`,
    );
  }
  if (!isRecord(value)) return fail(`error: unable to parse "${text}": a patch is an object`);
  let before = "";
  let after = "";
  const edit = editObject(ctx, info, namespace, t.name, (raw) => {
    before = toYaml(raw);
    mergePatch(raw, value);
    after = toYaml(raw);
    return null;
  });
  if (!edit.ok) return edit.step;
  const name = qualifiedName(info, t.name);
  if (before === after) return out(`${name} patched (no change)`);
  return { kind: "edit", files: edit.files, run: { out: `${name} patched`, err: "", status: 0 } };
}

function nameOf(kind: string, name: string): string {
  const info = resourceOfKind(kind);
  return info ? qualifiedName(info, name) : `${kind.toLowerCase()}/${name}`;
}
