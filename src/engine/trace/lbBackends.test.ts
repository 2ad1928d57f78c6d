import { describe, expect, it } from "vitest";
import { buildCluster } from "../cluster/build.ts";
import { loadManifests } from "../manifests/load.ts";
import { createDataPlane } from "../network/dataplane.ts";
import { createTrafficState } from "../network/traffic-state.ts";
import { parseRequest, trace } from "./trace.ts";

const MANIFESTS = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
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
  ports: [{port: 80, targetPort: 8080}]
`;

/** Outcomes of 300 requests through the load balancer, with node-2 failed and the given pool. */
function outcomes(pool?: string[]): Record<string, number> {
  const loaded = loadManifests([{ name: "lb.yaml", text: MANIFESTS }]);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
  const cluster = buildCluster(loaded.value);
  const failed = {
    ...cluster,
    nodes: cluster.nodes.map((n) => (n.name === "node-2" ? { ...n, failed: true } : n)),
  };
  const lbBackends = pool ? new Map([["lb/default/web", new Set(pool)]]) : undefined;
  const dp = createDataPlane(failed, lbBackends ? { lbBackends } : {});
  const parsed = parseRequest(dp, { from: "external", to: "http://198.51.100.10/" });
  if (!parsed.ok) throw new Error(parsed.message);
  const state = createTrafficState(3);
  const counts: Record<string, number> = {};
  for (let i = 0; i < 300; i++) {
    const outcome = trace(dp, parsed.value, state).outcome;
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return counts;
}

describe("load-balancer pools kept by health checks (createDataPlane lbBackends)", () => {
  it("without a pool, a load balancer skips a failed node at once", () => {
    expect(outcomes()).toEqual({ delivered: 300 });
  });

  it("sends to a failed node still in its pool, where the requests time out (until the checks eject it)", () => {
    const counts = outcomes(["node-1", "node-2", "node-3"]);
    expect(counts.timeout).toBeGreaterThan(60);
    expect(counts.delivered).toBeGreaterThan(150);
  });

  it("sends only to the nodes in its pool once the failed node is ejected", () => {
    expect(outcomes(["node-1", "node-3"])).toEqual({ delivered: 300 });
  });

  it("fails open over every node, failed ones included, when its pool is empty (GCP, AWS NLB)", () => {
    const counts = outcomes([]);
    expect(counts.timeout).toBeGreaterThan(60);
    expect(counts.delivered).toBeGreaterThan(150);
  });
});
