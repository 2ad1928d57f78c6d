import { dump } from "js-yaml/browser";
import type { ClusterSettings } from "../cluster/types.ts";
import { loadManifests } from "../manifests/load.ts";
import { parseScenario, type Scenario } from "./scenario.ts";
import { clusterAt, type Simulation, type SimulationState, simulate } from "./simulate.ts";

/** Tests only: manifests (YAML) and a scenario spec (as an object) simulated; throws on invalid input. */
export function run(
  manifests: string,
  spec: Record<string, unknown>,
  seed?: number,
  settings: Partial<ClusterSettings> = {},
): Simulation {
  const loaded = loadManifests([{ name: "m.yaml", text: manifests }]);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.path}: ${d.message}`).join("\n"));
  const scenario = scenarioOf(spec);
  const result = simulate(loaded.value, scenario, { settings, ...(seed === undefined ? {} : { seed }) });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.path}: ${d.message}`).join("\n"));
  return result.value;
}

export function scenarioOf(spec: Record<string, unknown>): Scenario {
  const text = dump({ apiVersion: "svclab.dev/v1", kind: "Scenario", metadata: { name: "test" }, spec });
  const parsed = parseScenario({ name: "s.yaml", text });
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => `${d.path}: ${d.message}`).join("\n"));
  return parsed.value;
}

/** The seconds in which a stream saw the outcome at least once. */
export function secondsWith(sim: Simulation, stream: string, outcome: string): number[] {
  return sim.buckets
    .filter((b) => b.stream === stream && (b.outcomes as Record<string, number>)[outcome])
    .map((b) => b.t);
}

/** `a..b` as the list of whole seconds from a to b, both included. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Events as "T REASON OBJECT", optionally only those with the given reasons. */
export function eventLines(sim: Simulation, reasons?: readonly string[]): string[] {
  return sim.events
    .filter((e) => !reasons || reasons.includes(e.reason))
    .map((e) => `${e.t} ${e.reason} ${e.object}`);
}

export function stateAt(sim: Simulation, t: number): SimulationState {
  return clusterAt(sim, t);
}
