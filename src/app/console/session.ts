import { createStore, type StoreApi } from "zustand/vanilla";
import { type Cluster, parseRef } from "../../engine/index.ts";
import { humanDuration } from "../../kubectl/age.ts";
import {
  type ConsoleContext,
  execStatus,
  type NodeShell,
  runLine,
  type Step,
} from "../../kubectl/kubectl.ts";
import { curlOutput, digOutput, nameserver, nslookupOutput, type Run } from "../../kubectl/net.ts";
import { renderColumns } from "../../kubectl/printers.ts";
import { rulesOutput } from "../../kubectl/proxyRules.ts";
import { formatEngineMessage } from "../i18n/engine/index.ts";
import { loadLanguage, translate } from "../i18n/index.ts";
import type { AppState } from "../store/index.ts";
import { eventsUpTo } from "../time/scenario.ts";
import { ageOf } from "./ages.ts";

export interface ConsoleLine {
  id: number;
  kind: "input" | "out" | "err";
  text: string;
}

/** A command waiting for its here-document's lines (`kubectl apply -f - <<EOF`). */
interface Pending {
  command: string;
  delimiter: string;
  lines: string[];
}

export interface ConsoleState {
  lines: ConsoleLine[];
  history: string[];
  shell: NodeShell | null;
  pending: Pending | null;
  busy: boolean;
  /** `kubectl get events -w`: the second of the last event printed, until Ctrl+C. */
  watching: number | null;
  /** The watched events' --field-selector. */
  watchSelector: string | null;
  /** The shell's variables (`ADDRESS=...`). */
  env: Record<string, string>;
}

/** How many lines the log keeps: a terminal's scrollback. */
const SCROLLBACK = 2000;

export const consoleStore: StoreApi<ConsoleState> = createStore<ConsoleState>()(() => ({
  lines: [],
  history: [],
  shell: null,
  pending: null,
  busy: false,
  watching: null,
  watchSelector: null,
  env: {},
}));

let nextLine = 1;

function write(kind: ConsoleLine["kind"], text: string): void {
  if (text === "") return;
  const added = text.split("\n").map((t) => ({ id: nextLine++, kind, text: t }));
  consoleStore.setState((s) => ({ lines: [...s.lines, ...added].slice(-SCROLLBACK) }));
}

function show(run: Run): void {
  if (run.warning) write("err", run.warning);
  write("out", run.out.replace(/\r/g, "").replace(/\n$/, ""));
  write("err", run.err.replace(/\n$/, ""));
}

export function prompt(state: Pick<ConsoleState, "shell" | "pending">): string {
  if (state.pending) return "> ";
  return state.shell ? `root@${state.shell.node}:/# ` : "$ ";
}

/** `kubectl get events`: the Time view's events up to its clock, as LAST SEEN, TYPE, REASON, OBJECT, MESSAGE. */
function eventsTable(
  app: AppState,
  after: number | null,
  fieldSelector: string | null,
): { text: string; last: number | null } {
  const second = Math.floor(app.clock);
  const events = eventsUpTo(app.simulation?.events ?? [], second)
    .reverse()
    .filter((e) => (after === null || e.t > after) && eventSelected(e.object, fieldSelector));
  const rows = events.map((e) => [
    humanDuration(second - e.t),
    e.type,
    e.reason,
    e.object,
    formatEngineMessage(e.text, app.language),
  ]);
  const text =
    after === null
      ? rows.length
        ? renderColumns([["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"], ...rows])
        : ""
      : rows.map((r) => r.join("   ")).join("\n");
  return { text, last: events.at(-1)?.t ?? after };
}

/** kubectl get events --field-selector: involvedObject.kind and involvedObject.name, each `=` or `!=`. */
function eventSelected(object: string, fieldSelector: string | null): boolean {
  const parsed = parseRef(object);
  const kinds: Record<string, string> = { node: "Node", pod: "Pod", svc: "Service", lb: "Service" };
  const fields: Record<string, string> = {
    "involvedObject.kind": kinds[parsed?.kind ?? ""] ?? parsed?.kind ?? "",
    "involvedObject.name": parsed?.name ?? object,
  };
  return (fieldSelector ?? "")
    .split(",")
    .filter(Boolean)
    .every((term) => {
      const [field = "", value = ""] = term.split(/!?==?/);
      const equal = fields[field] === value;
      return term.includes("!=") ? !equal : equal;
    });
}

/** Follows the Time view's events while `kubectl get events -w` runs. */
export function watchEvents(app: StoreApi<AppState>): () => void {
  return app.subscribe((state, previous) => {
    const watching = consoleStore.getState().watching;
    if (watching === null || (state.clock === previous.clock && state.simulation === previous.simulation))
      return;
    const { text, last } = eventsTable(state, watching, consoleStore.getState().watchSelector);
    if (text) write("out", text);
    if (last !== watching) consoleStore.setState({ watching: last });
  });
}

