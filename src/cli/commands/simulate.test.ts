import { describe, expect, it } from "vitest";
import { svclab } from "./trace.test-helpers.ts";

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      nodeSelector: {kubernetes.io/hostname: node-1}
      containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
`;

const SCENARIO = `apiVersion: svclab.dev/v1
kind: Scenario
metadata: {name: node-2-fails}
spec:
  duration: 40s
  traffic:
    - {name: via-lb, from: external, to: "http://198.51.100.10/", rate: 20}
    - {name: nodeport, from: external, to: "192.168.0.12:30080", rate: 5}
  events:
    - {at: 10s, action: fail-node, target: node/node-2}
`;

const FILES = { "m.yaml": MANIFESTS, "s.yaml": SCENARIO };

describe("svclab simulate", () => {
  it("prints DESIGN.md's JSON: a bucket a second a stream, and the event log", () => {
    const r = svclab(
      ["simulate", "-f", "m.yaml", "--scenario", "s.yaml", "--seed", "3", "-o", "json"],
      FILES,
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["buckets", "events"]);
    expect(json.buckets).toHaveLength(80);
    expect(json.buckets[0]).toEqual({ t: 0, stream: "via-lb", outcomes: { delivered: 20 } });
    expect(json.buckets[21]).toEqual({ t: 10, stream: "nodeport", outcomes: { timeout: 5 } });
    expect(json.events[0]).toEqual({
      t: 10,
      reason: "NodeUnreachable",
      object: "node/node-2",
      message: expect.stringContaining("node-2 stopped answering"),
    });
    expect(json.events.map((e: { t: number; reason: string }) => `${e.t} ${e.reason}`)).toContain(
      "33 LoadBalancerBackendRemoved",
    );
  });

  it("prints a per-second table and the events as kubectl get events does, for people", () => {
    const r = svclab(["simulate", "-f", "m.yaml", "--scenario", "s.yaml"], FILES);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("Scenario node-2-fails: 40s of virtual time, 2 stream(s), seed 1");
    expect(lines[2]).toMatch(/^SECOND\s+STREAM\s+SENT\s+DELIVERED\s+TIMEOUT$/);
    expect(lines[3]).toMatch(/^0\s+via-lb\s+20\s+20\s+0$/);
    expect(r.out).toMatch(/LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE/);
    expect(r.out).toMatch(
      /\n33s\s+Warning\s+LoadBalancerBackendRemoved\s+lb\/default\/web\s+node-2 failed 3/,
    );
  });

  it("rejects a bad scenario with FILE:LINE:COL: PATH: message and exit 1", () => {
    const bad = SCENARIO.replace("at: 10s", "at: soon");
    const r = svclab(["simulate", "-f", "m.yaml", "--scenario", "s.yaml"], { ...FILES, "s.yaml": bad });
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      's.yaml:10:8: spec.events[0].at: Invalid value: "soon": must be a duration such as 40s, 2m or 1m30s\n',
    );
  });

  it("rejects a target the cluster does not have, positioned in the scenario", () => {
    const r = svclab(["simulate", "-f", "m.yaml", "--scenario", "s.yaml"], {
      ...FILES,
      "s.yaml": SCENARIO.replace("node/node-2", "node/node-7"),
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^s\.yaml:10:36: spec\.events\[0\]\.target: Invalid value: "node\/node-7": not found/,
    );
  });

  it("is a usage error (exit 2) without --scenario", () => {
    const r = svclab(["simulate", "-f", "m.yaml"], FILES);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--scenario FILE is required");
  });
});
