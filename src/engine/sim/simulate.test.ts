import { describe, expect, it } from "vitest";
import { eventLines, range, run, secondsWith, stateAt } from "./testing.ts";

/** A Deployment whose pods all run on node-1 (so only the load balancer's choice of node matters), behind a LoadBalancer. */
const WEB_ON_NODE_1 = `
apiVersion: apps/v1
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

const VIA_LB = { name: "lb", from: "external", to: "http://198.51.100.10/", rate: 100 };
/**
 * Timeouts start in second 9: the last requests that left before 10 s reach node-2 after it failed
 * and are lost there (trace/timing.ts lostAtFailure), as packets in flight to a machine that goes away.
 */
const FAIL_NODE_2_AT_10 = { at: "10s", action: "fail-node", target: "node/node-2" };

describe("simulate: the load balancer's detection window (GCP health checks: every 8s, timeout 1s, 3 failures)", () => {
  it("times out the LB's requests to node-2 from t=10 until checks at 16, 24 and 32 have each timed out: seconds 10..32", () => {
    const sim = run(WEB_ON_NODE_1, { duration: "60s", traffic: [VIA_LB], events: [FAIL_NODE_2_AT_10] });
    expect(secondsWith(sim, "lb", "timeout")).toEqual(range(9, 32));
    expect(eventLines(sim, ["HealthCheckFailed", "LoadBalancerBackendRemoved"])).toEqual([
      "17 HealthCheckFailed lb/default/web",
      "25 HealthCheckFailed lb/default/web",
      "33 HealthCheckFailed lb/default/web",
      "33 LoadBalancerBackendRemoved lb/default/web",
    ]);
    expect(secondsWith(sim, "lb", "delivered")).toEqual(range(0, 59));
  });

  it("follows other settings: checks every 5s with a 2s timeout and 2 failures eject at 12 + 5 = 17", () => {
    const sim = run(WEB_ON_NODE_1, {
      duration: "30s",
      settings: { loadBalancerHealthCheck: { interval: "5s", timeout: "2s", unhealthyThreshold: 2 } },
      traffic: [VIA_LB],
      events: [FAIL_NODE_2_AT_10],
    });
    // The check sent at t=10 sees the failure (scenario actions come first within an instant).
    expect(secondsWith(sim, "lb", "timeout")).toEqual(range(9, 16));
    expect(eventLines(sim, ["LoadBalancerBackendRemoved"])).toEqual([
      "17 LoadBalancerBackendRemoved lb/default/web",
    ]);
  });

  it("re-admits a recovered node after one passed check (healthyThreshold 1): recovered at 70 (after NotReady at 60), back at the check at 72", () => {
    const sim = run(WEB_ON_NODE_1, {
      duration: "80s",
      traffic: [VIA_LB],
      events: [FAIL_NODE_2_AT_10, { at: "70s", action: "recover-node", target: "node/node-2" }],
    });
    expect(eventLines(sim, ["NodeReady", "LoadBalancerBackendAdded"])).toEqual([
      "70 NodeReady node/node-2",
      "72 LoadBalancerBackendAdded lb/default/web",
    ]);
    expect(secondsWith(sim, "lb", "timeout")).toEqual(range(9, 32));
    expect(stateAt(sim, 71).lbHealth[0]?.backends.map((b) => b.healthy)).toEqual([true, false, true]);
    expect(stateAt(sim, 72).lbHealth[0]?.backends.map((b) => b.healthy)).toEqual([true, true, true]);
  });
});

describe("simulate: clients pinned to one node have no one to eject it", () => {
  it("times out a NodePort client aimed at node-2 from the failure until the recovery", () => {
    const sim = run(WEB_ON_NODE_1, {
      duration: "120s",
      traffic: [{ name: "np", from: "external", to: "192.168.0.12:30080", rate: 10 }],
      events: [FAIL_NODE_2_AT_10, { at: "90s", action: "recover-node", target: "node/node-2" }],
    });
    expect(secondsWith(sim, "np", "timeout")).toEqual(range(9, 89));
    expect(secondsWith(sim, "np", "delivered")).toEqual([...range(0, 9), ...range(90, 119)]);
  });

  it("times out an ExternalIP client whose address is routed to node-2 likewise", () => {
    const manifests = `${WEB_ON_NODE_1}
