import type { StateCreator } from "zustand";
import {
  type Diagnostic,
  type HealthCheckSettings,
  isNodeRef,
  type ScenarioSpec,
  type SettingPath,
  type Trace,
  withSetting,
} from "../../engine/index.ts";
import type { SimulationRecord } from "../../lessons/index.ts";
import type { EngineClient } from "../engine/client.ts";
import type { ClusterAtReply, PacketSketch, SimulationView, TimeState } from "../engine/protocol.ts";
import { ENGINE_SAMPLE } from "../packets/sampling.ts";
import { type KeyValueStorage, readStored, writeStored } from "../persist/storage.ts";
import {
  emptyScenario,
  isScenario,
  type NodeAction,
  nextStreamName,
  nodeFailedAt,
  withNodeEvent,
} from "../time/scenario.ts";
import type { AppState } from "./index.ts";

/** The clock's speeds: virtual seconds per real second. */
export const CLOCK_SPEEDS = [1, 2, 5, 10, 30, 60] as const;

/**
 * While the clock plays, how often at most the page shows a new second of it (its text, the graph's
 * state and flows): ten times a second, as often as a person reads a changing number. At 60× the
 * second changes every frame.
 */
export const SHOWN_MS = 100;

export interface StreamInput {
  name: string;
  from: string;
  to: string;
  rate: number;
}

export interface TimeSlice {
  /** The time view: a clock, a timeline and the control plane's events instead of single requests. */
  timeMode: boolean;
  /** The learner's Scenario (svclab.dev/v1), saved locally; what "Export scenario" writes. */
  scenario: ScenarioSpec;
  /** The last simulation of `scenario` over the manifests; null before one, or when it could not run. */
  simulation: SimulationView | null;
  /** The scenario `simulation` played (the learner may have changed `scenario` since). */
  simulatedScenario: ScenarioSpec | null;
  /** Why the scenario could not be played (an unknown stream source, a bad address...). */
  simulationDiagnostics: Diagnostic[];
  /** True while the engine plays the scenario. */
  simulating: boolean;
  /** Virtual seconds since the start. */
  clock: number;
  clockPlaying: boolean;
  clockSpeed: number;
  /** The furthest moment the clock has reached: the timeline shows the seconds up to it. */
  horizon: number;
  /** The state at the clock's whole second, as the engine recomputed it; drawn by the graph. */
  timeState: TimeState | null;
  /** The sampled requests of the window of the simulation around the clock, as the graph draws them. */
  timePackets: { run: number; from: number; to: number; packets: PacketSketch[] } | null;
  /** The whole trace of a sampled request of the simulation shown (its sketch's `n`); null once another replaced it. */
  packetTrace(n: number): Promise<Trace | null>;
  setTimeMode(on: boolean): void;
  addStream(stream: StreamInput): void;
  removeStream(name: string): void;
  /** Fails or recovers the selected node at the clock's second; false when no node is selected. */
  recordNodeEvent(action: NodeAction): boolean;
  removeEvent(index: number): void;
  setSimulationSetting(path: SettingPath, value: number): void;
  /** Every health-check setting at once (a provider's defaults). */
  setHealthCheck(check: HealthCheckSettings): void;
  resetSimulationSettings(): void;
  setScenarioDuration(seconds: number): void;
  /** A fresh scenario: no streams, no events, real defaults; the clock back at 0. */
  clearScenario(): void;
  /** Takes a scenario someone shared, and opens the Time view on it at 0. */
  openScenario(scenario: ScenarioSpec): void;
  playClock(): void;
  pauseClock(): void;
  setClockSpeed(speed: number): void;
  seek(t: number): void;
  /** Moves the clock on by `realSeconds` of wall time at its speed (called once a frame while playing). */
  advanceClock(realSeconds: number): void;
  /** Saves where the clock is, for a reload (the page is being hidden or closed while it plays). */
  keepClock(): void;
  /** Plays the scenario over the manifests; once it lands, the clock's state and packets follow. */
  simulate(): Promise<void>;
  /**
   * Keeps the time view in step with the clock: asks the engine for the state at the clock's whole
   * second (one request at a time; a scrub that outruns the engine skips to the latest second) and for
   * the window of sampled packets the clock is in. Every action that moves the clock or lands a
   * simulation calls it.
   */
  followClock(): void;
}

