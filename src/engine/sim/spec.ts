import type { Ref } from "../cluster/types.ts";
import type { ScenarioAction } from "./scenario.ts";
import { resolveSimulationSettings, type SimulationSettings } from "./settings.ts";

// Apart from render.ts, which writes a spec out with js-yaml: the app keeps a spec from its first screen
// on, and the YAML writer need not load with it (issue 15).

/** A Scenario as a program (the app's clock, a lesson) builds it: times in seconds. */
export interface ScenarioSpec {
  name: string;
  /** Seconds of virtual time. */
  duration: number;
  settings: SimulationSettings;
  traffic: { name: string; from: Ref; to: string; rate: number }[];
  events: (ScenarioAction & { at: number })[];
}

/** A scenario with nothing in it yet: two minutes of virtual time (a choice for learners), real settings. */
export function emptyScenarioSpec(name: string): ScenarioSpec {
  return { name, duration: 120, settings: resolveSimulationSettings(), traffic: [], events: [] };
}
