import {
  buildCluster,
  createDataPlane,
  createTrafficState,
  type DataPlane,
  type Diagnostic,
  emptyScenarioSpec,
  loadManifests,
  lookupName,
  parseRequest,
  parseScenario,
  renderScenario,
  type ScenarioSpec,
  type SourcedObject,
  type SourceFile,
  simulate,
  type TrafficState,
  trace,
  withSetting,
} from "../engine/index.ts";
import { fillPlaceholders } from "./placeholders.ts";
import { emptySession, type SessionRecord } from "./session.ts";
import type { Lesson, LessonCommand } from "./types.ts";

/**
 * A learner's session run headlessly: the manifests, the failed nodes, the cluster built from them
 * and one traffic state for every request (as the app's engine worker keeps one), recording what
 * the goals are judged on. Used by the replay test and by anything that wants to check a solution.
 */
export interface HeadlessSession {
  readonly settings: Lesson["settings"];
  files: SourceFile[];
  /** Node names, as buildCluster takes them. */
  failedNodes: string[];
  dataPlane: DataPlane | null;
  diagnostics: Diagnostic[];
  traffic: TrafficState;
  /** The objects of the last valid manifests, which the scenario plays over. */
  objects: readonly SourcedObject[] | null;
  /** The learner's scenario on the virtual clock, simulated again after every change (as the app does). */
  scenario: ScenarioSpec;
  record: SessionRecord;
}

function rebuild(session: HeadlessSession): void {
  const loaded = loadManifests(session.files, session.settings);
  session.diagnostics = loaded.diagnostics;
  if (!loaded.ok) return;
  session.objects = loaded.value;
  const cluster = buildCluster(loaded.value, {
    ...(session.settings ? { settings: session.settings } : {}),
    failedNodes: session.failedNodes,
  });
  session.dataPlane = createDataPlane(cluster);
  session.record = { ...session.record, cluster };
}

/** A session at the start of the lesson: its manifests built, nothing sent yet. */
export function startSession(lesson: Pick<Lesson, "manifests" | "settings">): HeadlessSession {
  const session: HeadlessSession = {
    settings: lesson.settings,
    files: lesson.manifests.map((f) => ({ ...f })),
    failedNodes: [],
    dataPlane: null,
    diagnostics: [],
    traffic: createTrafficState(0),
    objects: null,
    scenario: emptyScenarioSpec("lesson"),
    record: emptySession(null),
  };
  rebuild(session);
  if (session.record.cluster) session.traffic = createTrafficState(session.record.cluster.settings.seed);
  return session;
}

const nodeName = (ref: string) => ref.replace(/^node\//, "");

function send(
  session: HeadlessSession,
  dp: DataPlane,
  from: string,
  to: string,
  count: number,
): string | null {
  const target = fillPlaceholders(to, dp.cluster);
  if (target === null) return `${to}: the cluster has no such address`;
  const parsed = parseRequest(dp, { from, to: target });
  if (!parsed.ok) return parsed.message;
  const sent = Array.from({ length: count }, () => ({
    trace: trace(dp, parsed.value, session.traffic),
    cluster: dp.cluster,
  }));
  session.record = { ...session.record, requests: [...session.record.requests, ...sent] };
  return null;
}

function lookup(session: HeadlessSession, dp: DataPlane, from: string, name: string): string | null {
  const looked = lookupName(dp, from, name, session.traffic);
  if (!looked.ok) return looked.message;
  session.record = {
    ...session.record,
    lookups: [...session.record.lookups, { from, name, result: looked.value, cluster: dp.cluster }],
  };
  return null;
}

/** Plays the scenario over the objects, as the app's time view does; returns why it could not, or null. */
function resimulate(session: HeadlessSession): string | null {
  const cluster = session.record.cluster;
  if (!session.objects || !cluster) return "there is no cluster: the manifests have never been valid";
  const scenario = parseScenario({ name: "scenario.yaml", text: renderScenario(session.scenario) });
  const played = scenario.ok ? simulate(session.objects, scenario.value) : scenario;
  if (!played.ok) return played.diagnostics.map((d) => `${d.path}: ${d.message}`).join("\n");
  const { buckets, events } = played.value;
  session.record = {
    ...session.record,
    simulation: { scenario: session.scenario, buckets, events, cluster },
  };
  return null;
}

type ScenarioCommand = Extract<LessonCommand, { id: "addStream" | "scenarioEvent" | "simulationSetting" }>;

function changeScenario(session: HeadlessSession, command: ScenarioCommand): string | null {
  const spec = session.scenario;
  const cluster = session.record.cluster;
  switch (command.id) {
    case "addStream": {
      const to = cluster ? fillPlaceholders(command.to, cluster) : null;
      if (to === null) return `${command.to}: the cluster has no such address`;
      const { name, from, rate } = command;
      session.scenario = { ...spec, traffic: [...spec.traffic, { name, from, to, rate }] };
      break;
    }
    case "scenarioEvent": {
      const event = { at: command.at, action: command.action, target: command.node };
      session.scenario = { ...spec, events: [...spec.events, event].sort((a, b) => a.at - b.at) };
      break;
    }
    case "simulationSetting":
      session.scenario = { ...spec, settings: withSetting(spec.settings, command.path, command.value) };
      break;
  }
  return resimulate(session);
}

/** Runs one command as the UI would; returns why it could not run, or null. */
export function runCommand(session: HeadlessSession, command: LessonCommand): string | null {
  switch (command.id) {
    case "editManifests": {
      const names = new Set(command.files.map((f) => f.name));
      session.files = [...session.files.filter((f) => !names.has(f.name)), ...command.files];
      rebuild(session);
      const errors = session.diagnostics.filter((d) => d.severity === "error");
      if (errors.length)
        return errors.map((d) => `${d.file}:${d.line}:${d.column}: ${d.path}: ${d.message}`).join("\n");
      // The time view plays the scenario again over the new manifests.
      return session.record.simulation ? resimulate(session) : null;
    }
    case "addStream":
    case "scenarioEvent":
    case "simulationSetting":
      return changeScenario(session, command);
    case "failNode":
    case "recoverNode": {
      const name = nodeName(command.node);
      const others = session.failedNodes.filter((n) => n !== name);
      session.failedNodes = command.id === "failNode" ? [...others, name] : others;
      rebuild(session);
      return null;
    }
    default: {
      const dp = session.dataPlane;
      if (!dp) return "there is no cluster: the manifests have never been valid";
      if (command.id === "dns") return lookup(session, dp, command.from, command.name);
      return send(session, dp, command.from, command.to, command.id === "sendMany" ? command.count : 1);
    }
  }
}