const SCENARIO_KEY = "time.scenario";
const CLOCK_KEY = "time.clock";

/** Where the clock was left: a reload brings the Time view back at that second, paused (issue 14: nothing lost to a reload). */
interface SavedClock {
  clock: number;
  horizon: number;
}

/** A second of a clock: bounded by the scenario it is read against (savedClock), not here. */
const isSeconds = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0;

function isSavedClock(value: unknown): value is SavedClock {
  const v = value as Partial<SavedClock> | null;
  return typeof v === "object" && v !== null && isSeconds(v.clock) && isSeconds(v.horizon);
}

/** The saved clock, within the scenario (its duration may have changed in another tab since). */
function savedClock(storage: KeyValueStorage | undefined, scenario: ScenarioSpec): SavedClock {
  const saved = readStored(storage, CLOCK_KEY, isSavedClock);
  if (!saved) return { clock: 0, horizon: 0 };
  const clock = Math.min(saved.clock, scenario.duration);
  return { clock, horizon: Math.max(clock, Math.min(saved.horizon, scenario.duration)) };
}
/** Seconds of the clock, at least, that the sampled packets held reach ahead of it (timeSlice.fetchPackets). */
const PACKET_LEAD = 5;

/** The node the learner selected in the graph, if a node is selected. */
const selectedNodeRef = (s: AppState) => (isNodeRef(s.selectedRef) ? s.selectedRef : null);

/** The cluster the page shows: in the time view, the engine's state at the clock's second; else the live one. */
export function shownCluster(s: AppState) {
  return s.timeMode && s.timeState ? s.timeState.cluster : s.cluster;
}

/** Whether the node command can record `action` for the selected node at the clock. */
export function canRecordNodeEvent(s: AppState, action: NodeAction): boolean {
  const node = selectedNodeRef(s);
  if (!node || !s.cluster?.nodes.some((n) => n.ref === node)) return false;
  return nodeFailedAt(s.scenario, node, Math.floor(s.clock)) === (action === "recover-node");
}

