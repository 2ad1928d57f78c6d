import { describe, expect, it } from "vitest";
import { eventLines, range, run, secondsWith, stateAt } from "./testing.ts";

const WEB = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

const VIA_LB = { name: "lb", from: "external", to: "http://198.51.100.10/", rate: 50 };

function webPods(sim: ReturnType<typeof run>, t: number) {
  return stateAt(sim, t).cluster.pods.filter((p) => p.namespace === "default" && p.name.startsWith("web-"));
}

describe("simulate: externalTrafficPolicy Local (healthCheckNodePort answers 200 only where a ready endpoint runs)", () => {
  it("keeps only the nodes with a ready local endpoint in the pool from the start", () => {
    const sim = run(WEB, { duration: "5s", traffic: [VIA_LB] });
    const nodes = webPods(sim, 0).map((p) => p.nodeName);
    const healthy = stateAt(sim, 0)
      .lbHealth[0]?.backends.filter((b) => b.healthy)
      .map((b) => b.node);
    expect(healthy?.sort()).toEqual([...new Set(nodes)].sort());
    expect(stateAt(sim, 0).lbHealth[0]?.check.port).toBe(
      stateAt(sim, 0).cluster.services.find((s) => s.name === "web")?.healthCheckNodePort,
    );
    expect(secondsWith(sim, "lb", "timeout")).toEqual([]);
  });

  it("ejects a node whose only endpoint stops being ready: 503 at the checks at 8, 16 and 24", () => {
    const first = run(WEB, { duration: "1s" });
    const pod = webPods(first, 0)[0];
    const sim = run(WEB, {
      duration: "30s",
      traffic: [VIA_LB],
      events: [{ at: "5s", action: "set-ready", target: pod?.ref, ready: false }],
    });
    expect(
      eventLines(sim, ["Unhealthy", "EndpointRemoved", "ProxyRulesSynced", "LoadBalancerBackendRemoved"]),
    ).toEqual([
      `5 Unhealthy ${pod?.ref}`,
      expect.stringMatching(/^5 EndpointRemoved endpointslice\/default\/web-/),
      "6 ProxyRulesSynced svc/default/web",
      "24 LoadBalancerBackendRemoved lb/default/web",
    ]);
    // Until then kube-proxy on that node DROPs (no local endpoint): the load balancer's requests there time out.
    expect(secondsWith(sim, "lb", "timeout")).toEqual(range(6, 23));
  });
});

describe("simulate: workload controllers", () => {
  it("scales a Deployment up: new pods named by the ReplicaSet, scheduled, their endpoints added, kube-proxy synced", () => {
    const sim = run(WEB, {
      duration: "10s",
      events: [{ at: "2s", action: "scale", target: "deployment/default/web", replicas: 4 }],
    });
    expect(webPods(sim, 1)).toHaveLength(2);
    const after = webPods(sim, 2);
    expect(after).toHaveLength(4);
    const prefix = after[0]?.name.slice(0, -5);
    expect(after.every((p) => p.name.startsWith(prefix ?? "?"))).toBe(true);
    expect(new Set(after.map((p) => p.podIP)).size).toBe(4);
    expect(
      eventLines(sim, [
        "ScalingReplicaSet",
        "SuccessfulCreate",
        "PodScheduled",
        "EndpointAdded",
        "ProxyRulesSynced",
      ]),
    ).toEqual([
      "2 ScalingReplicaSet deployment/default/web",
      expect.stringMatching(/^2 SuccessfulCreate replicaset\/default\/web-/),
      expect.stringMatching(/^2 PodScheduled pod\/default\/web-/),
      expect.stringMatching(/^2 SuccessfulCreate replicaset\/default\/web-/),
      expect.stringMatching(/^2 PodScheduled pod\/default\/web-/),
      expect.stringMatching(/^2 EndpointAdded endpointslice\/default\/web-/),
      expect.stringMatching(/^2 EndpointAdded endpointslice\/default\/web-/),
      "3 ProxyRulesSynced svc/default/web",
    ]);
  });

  it("scales down, newest pods first (ReplicaSet getPodsToDelete)", () => {
    const sim = run(WEB, {
      duration: "10s",
      events: [
        { at: "1s", action: "scale", target: "deployment/default/web", replicas: 3 },
        { at: "2s", action: "scale", target: "deployment/default/web", replicas: 1 },
      ],
    });
    expect(webPods(sim, 2).map((p) => p.name)).toEqual([webPods(sim, 0)[0]?.name]);
  });

  it("replaces a deleted Deployment pod at once", () => {
    const first = run(WEB, { duration: "1s" });
    const victim = webPods(first, 0)[0];
    const sim = run(WEB, {
      duration: "5s",
      events: [{ at: "1s", action: "delete-pod", target: victim?.ref }],
    });
    const after = webPods(sim, 1);
    expect(after).toHaveLength(2);
    expect(after.map((p) => p.ref)).not.toContain(victim?.ref);
    expect(eventLines(sim, ["Killing"])).toEqual([`1 Killing ${victim?.ref}`]);
  });
});

describe("simulate: output", () => {
  it("gives one bucket a second a stream, in order, counting every request", () => {
    const sim = run(WEB.replace("Local", "Cluster"), {
      duration: "3s",
      traffic: [VIA_LB, { name: "slow", from: "external", to: "http://198.51.100.10/", rate: 0.5 }],
    });
    expect(sim.buckets.map((b) => `${b.t}/${b.stream}`)).toEqual([
      "0/lb",
      "0/slow",
      "1/lb",
      "1/slow",
      "2/lb",
      "2/slow",
    ]);
    expect(sim.buckets.filter((b) => b.stream === "lb").map((b) => b.outcomes.delivered)).toEqual([
      50, 50, 50,
    ]);
    expect(sim.buckets.filter((b) => b.stream === "slow").map((b) => b.outcomes.delivered ?? 0)).toEqual([
      1, 0, 1,
    ]);
  });

  it("is deterministic for a seed and differs between seeds only in the random picks", () => {
    const spec = {
      duration: "20s",
      traffic: [VIA_LB],
      events: [{ at: "2s", action: "fail-node", target: "node/node-2" }],
    };
    const a = run(WEB.replace("Local", "Cluster"), spec, 7);
    const b = run(WEB.replace("Local", "Cluster"), spec, 7);
    expect(a.buckets).toEqual(b.buckets);
    expect(a.events).toEqual(b.events);
  });
});
