import { describe, expect, it } from "vitest";
import type { DataPlane } from "../network/dataplane.ts";
import { dataPlaneFromYaml } from "../network/testing.ts";
import { createTrafficState, REQUEST_INTERVAL_SECONDS } from "../network/traffic-state.ts";
import { parseRequest } from "./trace.ts";
import { traffic } from "./traffic.ts";

const WEB = (spec = "") => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
${spec}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  nodeName: node-1
  containers: [{name: c, image: busybox}]
`;

function send(dp: DataPlane, count: number, seed = 1, state = createTrafficState(seed)) {
  const parsed = parseRequest(dp, { from: "pod/default/client", to: "http://web/" });
  if (!parsed.ok) throw new Error(parsed.message);
  return traffic(dp, parsed.value, count, state);
}

describe("traffic", () => {
  it("spreads iptables-mode traffic evenly: the statistic rules' 1/n, 1/(n-1), ... give each endpoint 1/n (proxier.go)", () => {
    const result = send(dataPlaneFromYaml(WEB()), 3000);
    expect(result.total).toBe(3000);
    expect(result.outcomes).toEqual({ delivered: 3000 });
    const counts = Object.values(result.backends);
    expect(counts).toHaveLength(3);
    for (const n of counts) expect(Math.abs(n - 1000)).toBeLessThan(100);
    expect(Object.keys(result.backends).every((k) => k.startsWith("default/web-"))).toBe(true);
  });

  it("takes endpoints in turn in ipvs mode (IPVS rr scheduler)", () => {
    const dp = dataPlaneFromYaml(WEB(), { settings: { kubeProxyMode: "ipvs" } });
    expect(Object.values(send(dp, 9).backends)).toEqual([3, 3, 3]);
    expect(Object.values(send(dp, 10).backends).sort()).toEqual([3, 3, 4]);
  });

  it("keeps a client on one endpoint with sessionAffinity ClientIP (Service docs: session affinity)", () => {
    const result = send(dataPlaneFromYaml(WEB("  sessionAffinity: ClientIP")), 200);
    expect(Object.values(result.backends)).toEqual([200]);
  });

  it("forgets the affinity once timeoutSeconds have passed without a request (iptables recent --seconds)", () => {
    const dp = dataPlaneFromYaml(
      WEB("  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 1}}"),
    );
    const state = createTrafficState(4);
    const first = Object.keys(send(dp, 1, 0, state).backends);
    const seen = new Set(first);
    for (let i = 0; i < 20; i++) {
      state.now += 1 + REQUEST_INTERVAL_SECONDS;
      for (const key of Object.keys(send(dp, 1, 0, state).backends)) seen.add(key);
    }
    expect(seen.size).toBeGreaterThan(1);
    // Within the timeout, requests 10 ms apart all stay on one endpoint.
    expect(Object.keys(send(dp, 50, 0, state).backends)).toHaveLength(1);
  });

  it("replays the same picks for the same seed", () => {
    const dp = dataPlaneFromYaml(WEB());
    expect(send(dp, 100, 42)).toEqual(send(dp, 100, 42));
    expect(send(dp, 100, 42)).not.toEqual(send(dp, 100, 43));
  });
});