export function createTimeSlice(
  engine: EngineClient,
  storage: KeyValueStorage | undefined,
): StateCreator<AppState, [], [], TimeSlice> {
  // Only the newest simulation may land.
  let latest = 0;
  /** The window of packets being fetched, and the second whose state was asked for last. */
  let fetching: string | null = null;
  let asked: { run: number; t: number } | null = null;
  let asking = false;
  return (set, get) => {
    /** A new scenario: saved, and played again while the time view is open. */
    const keepClock = () => {
      const { clock, horizon } = get();
      writeStored(storage, CLOCK_KEY, { clock, horizon } satisfies SavedClock);
    };
    const change = (scenario: ScenarioSpec, patch: Partial<TimeSlice> = {}) => {
      set({ scenario, ...patch });
      writeStored(storage, SCENARIO_KEY, scenario);
      if ("clock" in patch) keepClock();
      if (get().timeMode) void get().simulate();
    };
    /**
     * Keeps the sampled packets from the second before the clock to a real second of playing ahead of
     * it, asking for the next stretch while a real second is still in hand: at 60x a stretch asked
     * only when the clock reached it came frames late, and its packets were never drawn. What comes
     * after the window held is added to it; a scrub outside it starts a new one.
     */
    const fetchPackets = async (run: number, clock: number) => {
      const { clockPlaying, clockSpeed } = get();
      const lead = clockPlaying ? Math.max(PACKET_LEAD, clockSpeed) : PACKET_LEAD;
      const start = Math.max(0, Math.floor(clock) - 1);
      const known = get().timePackets;
      const held = known?.run === run && known.from <= start && known.to > clock ? known : null;
      if (held && held.to >= clock + lead) return;
      const from = held ? held.to : start;
      // Half a real second more each time: at 60x a larger stretch was one 50 ms task to receive.
      const to = Math.ceil(clock + 1.5 * lead);
      const key = `${run}:${from}:${to}`;
      if (fetching === key) return;
      fetching = key;
      const reply = await engine.request({ type: "packets", from, to });
      if (fetching === key) fetching = null;
      if (reply.run !== get().simulation?.run) return;
      const now = get().timePackets;
      const keepFrom = Math.max(0, Math.floor(get().clock) - 1);
      const continues = now?.run === reply.run && now.to === from && now.from <= keepFrom;
      set({
        timePackets: continues
          ? {
              run: reply.run,
              from: keepFrom,
              to,
              packets: [...now.packets.filter((p) => p.sentAt >= keepFrom), ...reply.packets],
            }
          : { run: reply.run, from, to, packets: reply.packets },
      });
    };
    /**
     * Asks for the state at the newest second wanted, until the answer is the clock's; while the clock
     * plays, at most once every SHOWN_MS (each answer re-checks every box of the graph).
     */
    let askedAt = 0;
    const askState = async () => {
      if (asking) return;
      asking = true;
      try {
        for (let wanted = asked; wanted; wanted = asked === wanted ? null : asked) {
          if (get().simulation?.run !== wanted.run) continue;
          const wait = get().clockPlaying ? askedAt + SHOWN_MS - performance.now() : 0;
          if (wait > 0) {
            await new Promise((resolve) => setTimeout(resolve, wait));
            // The clock moved on meanwhile: ask for its newest second.
            if (asked !== wanted) continue;
          }
          askedAt = performance.now();
          const held = get().timeState;
          const ask = (known: TimeState | null) =>
            engine.request({
              type: "clusterAt",
              t: wanted.t,
              ...(known ? { held: { run: known.run, t: known.t } } : {}),
            });
          let answer = await ask(held);
          // Told "the same as the moment held", which changed meanwhile: asked whole.
          if (answer.state && !answer.state.cluster && get().timeState !== held) answer = await ask(null);
          if (answer.state && answer.state.run === get().simulation?.run)
            set({ timeState: nextTimeState(get().timeState, answer.state) });
        }
      } finally {
        asking = false;
      }
    };
    const scenario = readStored(storage, SCENARIO_KEY, isScenario) ?? emptyScenario();
    return {
      timeMode: false,
      scenario,
      simulation: null,
      simulatedScenario: null,
      simulationDiagnostics: [],
      simulating: false,
      ...savedClock(storage, scenario),
      clockPlaying: false,
      clockSpeed: 10,
      timeState: null,
      timePackets: null,
      setTimeMode(timeMode) {
        const opened = timeMode && !get().timeMode;
        set(timeMode ? { timeMode } : { timeMode, clockPlaying: false });
        // Opening the time view plays the scenario over the cluster as it is now.
        if (opened) void get().simulate();
      },
      addStream(stream) {
        const { scenario } = get();
        const name = nextStreamName(scenario, stream.name);
        change({ ...scenario, traffic: [...scenario.traffic, { ...stream, name }] });
      },
      removeStream(name) {
        const { scenario } = get();
        change({ ...scenario, traffic: scenario.traffic.filter((s) => s.name !== name) });
      },
      recordNodeEvent(action) {
        const state = get();
        const node = selectedNodeRef(state);
        if (!node || !canRecordNodeEvent(state, action)) return false;
        change(withNodeEvent(state.scenario, action, node, state.clock));
        return true;
      },
      removeEvent(index) {
        const { scenario } = get();
        change({ ...scenario, events: scenario.events.filter((_, i) => i !== index) });
      },
      setSimulationSetting(path, value) {
        const { scenario } = get();
        change({ ...scenario, settings: withSetting(scenario.settings, path, value) });
      },
      setHealthCheck(check) {
        const { scenario } = get();
        change({ ...scenario, settings: { ...scenario.settings, loadBalancerHealthCheck: { ...check } } });
      },
      resetSimulationSettings: () => change({ ...get().scenario, settings: emptyScenario().settings }),
      setScenarioDuration(seconds) {
        const { scenario, clock } = get();
        const duration = Math.max(10, Math.min(3600, Math.round(seconds)));
        const events = scenario.events.filter((e) => e.at < duration);
        change({ ...scenario, duration, events }, clock > duration ? { clock: duration } : {});
      },
      clearScenario: () =>
        change(emptyScenario(), {
          clock: 0,
          horizon: 0,
          clockPlaying: false,
          simulation: null,
          simulatedScenario: null,
        }),
      openScenario: (scenario) =>
        change(scenario, { timeMode: true, clock: 0, horizon: 0, clockPlaying: false, simulation: null }),
      playClock() {
        const { clock, scenario } = get();
        // Playing from the end starts over.
        set({ clockPlaying: true, ...(clock >= scenario.duration ? { clock: 0 } : {}) });
        get().followClock();
      },
      pauseClock() {
        set({ clockPlaying: false });
        keepClock();
      },
      setClockSpeed: (speed) => set({ clockSpeed: Math.max(1, Math.min(60, speed)) }),
      seek(t) {
        const clock = Math.max(0, Math.min(get().scenario.duration, t));
        set((s) => ({ clock, horizon: Math.max(s.horizon, clock) }));
        keepClock();
        get().followClock();
      },
      advanceClock(realSeconds) {
        const { clock, clockSpeed, scenario, horizon } = get();
        const next = Math.min(scenario.duration, clock + realSeconds * clockSpeed);
        set({
          clock: next,
          horizon: Math.max(horizon, next),
          ...(next >= scenario.duration ? { clockPlaying: false } : {}),
        });
        if (next >= scenario.duration) keepClock();
        get().followClock();
      },
      keepClock,
      async packetTrace(n) {
        const run = get().simulation?.run;
        if (run === undefined) return null;
        const reply = await engine.request({ type: "packet", run, n });
        return run === get().simulation?.run ? reply.trace : null;
      },
      async simulate() {
        const ticket = ++latest;
        const { files, scenario, loadBalancerProvider } = get();
        set({ simulating: true });
        const reply = await engine.request({
          type: "simulate",
          files,
          scenario,
          sample: ENGINE_SAMPLE,
          settings: { loadBalancerProvider },
        });
        if (ticket !== latest) return;
        set({
          simulation: reply.simulation,
          simulatedScenario: reply.simulation ? scenario : null,
          simulationDiagnostics: reply.diagnostics,
          simulating: false,
          timePackets: null,
          ...(reply.simulation ? {} : { timeState: null }),
        });
        get().followClock();
        get().followLesson();
      },
      followClock() {
        const { timeMode, simulation, clock, timeState } = get();
        if (!timeMode || !simulation) return;
        const { run } = simulation;
        void fetchPackets(run, clock);
        const second = Math.floor(clock);
        if (timeState?.run === run && timeState.t === second) return;
        if (asked?.run === run && asked.t === second) return;
        asked = { run, t: second };
        void askState();
      },
    };
  };
}

/** The simulation as lesson goals judge it, with the cluster it started from. */
export function simulationRecord(s: AppState): SimulationRecord | null {
  if (!s.simulation || !s.simulatedScenario || !s.cluster) return null;
  const { buckets, events } = s.simulation;
  return { scenario: s.simulatedScenario, buckets, events, cluster: s.cluster };
}

/**
 * The state at a new second, sharing with the one held what did not change (the cluster the engine said
 * was equal, the same load-balancer health and pools, and terminating pods), so the graph redraws only what changed.
 */
export function nextTimeState(held: TimeState | null, next: ClusterAtReply["state"] & {}): TimeState {
  const same = <T>(before: T | undefined, after: T) =>
    before !== undefined && JSON.stringify(before) === JSON.stringify(after) ? before : after;
  const cluster = next.cluster ?? held?.cluster;
  if (!cluster) throw new Error("a moment's cluster was said to be unchanged, with none held");
  return {
    ...next,
    cluster,
    lbHealth: same(held?.lbHealth, next.lbHealth),
    lbPools: same(held?.lbPools, next.lbPools),
    terminatingPods: same(held?.terminatingPods, next.terminatingPods),
  };
}
