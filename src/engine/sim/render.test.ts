import { describe, expect, it } from "vitest";
import { renderScenario } from "./render.ts";
import { parseScenario } from "./scenario.ts";
import { resolveSimulationSettings } from "./settings.ts";
import type { ScenarioSpec } from "./spec.ts";

const spec: ScenarioSpec = {
  name: "node-2-fails",
  duration: 90,
  settings: resolveSimulationSettings({ loadBalancerHealthCheck: { interval: 2.5 } }),
  traffic: [{ name: "via-lb", from: "external", to: "http://198.51.100.10/", rate: 10 }],
  events: [
    { at: 10, action: "fail-node", target: "node/node-2" },
    { at: 75, action: "recover-node", target: "node/node-2" },
    { at: 20, action: "set-ready", target: "pod/default/web-0", ready: false },
  ],
};

describe("renderScenario", () => {
  it("writes the Scenario document the CLI reads, flow-styled list items and durations as Kubernetes writes them", () => {
    const text = renderScenario(spec);
    expect(text).toContain("apiVersion: svclab.dev/v1\nkind: Scenario\n");
    expect(text).toContain("  duration: 1m30s\n");
    expect(text).toContain(
      "loadBalancerHealthCheck: {interval: 2.5s, timeout: 1s, unhealthyThreshold: 3, healthyThreshold: 1}",
    );
    expect(text).toContain("- {name: via-lb, from: external, to: http://198.51.100.10/, rate: 10}");
    expect(text).toContain("- {at: 10s, action: fail-node, target: node/node-2}");
  });

  it("reads back as the same scenario", () => {
    const parsed = parseScenario({ name: "s.yaml", text: renderScenario(spec) });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
    const s = parsed.value;
    expect(s.duration).toBe(90);
    expect(s.settings).toEqual(spec.settings);
    expect(s.traffic.map(({ name, from, to, rate }) => ({ name, from, to, rate }))).toEqual(spec.traffic);
    expect(s.events.map(({ index: _, ...e }) => e)).toEqual([spec.events[0], spec.events[2], spec.events[1]]);
  });
});
