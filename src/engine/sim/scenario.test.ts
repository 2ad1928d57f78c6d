import { describe, expect, it } from "vitest";
import { buildCluster } from "../cluster/build.ts";
import { deployment, sourced } from "../cluster/testutil.ts";
import { createDataPlane } from "../network/dataplane.ts";
import { checkScenario, parseScenario } from "./scenario.ts";
import { defaultSimulationSettings } from "./settings.ts";

function problems(text: string): string[] {
  const result = parseScenario({ name: "s.yaml", text });
  return result.ok
    ? []
    : result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.path}: ${d.message}`);
}

const HEAD = "apiVersion: svclab.dev/v1\nkind: Scenario\nmetadata: {name: s}\n";

describe("parseScenario", () => {
  it("reads DESIGN.md's example: durations in seconds, settings defaulted to the real values, events in time order", () => {
    const result = parseScenario({
      name: "s.yaml",
      text: `${HEAD}spec:
  duration: 2m
  settings:
    nodeMonitorGracePeriod: 50s
    loadBalancerHealthCheck: {interval: 8s, timeout: 1s, unhealthyThreshold: 3}
  traffic:
    - {name: via-lb, from: external, to: "http://198.51.100.10/", rate: 10}
  events:
    - {at: 90s, action: recover-node, target: node/node-2}
    - {at: 10s, action: fail-node, target: node/node-2}
    - {at: 20s, action: scale, target: deployment/default/web, replicas: 5}
    - {at: 30s, action: set-ready, target: pod/default/web-0, ready: false}
`,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const s = result.value;
    expect(s.duration).toBe(120);
    expect(s.settings).toEqual(defaultSimulationSettings);
    expect(s.traffic).toEqual([
      { name: "via-lb", from: "external", to: "http://198.51.100.10/", rate: 10, index: 0 },
    ]);
    expect(s.events.map((e) => `${e.at} ${e.action} #${e.index}`)).toEqual([
      "10 fail-node #1",
      "20 scale #2",
      "30 set-ready #3",
      "90 recover-node #0",
    ]);
  });

  it("rejects a bad scenario with FILE:LINE:COL: PATH: message, like any manifest", () => {
    expect(
      problems(`${HEAD}spec:
  duration: 2 minutes
  traffic:
    - {name: a, from: external, to: "http://x/", rate: 0}
    - {name: a, from: external, to: "http://x/", rat: 5}
  events:
    - {at: 10s, action: explode, target: node/node-2}
    - {at: 10s, action: scale, target: daemonset/default/agent, replicas: 2}
    - {at: 10s, action: fail-node, target: node-2}
    - {at: 10s, action: set-ready, target: pod/default/web-0}
`),
    ).toEqual([
      's.yaml:5:3: spec.duration: Invalid value: "2 minutes": must be a duration such as 40s, 2m or 1m30s',
      "s.yaml:7:50: spec.traffic[0].rate: Invalid value: 0: must be a number of requests per second, above 0 and at most 100000",
      "s.yaml:8:7: spec.traffic[1].rate: Required value: requests per second",
      's.yaml:8:8: spec.traffic[1].name: Duplicate value: "a"',
      's.yaml:8:50: spec.traffic[1].rat: unknown field "rat"; did you mean "rate"?',
      's.yaml:10:17: spec.events[0].action: Unsupported value: "explode": supported values: "fail-node", "recover-node", "scale", "delete-pod", "set-ready"',
      's.yaml:11:32: spec.events[1].target: Invalid value: "daemonset/default/agent": must be deployment/NAMESPACE/NAME or statefulset/NAMESPACE/NAME or replicaset/NAMESPACE/NAME',
      's.yaml:12:36: spec.events[2].target: Invalid value: "node-2": must be node/NAME',
      "s.yaml:13:7: spec.events[3].ready: Required value: true or false",
    ]);
  });

  it("rejects a health-check timeout longer than its interval (GCP) and an event after the end", () => {
    expect(
      problems(`${HEAD}spec:
  duration: 60s
  settings:
    loadBalancerHealthCheck: {interval: 5s, timeout: 6s}
  events:
    - {at: 60s, action: fail-node, target: node/node-2}
`),
    ).toEqual([
      's.yaml:7:45: spec.settings.loadBalancerHealthCheck.timeout: Invalid value: "6s": must be less than or equal to the interval (5s)',
      's.yaml:9:8: spec.events[0].at: Invalid value: "60s": must be before the end of the scenario (spec.duration 60s)',
    ]);
  });

  it("wants its own kind and one document", () => {
    expect(problems("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {duration: 1s}\n")).toEqual([
      's.yaml:1:1: apiVersion: Unsupported value: "v1": supported values: "svclab.dev/v1"',
      's.yaml:2:1: kind: Unsupported value: "Pod": supported values: "Scenario"',
    ]);
    expect(problems(`${HEAD}spec: {duration: 1s}\n---\n${HEAD}spec: {duration: 1s}\n`)).toEqual([
      "s.yaml:6:1: : a scenario file holds one Scenario document: move this one to a file of its own",
    ]);
  });
});

describe("checkScenario", () => {
  it("points at targets the cluster does not have and streams it cannot send", () => {
    const result = parseScenario({
      name: "s.yaml",
      text: `${HEAD}spec:
  duration: 60s
  traffic:
    - {name: a, from: pod/default/ghost, to: "ftp://x/", rate: 1}
  events:
    - {at: 1s, action: fail-node, target: node/node-9}
    - {at: 1s, action: scale, target: deployment/default/web, replicas: 1}
`,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const dp = createDataPlane(buildCluster([]));
    expect(
      checkScenario(result.value, dp).map((d) => `${d.line}:${d.column}: ${d.path}: ${d.message}`),
    ).toEqual([
      "7:17: spec.traffic[0].from: pod/default/ghost: no such pod (write pod/NAMESPACE/NAME, as svclab get pods shows)",
      '7:42: spec.traffic[0].to: "ftp://x/": only http:// and https:// URLs, or host:port, can be sent',
      '9:35: spec.events[0].target: Invalid value: "node/node-9": not found: nodes: node-1, node-2, node-3',
      '10:31: spec.events[1].target: Invalid value: "deployment/default/web": not found: no such workload in the manifests',
    ]);
  });

  // Issue 16 item 1: a Scenario cannot scale past the simulator's own pod limit (cluster/limits.ts), which the manifests alone respect.
  it("refuses the scale event that takes the cluster past the simulator's pods in total", () => {
    const deployments = Array.from({ length: 11 }, (_, i) => deployment(`d${i}`, 1, { d: `${i}` }));
    const events = deployments.map(
      (_, i) => `    - {at: ${i}s, action: scale, target: deployment/default/d${i}, replicas: 1000}`,
    );
    const result = parseScenario({
      name: "s.yaml",
      text: `${HEAD}spec:\n  duration: 60s\n  events:\n${events.join("\n")}\n`,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const dp = createDataPlane(buildCluster(sourced(deployments)));
    expect(checkScenario(result.value, dp).map((d) => `${d.path}: ${d.message}`)).toEqual([
      `spec.events[9].replicas: Invalid value: 1000: after this scale the cluster would run ${10 * 1000 + 1 + dp.cluster.pods.length - 11} pods; the simulator runs at most 10000 pods in total (a limit of this simulator, not of Kubernetes)`,
    ]);
  });
});
