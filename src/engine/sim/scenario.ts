import { LIMIT_NOTE, MAX_PODS, MAX_WORKLOAD_REPLICAS } from "../cluster/limits.ts";
import type { Ref } from "../cluster/types.ts";
import { diagnostic, orderDiagnostics } from "../manifests/diagnostics.ts";
import { objectRef } from "../manifests/kinds.ts";
import { parseManifests } from "../manifests/parse.ts";
import type { Diagnostic, Result, SourcedObject, SourceFile } from "../manifests/types.ts";
import {
  child,
  duplicate,
  type FieldError,
  fieldError,
  index,
  invalid,
  notSupported,
  required,
} from "../manifests/validation/field.ts";
import { toDiagnostic } from "../manifests/validation/index.ts";
import { unknownKeys } from "../manifests/validation/unknownFields.ts";
import { type EngineMessage, message, messageList } from "../messages/index.ts";
import type { DataPlane } from "../network/dataplane.ts";
import { resolveSource } from "../network/source.ts";
import { parseTarget } from "../network/target.ts";
import { nodeName, parseRef, refKind } from "../refs.ts";
import { parseDuration } from "./duration.ts";
import {
  type HealthCheckSettings,
  resolveSimulationSettings,
  type SimulationSettings,
  type SimulationSettingsOverrides,
} from "./settings.ts";

export const SCENARIO_API_VERSION = "svclab.dev/v1";
export const SCENARIO_KIND = "Scenario";

/** Bounds that keep one simulation to seconds of work: simulator choices. */
export const MAX_SCENARIO_DURATION_SECONDS = 6 * 3600;
export const MAX_SCENARIO_REQUESTS = 5_000_000;

/** A stream of requests, spread evenly over time: request i leaves at i / rate seconds. */
export interface TrafficStream {
  name: string;
  from: Ref;
  to: string;
  /** Requests per second. */
  rate: number;
  /** Its index in spec.traffic, for positions. */
  index: number;
}

export type ScenarioAction =
  | { action: "fail-node"; target: Ref }
  | { action: "recover-node"; target: Ref }
  | { action: "scale"; target: Ref; replicas: number }
  | { action: "delete-pod"; target: Ref }
  | { action: "set-ready"; target: Ref; ready: boolean };

export type ScenarioEvent = ScenarioAction & {
  /** Seconds from the start. */
  at: number;
  /** Its index in spec.events, for positions. */
  index: number;
};

export interface Scenario {
  name: string;
  /** Seconds of virtual time. */
  duration: number;
  settings: SimulationSettings;
  traffic: TrafficStream[];
  /** In the order they happen (the file's order among events at the same time). */
  events: ScenarioEvent[];
  source: SourcedObject;
}

const ACTIONS = ["fail-node", "recover-node", "scale", "delete-pod", "set-ready"] as const;
const SCALABLE = ["deployment", "statefulset", "replicaset"] as const;

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const DURATION_HINT = message("scenario.duration");

/** Reads the checks of one Scenario object; `errors` collects what is wrong. */
class Reader {
  readonly errors: FieldError[] = [];

  duration(value: unknown, path: string, { positive }: { positive: boolean }): number | undefined {
    if (value === undefined || value === null) {
      this.errors.push(required(path, DURATION_HINT));
      return undefined;
    }
    const ms = typeof value === "string" ? parseDuration(value) : null;
    if (ms === null) {
      this.errors.push(invalid(path, value, DURATION_HINT));
      return undefined;
    }
    if (positive && ms === 0) {
      this.errors.push(invalid(path, value, message("scenario.positive")));
      return undefined;
    }
    return ms / 1000;
  }

  integer(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (value === undefined || value === null) {
      this.errors.push(required(path));
      return undefined;
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      const detail =
        max === Number.MAX_SAFE_INTEGER
          ? message("scenario.wholeNumberAtLeast", { min })
          : message("scenario.wholeNumberRange", { min, max });
      this.errors.push(invalid(path, value, detail));
      return undefined;
    }
    return value;
  }

  string(value: unknown, path: string, hint: EngineMessage): string | undefined {
    if (value === undefined || value === null || value === "") {
      this.errors.push(required(path, hint));
      return undefined;
    }
    if (typeof value !== "string") {
      this.errors.push(invalid(path, value, message("type.wrongString")));
      return undefined;
    }
    return value;
  }

  mapping(value: unknown, path: string): Obj | undefined {
    if (value === undefined || value === null) return undefined;
    if (!isObj(value)) {
      this.errors.push(invalid(path, value, message("type.mustBeMapping")));
      return undefined;
    }
    return value;
  }

