import {
  createSession,
  type Diagnostic,
  type EngineSession,
  emptyScenarioSpec,
  nodeName,
  renderScenario,
  SCENARIO_FILE,
  type ScenarioSpec,
  type SourceFile,
  withSetting,
} from "../engine/index.ts";
import { fillPlaceholders } from "./placeholders.ts";
import { emptySession, type SessionRecord } from "./session.ts";
import type { Lesson, LessonCommand } from "./types.ts";

/**
 * A learner's session run headlessly over the engine session the app's worker runs (createSession):
 * the manifests, the failed nodes and the learner's scenario, interpreted command by command as the
 * app's buttons do, recording what the goals are judged on. Used by the replay test and by anything
 * that wants to check a solution.
 */
export interface HeadlessSession {
  settings: Lesson["settings"];
  readonly engine: EngineSession;
  files: SourceFile[];
  /** Node names, as the session's build takes them. */
  failedNodes: string[];
  diagnostics: Diagnostic[];
  /** The learner's scenario on the virtual clock, simulated again after every change (as the app does). */
  scenario: ScenarioSpec;
  record: SessionRecord;
}

/** Builds the manifests as they stand; `fresh` for the lesson's opening (another document in the app). */
function rebuild(session: HeadlessSession, fresh = false): void {
  const built = session.engine.build(session.files, {
    failedNodes: session.failedNodes,
    ...(session.settings ? { settings: session.settings } : {}),
    ...(fresh ? { fresh } : {}),
  });
  session.diagnostics = built.diagnostics;
  if (built.cluster) session.record = { ...session.record, cluster: built.cluster };
}

/** A session at the start of the lesson: its manifests built, nothing sent yet. */
export function startSession(lesson: Pick<Lesson, "manifests" | "settings">): HeadlessSession {
  const session: HeadlessSession = {
    settings: lesson.settings,
    engine: createSession(),
    files: lesson.manifests.map((f) => ({ ...f })),
    failedNodes: [],
    diagnostics: [],
    scenario: emptyScenarioSpec("lesson"),
    record: emptySession(null),
  };
  rebuild(session, true);
  return session;
}

function send(session: HeadlessSession, from: string, to: string, count: number): string | null {
  const cluster = session.record.cluster;
  if (!cluster) return NO_CLUSTER;
  const target = fillPlaceholders(to, cluster);
  if (target === null) return `${to}: the cluster has no such address`;
  // The session's clock moves on with each request, as the app's does.
  const sent = session.engine.send({ from, to: target }, { count });
  if (!sent.ok) return sent.message;
  const requests = sent.value.map(({ trace }) => ({ trace, cluster }));
  session.record = { ...session.record, requests: [...session.record.requests, ...requests] };
  return null;
}

function lookup(session: HeadlessSession, from: string, name: string): string | null {
  const cluster = session.record.cluster;
  if (!cluster) return NO_CLUSTER;
  const looked = session.engine.lookup(from, name);
  if (!looked.ok) return looked.message;
  session.record = {
    ...session.record,
    lookups: [...session.record.lookups, { from, name, result: looked.value, cluster }],
  };
  return null;
}

const NO_CLUSTER = "there is no cluster: the manifests have never been valid";

/** Plays the scenario over the manifests, as the app's time view does; returns why it could not, or null. */
function resimulate(session: HeadlessSession): string | null {
  const cluster = session.record.cluster;
  if (!cluster) return NO_CLUSTER;
  const played = session.engine.simulate(
    session.files,
    { name: SCENARIO_FILE, text: renderScenario(session.scenario) },
    {
      settings: session.settings ?? {},
    },
  );
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
    case "loadBalancerProvider":
      session.settings = { ...session.settings, loadBalancerProvider: command.provider };
      rebuild(session);
      return session.record.simulation ? resimulate(session) : null;
    case "failNode":
    case "recoverNode": {
      const name = nodeName(command.node);
      const others = session.failedNodes.filter((n) => n !== name);
      if (command.id === "failNode") {
        // The learner fails it once the requests sent have ended (the replay has no animation to wait on).
        session.engine.failNode(command.node, session.engine.idleAt());
        session.failedNodes = [...others, name];
      } else session.failedNodes = others;
      rebuild(session);
      return null;
    }
    case "dns":
      return lookup(session, command.from, command.name);
    case "send":
    case "sendMany":
      return send(session, command.from, command.to, command.id === "sendMany" ? command.count : 1);
  }
}
