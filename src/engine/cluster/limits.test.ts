import { describe, expect, it } from "vitest";
import { loadManifests } from "../manifests/load.ts";
import { describe as describeDiagnostic, loadObjects } from "../manifests/testutil.ts";
import { podTemplateHash } from "./hash.ts";
import {
  checkSimulatorLimits,
  MAX_ENDPOINTS,
  MAX_NODES,
  MAX_PODS,
  MAX_SERVICE_PORTS,
  MAX_SERVICES,
  MAX_WORKLOAD_REPLICAS,
} from "./limits.ts";
import { deployment, service, sourced } from "./testutil.ts";

// Issue 16 item 1: the simulator's own limits (not Kubernetes'), each refused with a positioned error
// before any pod is made, however large the number asked for.

const errors = (objects: readonly unknown[]) =>
  loadObjects(objects)
    .diagnostics.filter((d) => d.severity === "error")
    .map(describeDiagnostic);

const node = (i: number) => ({ apiVersion: "v1", kind: "Node", metadata: { name: `n${i}` } });

describe("the simulator's limits", () => {
  it("refuses replicas: 2147483647 (valid for the API server) at once, on the spec.replicas line", () => {
    const text = [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: bomb}",
      "spec:",
      "  replicas: 2147483647",
      "  selector: {matchLabels: {app: bomb}}",
      "  template: {metadata: {labels: {app: bomb}}, spec: {containers: [{name: c, image: nginx}]}}",
    ].join("\n");
    const loaded = loadManifests([{ name: "bomb.yaml", text }]);
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        file: "bomb.yaml",
        line: 5,
        column: 3,
        path: "spec.replicas",
        severity: "error",
        object: "deployment/default/bomb",
        message: expect.stringMatching(
          /^Invalid value: 2147483647: the simulator runs at most 1000 pods per workload \(a limit of this simulator, not of Kubernetes\)/,
        ),
      }),
    ]);
  });

  it("accepts a workload at the per-workload limit and refuses one past it, StatefulSets too", () => {
    expect(errors([deployment("web", MAX_WORKLOAD_REPLICAS, { app: "web" })])).toEqual([]);
    const set = {
      ...deployment("db", MAX_WORKLOAD_REPLICAS + 1, { app: "db" }),
      kind: "StatefulSet",
    };
    expect(errors([set])).toEqual([
      expect.stringMatching(/^spec.replicas: Invalid value: 1001: the simulator runs at most 1000 pods/),
    ]);
  });

  it("refuses the workload that takes the pods past the total limit, and only that one", () => {
    const count = MAX_PODS / MAX_WORKLOAD_REPLICAS;
    const full = Array.from({ length: count }, (_, i) =>
      deployment(`d${i}`, MAX_WORKLOAD_REPLICAS, { d: `${i}` }),
    );
    expect(errors(full)).toEqual([]);
    const over = [...full, deployment("last", 1, { app: "last" }), deployment("more", 5, { app: "more" })];
    const found = loadObjects(over).diagnostics;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ object: "deployment/default/last", path: "spec.replicas" });
    expect(found[0]?.message).toMatch(/more than 10000 pods, which the simulator runs at most in total/);
  });

  it("counts a DaemonSet once per node and a bare Pod once", () => {
    const nodes = Array.from({ length: 100 }, (_, i) => node(i));
    const daemons = Array.from({ length: MAX_PODS / 100 }, (_, i) => ({
      ...deployment(`ds${i}`, 0, { ds: `${i}` }),
      kind: "DaemonSet",
    }));
    expect(checkSimulatorLimits(sourced([...nodes, ...daemons]))).toEqual([]);
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: {} };
    expect(checkSimulatorLimits(sourced([...nodes, ...daemons, pod]))).toEqual([
      expect.objectContaining({
        object: "pod/default/p",
        path: "",
        message: expect.stringMatching(/^with this Pod the manifests ask for more than 10000 pods/),
      }),
    ]);
  });

  it("refuses the Node, Service and Service port past their limits, on that object", () => {
    const nodes = Array.from({ length: MAX_NODES + 1 }, (_, i) => node(i));
    expect(errors(nodes)).toEqual([
      `: ${MAX_NODES + 1} Nodes in the manifests; the simulator holds at most ${MAX_NODES} (a limit of this simulator, not of Kubernetes): remove some`,
    ]);
    // Thousands of objects: checked without the YAML round trip, which only the test needs.
    const services = Array.from({ length: MAX_SERVICES + 1 }, (_, i) =>
      service(`s${i}`, { ports: [{ port: 80 }] }),
    );
    expect(checkSimulatorLimits(sourced(services)).map((d) => d.object)).toEqual([
      `svc/default/s${MAX_SERVICES}`,
    ]);
    expect(checkSimulatorLimits(sourced(services.slice(1)))).toEqual([]);
    const ports = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `p${i}`, port: 1000 + i }));
    const wide = Array.from({ length: MAX_SERVICE_PORTS / 1000 }, (_, i) =>
      service(`w${i}`, { ports: ports(1000) }),
    );
    expect(checkSimulatorLimits(sourced(wide))).toEqual([]);
    const past = checkSimulatorLimits(sourced([...wide, service("x", { ports: ports(3) })]));
    expect(past).toEqual([expect.objectContaining({ object: "svc/default/x", path: "spec.ports[0]" })]);
  });

  it("refuses the Service whose selected pods take the endpoints past their limit", () => {
    const pods = deployment("web", MAX_WORKLOAD_REPLICAS, { app: "web" });
    const count = MAX_ENDPOINTS / MAX_WORKLOAD_REPLICAS;
    const services = Array.from({ length: count + 1 }, (_, i) =>
      service(`s${i}`, { selector: { app: "web" }, ports: [{ port: 80 }] }),
    );
    const found = checkSimulatorLimits(sourced([pods, ...services]));
    expect(found).toEqual([
      expect.objectContaining({ object: `svc/default/s${count}`, path: "spec.selector" }),
    ]);
    expect(found[0]?.message).toMatch(/select more than 50000 pods in total/);
    // Selectors that match no pod cost nothing: many Services, few endpoints.
    const elsewhere = services.map((s) => ({ ...s, spec: { ...s.spec, selector: { app: "other" } } }));
    expect(checkSimulatorLimits(sourced([pods, ...elsewhere]))).toEqual([]);
  });

  it("counts a selector on a label the controller adds (pod-template-hash) by the pods it selects", () => {
    // deployment/sync.go: a Deployment's pods carry pod-template-hash beside their template's labels;
    // counting from the templates alone would miss these endpoints, so past that bound the pods are made.
    const pods = deployment("web", MAX_WORKLOAD_REPLICAS, { app: "web" });
    const count = MAX_ENDPOINTS / MAX_WORKLOAD_REPLICAS;
    const byHash = (value: string) =>
      Array.from({ length: count + 1 }, (_, i) =>
        service(`h${i}`, { selector: { app: "web", "pod-template-hash": value }, ports: [{ port: 80 }] }),
      );
    expect(checkSimulatorLimits(sourced([pods, ...byHash("no-such-hash")]))).toEqual([]);
    const hash = podTemplateHash((pods.spec as { template: unknown }).template);
    expect(checkSimulatorLimits(sourced([pods, ...byHash(hash)]))).toEqual([
      expect.objectContaining({ object: `svc/default/h${count}`, path: "spec.selector" }),
    ]);
  });
});