  list(value: unknown, path: string): unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.errors.push(invalid(path, value, message("type.mustBeList")));
      return [];
    }
    return value;
  }
}

function readHealthCheck(r: Reader, value: unknown, path: string): Partial<HealthCheckSettings> {
  const hc = r.mapping(value, path);
  if (!hc) return {};
  r.errors.push(...unknownKeys(hc, path, ["interval", "timeout", "unhealthyThreshold", "healthyThreshold"]));
  const out: Partial<HealthCheckSettings> = {};
  if (hc.interval !== undefined)
    out.interval = r.duration(hc.interval, child(path, "interval"), { positive: true });
  if (hc.timeout !== undefined)
    out.timeout = r.duration(hc.timeout, child(path, "timeout"), { positive: true });
  // GCP health checks accept thresholds from 1 to 10.
  if (hc.unhealthyThreshold !== undefined)
    out.unhealthyThreshold = r.integer(hc.unhealthyThreshold, child(path, "unhealthyThreshold"), 1, 10);
  if (hc.healthyThreshold !== undefined)
    out.healthyThreshold = r.integer(hc.healthyThreshold, child(path, "healthyThreshold"), 1, 10);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

function readSettings(r: Reader, value: unknown, path: string): SimulationSettings {
  const settings = r.mapping(value, path);
  if (!settings) return resolveSimulationSettings();
  r.errors.push(
    ...unknownKeys(settings, path, [
      "nodeMonitorGracePeriod",
      "podEvictionTimeout",
      "kubeProxySyncPeriod",
      "loadBalancerHealthCheck",
    ]),
  );
  const overrides: SimulationSettingsOverrides = {};
  const grace = settings.nodeMonitorGracePeriod;
  if (grace !== undefined)
    overrides.nodeMonitorGracePeriod = r.duration(grace, child(path, "nodeMonitorGracePeriod"), {
      positive: true,
    });
  const eviction = settings.podEvictionTimeout;
  if (eviction !== undefined)
    overrides.podEvictionTimeout = r.duration(eviction, child(path, "podEvictionTimeout"), {
      positive: false,
    });
  const sync = settings.kubeProxySyncPeriod;
  if (sync !== undefined)
    overrides.kubeProxySyncPeriod = r.duration(sync, child(path, "kubeProxySyncPeriod"), { positive: false });
  const hcPath = child(path, "loadBalancerHealthCheck");
  overrides.loadBalancerHealthCheck = readHealthCheck(r, settings.loadBalancerHealthCheck, hcPath);
  const clean = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const resolved = resolveSimulationSettings(clean);
  const hc = resolved.loadBalancerHealthCheck;
  // GCP: "timeoutSec must be less than or equal to checkIntervalSec".
  if (hc.timeout > hc.interval) {
    r.errors.push(
      invalid(
        child(hcPath, "timeout"),
        `${hc.timeout}s`,
        message("scenario.timeoutInterval", { interval: hc.interval }),
      ),
    );
  }
  return resolved;
}

function readTraffic(r: Reader, value: unknown, path: string): TrafficStream[] {
  const streams: TrafficStream[] = [];
  const names = new Set<string>();
  r.list(value, path).forEach((item, i) => {
    const at = index(path, i);
    if (!isObj(item)) {
      r.errors.push(invalid(at, item, message("scenario.streamShape")));
      return;
    }
    r.errors.push(...unknownKeys(item, at, ["name", "from", "to", "rate"]));
    const name = r.string(item.name, child(at, "name"), message("scenario.streamName"));
    if (name !== undefined) {
      if (names.has(name)) r.errors.push(duplicate(child(at, "name"), name));
      names.add(name);
    }
    const from = r.string(item.from, child(at, "from"), message("scenario.streamFrom"));
    const to = r.string(item.to, child(at, "to"), message("scenario.streamTo"));
    const rate = item.rate;
    const ratePath = child(at, "rate");
    if (rate === undefined || rate === null)
      r.errors.push(required(ratePath, message("scenario.rateRequired")));
    else if (typeof rate !== "number" || !(rate > 0) || rate > 100_000)
      r.errors.push(invalid(ratePath, rate, message("scenario.rate")));
    if (name !== undefined && from !== undefined && to !== undefined && typeof rate === "number" && rate > 0)
      streams.push({ name, from, to, rate, index: i });
  });
  return streams;
}

function readTarget(r: Reader, value: unknown, path: string, kinds: readonly string[]): Ref | undefined {
  const shape = messageList(
    kinds.map((k) =>
      message("scenario.targetShape", { shape: k === "node" ? "node/NAME" : `${k}/NAMESPACE/NAME` }),
    ),
    "list.or",
  );
  const target = r.string(value, path, shape);
  if (target === undefined) return undefined;
  // The kind's parts as DESIGN.md's vocabulary has them (refs.ts).
  const parsed = parseRef(target);
  if (!parsed || !kinds.includes(parsed.kind)) {
    r.errors.push(invalid(path, target, message("scenario.targetMustBe", { shape })));
    return undefined;
  }
  return target;
}

function readEvent(
  r: Reader,
  item: Obj,
  at: string,
  duration: number | undefined,
): ScenarioEvent | undefined {
  const time = r.duration(item.at, child(at, "at"), { positive: false });
  if (time !== undefined && duration !== undefined && time >= duration) {
    r.errors.push(invalid(child(at, "at"), item.at, message("scenario.atBeforeEnd", { duration })));
  }
  const action = item.action;
  const actionPath = child(at, "action");
  if (action === undefined || action === null) {
    r.errors.push(required(actionPath, message("scenario.actions", { actions: ACTIONS.join(" | ") })));
    return undefined;
  }
  if (typeof action !== "string" || !(ACTIONS as readonly string[]).includes(action)) {
    r.errors.push(notSupported(actionPath, action, ACTIONS));
    return undefined;
  }
  const extra = action === "scale" ? ["replicas"] : action === "set-ready" ? ["ready"] : [];
  r.errors.push(...unknownKeys(item, at, ["at", "action", "target", ...extra]));
  const targetPath = child(at, "target");
  const kinds =
    action === "scale" ? SCALABLE : action === "fail-node" || action === "recover-node" ? ["node"] : ["pod"];
  const target = readTarget(r, item.target, targetPath, kinds);
  let detail: ScenarioAction | undefined;
  if (target === undefined) return undefined;
  if (action === "scale") {
    const replicas = r.integer(item.replicas, child(at, "replicas"), 0, MAX_WORKLOAD_REPLICAS);
    if (replicas !== undefined) detail = { action, target, replicas };
  } else if (action === "set-ready") {
    if (typeof item.ready !== "boolean") {
      const path = child(at, "ready");
      r.errors.push(
        item.ready === undefined
          ? required(path, message("scenario.trueOrFalse"))
          : invalid(path, item.ready, message("scenario.mustBeTrueOrFalse")),
      );
    } else {
      detail = { action, target, ready: item.ready };
    }
  } else {
    detail = { action: action as "fail-node" | "recover-node" | "delete-pod", target };
  }
  return detail && time !== undefined ? { ...detail, at: time, index: -1 } : undefined;
}

function readEvents(r: Reader, value: unknown, path: string, duration: number | undefined): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  r.list(value, path).forEach((item, i) => {
    const at = index(path, i);
    if (!isObj(item)) {
      r.errors.push(invalid(at, item, message("scenario.eventShape")));
      return;
    }
    const event = readEvent(r, item, at, duration);
    if (event) events.push({ ...event, index: i });
  });
  // Events at the same time happen in the order the file lists them (a stable sort).
  return events.sort((a, b) => a.at - b.at);
}

