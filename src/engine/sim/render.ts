import { dump } from "js-yaml/browser";
import { formatDuration } from "./duration.ts";
import { SCENARIO_API_VERSION, SCENARIO_KIND } from "./scenario.ts";
import type { ScenarioSpec } from "./spec.ts";

const duration = (seconds: number) => formatDuration(Math.round(seconds * 1000));

/**
 * The spec as the Scenario document `svclab simulate --scenario` reads, every setting written out:
 * what a learner exports is what the CLI runs, and parseScenario reads it back unchanged.
 */
export function renderScenario(spec: ScenarioSpec): string {
  const hc = spec.settings.loadBalancerHealthCheck;
  const document = {
    apiVersion: SCENARIO_API_VERSION,
    kind: SCENARIO_KIND,
    metadata: { name: spec.name },
    spec: {
      duration: duration(spec.duration),
      settings: {
        nodeMonitorGracePeriod: duration(spec.settings.nodeMonitorGracePeriod),
        podEvictionTimeout: duration(spec.settings.podEvictionTimeout),
        kubeProxySyncPeriod: duration(spec.settings.kubeProxySyncPeriod),
        loadBalancerHealthCheck: {
          interval: duration(hc.interval),
          timeout: duration(hc.timeout),
          unhealthyThreshold: hc.unhealthyThreshold,
          healthyThreshold: hc.healthyThreshold,
        },
      },
      traffic: spec.traffic.map(({ name, from, to, rate }) => ({ name, from, to, rate })),
      events: spec.events.map(({ at, ...action }) => ({ at: duration(at), ...action })),
    },
  };
  // Flow style from the list items down, as the README writes scenarios.
  return dump(document, { flowLevel: 3, lineWidth: -1 });
}