/** Ctrl+C: drops a half-typed here-document or stops a watch, as the shell's SIGINT would. */
export function interrupt(typed: string): void {
  const { shell, pending } = consoleStore.getState();
  write("input", `${prompt({ shell, pending })}${typed}^C`);
  consoleStore.setState({ pending: null, watching: null });
}

export function clearConsole(): void {
  consoleStore.setState({ lines: [] });
}

/** One line typed (or a here-document's line): runs it against the app, as a terminal would. */
export async function enter(line: string, app: StoreApi<AppState>): Promise<void> {
  const state = consoleStore.getState();
  write("input", `${prompt(state)}${line}`);
  if (state.pending) {
    if (line.trim() === state.pending.delimiter) {
      const { command, lines } = state.pending;
      consoleStore.setState({ pending: null });
      await execute(command, app, lines.join("\n"));
    } else {
      consoleStore.setState({ pending: { ...state.pending, lines: [...state.pending.lines, line] } });
    }
    return;
  }
  if (line.trim()) consoleStore.setState((s) => ({ history: [...s.history, line].slice(-500) }));
  const heredoc = /<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?\s*$/.exec(line);
  if (heredoc?.[1]) {
    consoleStore.setState({ pending: { command: line, delimiter: heredoc[1], lines: [] } });
    return;
  }
  await execute(line, app);
}

async function execute(line: string, app: StoreApi<AppState>, stdin?: string): Promise<void> {
  const s = app.getState();
  if (!s.cluster) {
    // kubectl's words when it has no cluster to talk to.
    write(
      "err",
      "The connection to the server localhost:8080 was refused - did you specify the right host or port?",
    );
    return;
  }
  const context: ConsoleContext = {
    cluster: s.cluster,
    files: s.files,
    activeFile: s.activeFile,
    shell: consoleStore.getState().shell,
    env: consoleStore.getState().env,
    age: ageOf(s.cluster, Date.now()),
    ...(stdin === undefined ? {} : { stdin }),
  };
  consoleStore.setState({ busy: true });
  try {
    // What a command prints stays as printed: the engine's texts in the learner's language come first
    // (the English templates are fetched when first needed, issue 15). Offline and uncached, it goes on.
    await loadLanguage(s.language).catch(() => undefined);
    await perform(runLine(line, context), app, s.cluster);
  } finally {
    consoleStore.setState({ busy: false });
  }
}

async function perform(step: Step, app: StoreApi<AppState>, cluster: Cluster): Promise<void> {
  const s = app.getState();
  switch (step.kind) {
    case "print":
      return show(step.run);
    case "clear":
      return clearConsole();
    case "help":
      return write("out", translate(s.language, "console.help"));
    case "env":
      consoleStore.setState((c) => ({ env: { ...c.env, [step.name]: step.value } }));
      return;
    case "shell":
      consoleStore.setState({ shell: step.shell });
      return show(step.run);
    case "request": {
      // The app's own send: the request is logged, judged by the lesson and drawn as a packet.
      const { url, headers, method } = step.curl;
      const traces = await s.send(1, { from: step.from, to: url, headers, method });
      const trace = traces[0];
      if (!trace) {
        const { sendError, language } = app.getState();
        const why = sendError
          ? formatEngineMessage(sendError, language)
          : "Malformed input to a URL function";
        const run = {
          out: "",
          err: `curl: (3) URL rejected: ${why}`,
          status: 3,
        };
        return show(step.exec ? execStatus(run) : run);
      }
      const run = curlOutput(trace, step.curl);
      return show(step.exec ? execStatus(run) : run);
    }
    case "lookup": {
      const result = await s.lookup({ from: step.from, name: step.name });
      const server = nameserver(cluster);
      if (!result?.lookup) {
        const run = { out: "", err: `;; connection timed out; no servers could be reached`, status: 1 };
        return show(step.exec ? execStatus(run) : run);
      }
      const run =
        step.tool === "dig"
          ? digOutput(result.lookup, step.name, server, step.short)
          : nslookupOutput(result.lookup, step.name, server);
      return show(step.exec ? execStatus(run) : run);
    }
    case "edit": {
      // One source of truth: the console writes the manifests the editor shows, and the cluster is rebuilt.
      for (const file of step.files) {
        const old = s.files.find((f) => f.name === file.name);
        if (old?.text !== file.text) s.setFileText(file.name, file.text);
      }
      await app.getState().rebuild(step.evict ? { evict: step.evict } : {});
      return show(step.run);
    }
    case "rules": {
      await s.loadNodeRules(step.node);
      const rules = app.getState().nodeRules?.rules;
      const node = cluster.nodes.find((n) => n.ref === step.node);
      if (!rules || !node) return write("err", `${step.listing.tool}: no rules`);
      return show(rulesOutput(rules, step.listing, node));
    }
    case "events": {
      const { text, last } = eventsTable(s, null, step.fieldSelector);
      // The events are the Time view's: without a simulation there are none yet.
      if (!text) write("err", "No resources found in default namespace.");
      else write("out", text);
      if (step.watch) consoleStore.setState({ watching: last ?? -1, watchSelector: step.fieldSelector });
      return;
    }
  }
}