/** The Scenario's own rules: its shape, durations, settings, streams and events. */
function readScenario(source: SourcedObject): { scenario?: Scenario; errors: FieldError[] } {
  const r = new Reader();
  const object = source.object;
  if (object.apiVersion !== SCENARIO_API_VERSION)
    r.errors.push(notSupported("apiVersion", object.apiVersion, [SCENARIO_API_VERSION]));
  if (object.kind !== SCENARIO_KIND) r.errors.push(notSupported("kind", object.kind, [SCENARIO_KIND]));
  r.errors.push(...unknownKeys(object, "", ["apiVersion", "kind", "metadata", "spec"]));
  const spec = r.mapping(object.spec, "spec");
  if (!spec) {
    if (object.spec === undefined || object.spec === null)
      r.errors.push(required("spec", message("scenario.specRequired")));
    return { errors: r.errors };
  }
  r.errors.push(...unknownKeys(spec, "spec", ["duration", "settings", "traffic", "events"]));
  const duration = r.duration(spec.duration, "spec.duration", { positive: true });
  if (duration !== undefined && duration > MAX_SCENARIO_DURATION_SECONDS) {
    r.errors.push(
      invalid(
        "spec.duration",
        spec.duration,
        message("scenario.maxDuration", { hours: MAX_SCENARIO_DURATION_SECONDS / 3600 }),
      ),
    );
  }
  const settings = readSettings(r, spec.settings, "spec.settings");
  const traffic = readTraffic(r, spec.traffic, "spec.traffic");
  const events = readEvents(r, spec.events, "spec.events", duration);
  const requests = traffic.reduce((sum, s) => sum + s.rate, 0) * (duration ?? 0);
  if (requests > MAX_SCENARIO_REQUESTS) {
    r.errors.push(
      invalid(
        "spec.traffic",
        `${Math.round(requests)} requests`,
        message("scenario.tooManyRequests", { max: MAX_SCENARIO_REQUESTS }),
      ),
    );
  }
  if (r.errors.length > 0 || duration === undefined) return { errors: r.errors };
  return {
    scenario: { name: object.metadata.name, duration, settings, traffic, events, source },
    errors: [],
  };
}