---
apiVersion: v1
kind: Service
metadata: {name: web-ext}
spec:
  selector: {app: web}
  externalIPs: [192.168.0.12]
  ports: [{port: 8000, targetPort: 8080}]
`;
    const sim = run(manifests, {
      duration: "100s",
      traffic: [{ name: "ext", from: "external", to: "192.168.0.12:8000", rate: 10 }],
      events: [FAIL_NODE_2_AT_10, { at: "90s", action: "recover-node", target: "node/node-2" }],
    });
    expect(secondsWith(sim, "ext", "timeout")).toEqual(range(9, 89));
  });
});

describe("simulate: the node lifecycle controller and kube-proxy (node-monitor-grace-period 50s since 1.32, kubernetes PR #126287; sync 1s)", () => {
  const SPREAD = `
apiVersion: v1
kind: Pod
metadata: {name: a, labels: {app: web}}
spec: {nodeName: node-1, containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, labels: {app: web}}
spec: {nodeName: node-2, containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
`;

  it("keeps DNATing to the dead node's pod until NotReady at 60 and kube-proxy's resync at 61", () => {
    const sim = run(SPREAD, {
      duration: "80s",
      traffic: [{ name: "np1", from: "external", to: "192.168.0.11:30080", rate: 100 }],
      events: [FAIL_NODE_2_AT_10],
    });
    expect(secondsWith(sim, "np1", "timeout")).toEqual(range(9, 60));
    expect(eventLines(sim, ["NodeNotReady", "EndpointRemoved", "ProxyRulesSynced"])).toEqual([
      "60 NodeNotReady node/node-2",
      expect.stringMatching(/^60 NodeNotReady pod\/kube-system\/coredns-/),
      "60 NodeNotReady pod/default/b",
      expect.stringMatching(/^60 EndpointRemoved endpointslice\/kube-system\/kube-dns-/),
      expect.stringMatching(/^60 EndpointRemoved endpointslice\/default\/web-/),
      "61 ProxyRulesSynced svc/kube-system/kube-dns",
      "61 ProxyRulesSynced svc/default/web",
    ]);
  });

  it("follows other settings: grace 20s and an instant kube-proxy end the window at 30", () => {
    const sim = run(SPREAD, {
      duration: "40s",
      settings: { nodeMonitorGracePeriod: "20s", kubeProxySyncPeriod: "0s" },
      traffic: [{ name: "np1", from: "external", to: "192.168.0.11:30080", rate: 100 }],
      events: [FAIL_NODE_2_AT_10],
    });
    expect(secondsWith(sim, "np1", "timeout")).toEqual(range(9, 29));
  });

  it("gives the data plane of each second: kube-proxy still lists the dead pod at 60, no longer at 61", () => {
    const sim = run(SPREAD, { duration: "80s", events: [FAIL_NODE_2_AT_10] });
    const ready = (t: number) =>
      stateAt(sim, t)
        .dataPlane.services.get("default/web")
        ?.ports[0]?.clusterEndpoints.map((e) => e.pod?.name);
    expect(ready(60)).toEqual(["a", "b"]);
    expect(ready(61)).toEqual(["a"]);
    expect(
      stateAt(sim, 60)
        .cluster.endpointSlices.find((s) => s.service === "svc/default/web")
        ?.endpoints.filter((e) => e.conditions.ready),
    ).toHaveLength(1);
  });

  it("shows the API's view at any second: Ready until the grace period ends, NotReady and tainted after", () => {
    const sim = run(SPREAD, { duration: "80s", events: [FAIL_NODE_2_AT_10] });
    const before = stateAt(sim, 59).cluster.nodes.find((n) => n.name === "node-2");
    const after = stateAt(sim, 60).cluster.nodes.find((n) => n.name === "node-2");
    expect(before).toMatchObject({ failed: true, ready: true });
    expect(after).toMatchObject({ failed: true, ready: false });
    expect(after?.taints.map((t) => `${t.key}:${t.effect}`)).toContain(
      "node.kubernetes.io/unreachable:NoExecute",
    );
    expect(stateAt(sim, 60).cluster.pods.find((p) => p.name === "b")?.ready).toBe(false);
  });
});