/**
 * A Scenario file (one YAML document of kind svclab.dev/v1 Scenario) to a Scenario, with the same
 * parser and positions as manifests: every problem is a Diagnostic at its file, line and column.
 */
export function parseScenario(file: SourceFile): Result<Scenario> {
  const parsed = parseManifests([file]);
  if (!parsed.ok) return parsed;
  const [source, ...rest] = parsed.value;
  if (!source) {
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          { file: file.name, line: 1, column: 1 },
          "error",
          "",
          message("scenario.none", { apiVersion: SCENARIO_API_VERSION, kind: SCENARIO_KIND }),
        ),
      ],
    };
  }
  const { scenario, errors } = readScenario(source);
  const diagnostics = errors.map((e) => toDiagnostic(source, e));
  for (const extra of rest) {
    diagnostics.push(toDiagnostic(extra, fieldError("", message("scenario.oneDocument"))));
  }
  if (!scenario || diagnostics.length > 0)
    return { ok: false, diagnostics: orderDiagnostics(diagnostics, [file]) };
  return { ok: true, value: scenario, diagnostics: [] };
}

/**
 * The Scenario against the cluster it runs on: every target exists at the start (nodes, workloads,
 * pods) and every stream is a request the data plane can send.
 */
/** The first scale event that takes the cluster past the simulator's pods in total, as the manifests' own count is checked. */
function checkScaledPods(scenario: Scenario, dp: DataPlane, errors: FieldError[]): void {
  const replicas = new Map<Ref, number>();
  for (const pod of dp.cluster.pods)
    if (pod.owner) replicas.set(pod.owner, (replicas.get(pod.owner) ?? 0) + 1);
  let total = dp.cluster.pods.length;
  for (const event of scenario.events) {
    if (event.action !== "scale") continue;
    total += event.replicas - (replicas.get(event.target) ?? 0);
    replicas.set(event.target, event.replicas);
    if (total > MAX_PODS) {
      const detail = message("scenario.scaledPods", { total, max: MAX_PODS, note: LIMIT_NOTE });
      errors.push(invalid(`spec.events[${event.index}].replicas`, event.replicas, detail));
      return;
    }
  }
}

export function checkScenario(scenario: Scenario, dp: DataPlane): Diagnostic[] {
  const source = scenario.source;
  const errors: FieldError[] = [];
  const workloads = new Set(
    dp.cluster.objects.filter((o) => o.object.apiVersion === "apps/v1").map((o) => objectRef(o.object)),
  );
  for (const event of scenario.events) {
    const path = `spec.events[${event.index}].target`;
    const kind = refKind(event.target);
    const exists =
      kind === "node"
        ? dp.nodes.has(nodeName(event.target))
        : kind === "pod"
          ? dp.podByRef.has(event.target)
          : workloads.has(event.target);
    if (!exists) {
      const detail =
        kind === "node"
          ? message("scenario.noNode", { nodes: [...dp.nodes.keys()].join(", ") })
          : kind === "pod"
            ? message("scenario.noPod")
            : message("scenario.noWorkload");
      errors.push(invalid(path, event.target, detail));
    }
  }
  checkScaledPods(scenario, dp, errors);
  for (const stream of scenario.traffic) {
    // The data plane's own messages already quote the value.
    const from = resolveSource(dp, stream.from);
    if (!from.ok)
      errors.push(
        fieldError(`spec.traffic[${stream.index}].from`, message("scenario.request", { detail: from.text })),
      );
    const to = parseTarget(stream.to);
    if (!to.ok)
      errors.push(
        fieldError(`spec.traffic[${stream.index}].to`, message("scenario.request", { detail: to.text })),
      );
  }
  const diagnostics = errors.map((e) => toDiagnostic(source, e));
  return orderDiagnostics(diagnostics, [{ name: source.file, text: "" }]);
}
