import { describe, expect, it } from "vitest";
import { dataPlaneFromYaml, detailOf, traceOf } from "../network/testing.ts";
import { createTrafficState } from "../network/traffic-state.ts";
import { ZONE_LABEL } from "./controllers/endpointSlices.ts";
import { autoHints, cpuMillis, cpuRatiosByZone, hintsEnabled } from "./topologyHints.ts";
import type { EndpointState, NodeState } from "./types.ts";

function node(name: string, zone: string | undefined, cpu?: string, labels: Record<string, string> = {}) {
  return {
    name,
    ready: true,
    labels: { ...(zone ? { [ZONE_LABEL]: zone } : {}), ...labels },
    object: { status: cpu ? { allocatable: { cpu } } : {} },
  } as unknown as NodeState;
}

function endpoint(zone: string | undefined, ready = true): EndpointState {
  return {
    addresses: ["10.0.0.1"],
    conditions: { ready, serving: ready, terminating: false },
    ...(zone ? { zone } : {}),
  };
}

// pkg/controller/endpointslice/reconciler.go hintsEnabled: topology-aware-hints wins over
// topology-mode; only "Auto" and "auto" enable hints.
describe("hintsEnabled (endpointslice reconciler.go)", () => {
  it("topology-mode Auto or auto enables hints; other values do not", () => {
    expect(hintsEnabled({ "service.kubernetes.io/topology-mode": "Auto" })).toBe(true);
    expect(hintsEnabled({ "service.kubernetes.io/topology-mode": "auto" })).toBe(true);
    expect(hintsEnabled({ "service.kubernetes.io/topology-mode": "PreferZone" })).toBe(false);
    expect(hintsEnabled(undefined)).toBe(false);
  });

  it("the deprecated topology-aware-hints annotation takes precedence when both are set", () => {
    expect(
      hintsEnabled({
        "service.kubernetes.io/topology-aware-hints": "Disabled",
        "service.kubernetes.io/topology-mode": "Auto",
      }),
    ).toBe(false);
  });
});

// pkg/controller/endpointslice/topologycache/topologycache.go SetNodes.
describe("cpuRatiosByZone (topologycache.go SetNodes)", () => {
  it("each zone's share of the ready nodes' allocatable CPU", () => {
    const ratios = cpuRatiosByZone(
      [node("a1", "a", "4"), node("a2", "a", "2000m"), node("b1", "b", "2")],
      ZONE_LABEL,
    );
    expect(Object.fromEntries(ratios ?? [])).toEqual({ a: 0.75, b: 0.25 });
  });

  it("control-plane nodes do not count (hasExcludedLabels)", () => {
    const cp = node("cp", "c", "8", { "node-role.kubernetes.io/control-plane": "" });
    expect([...(cpuRatiosByZone([node("a1", "a"), node("b1", "b"), cp], ZONE_LABEL)?.keys() ?? [])]).toEqual([
      "a",
      "b",
    ]);
  });

  it("a ready node without a zone, or nodes in one zone only, leave no ratios (insufficient node info)", () => {
    expect(cpuRatiosByZone([node("a1", "a"), node("x", undefined)], ZONE_LABEL)).toBeUndefined();
    expect(cpuRatiosByZone([node("a1", "a"), node("a2", "a")], ZONE_LABEL)).toBeUndefined();
  });

  it("reads CPU quantities as the API writes them", () => {
    expect([cpuMillis("2"), cpuMillis("1500m"), cpuMillis("0.5"), cpuMillis("lots")]).toEqual([
      2000,
      1500,
      500,
      undefined,
    ]);
  });
});

// topologycache.go AddHints and getAllocations, utils.go getGivingAndReceivingZones / redistributeHints.
describe("autoHints (topologycache.go AddHints)", () => {
  const twoToOne = new Map([
    ["a", 2 / 3],
    ["b", 1 / 3],
  ]);

  it("each ready endpoint is hinted for its own zone when the zones already hold their CPU share", () => {
    expect(autoHints([endpoint("a"), endpoint("b"), endpoint("a")], twoToOne)).toEqual(["a", "b", "a"]);
  });

  it("a zone with more than its share gives endpoints to a zone with less (redistributeHints)", () => {
    // 3 endpoints, all in a: a should get 2, b 1, so the first endpoint of a is hinted for b.
    expect(autoHints([endpoint("a"), endpoint("a"), endpoint("a")], twoToOne)).toEqual(["b", "a", "a"]);
  });

  it("not-ready endpoints get no hint", () => {
    expect(autoHints([endpoint("a"), endpoint("b"), endpoint("a"), endpoint("b", false)], twoToOne)).toEqual([
      "a",
      "b",
      "a",
      undefined,
    ]);
  });

  it("safeguards remove every hint: fewer endpoints than zones, the overload threshold, an endpoint without a zone, no node info", () => {
    const even = new Map([
      ["a", 0.5],
      ["b", 0.5],
    ]);
    expect(autoHints([endpoint("a")], even)).toBe("InsufficientNumberOfEndpoints");
    // desired 1.5 each, minimum ceil(1.5 / 1.2) = 2 each: 4 needed of 3 (overloadThreshold 0.2).
    expect(autoHints([endpoint("a"), endpoint("a"), endpoint("b")], even)).toBe(
      "MinAllocationExceedsOverloadThreshold",
    );
    expect(autoHints([endpoint("a"), endpoint(undefined)], even)).toBe("NoZoneSpecified");
    expect(autoHints([endpoint("a"), endpoint("b")], undefined)).toBe("InsufficientNodeInfo");
  });
});

const ZONES = `
apiVersion: v1
kind: Node
metadata: {name: node-1, labels: {topology.kubernetes.io/zone: us-east-1a}}
---
apiVersion: v1
kind: Node
metadata: {name: node-2, labels: {topology.kubernetes.io/zone: us-east-1a}}
---
apiVersion: v1
kind: Node
metadata: {name: node-3, labels: {topology.kubernetes.io/zone: us-east-1b}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 3
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: agnhost, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {nodeName: node-1, containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, annotations: {service.kubernetes.io/topology-mode: Auto}}
spec:
  trafficDistribution: PreferSameNode
  selector: {app: api}
  ports: [{port: 80, targetPort: 8080}]
`;

describe("topology-mode Auto in EndpointSlices and traces", () => {
  it("the EndpointSlice controller writes zone hints only, even beside trafficDistribution (the annotation takes precedence)", () => {
    const dp = dataPlaneFromYaml(ZONES);
    const slice = dp.cluster.endpointSlices.find((s) => s.service === "svc/default/api");
    const hints = slice?.endpoints.map((e) => [e.zone, e.hints]);
    expect(hints).toHaveLength(3);
    for (const [zone, hint] of hints ?? []) expect(hint).toEqual({ forZones: [zone], forNodes: [] });
  });

  it("kube-proxy on node-1 picks only us-east-1a endpoints, and the hop says why", () => {
    const dp = dataPlaneFromYaml(ZONES);
    const trace = traceOf(dp, "pod/default/client", "http://api/");
    const hop = trace.hops.find((h) => h.at === "svc/default/api" && h.kind === "route");
    expect(detailOf(hop)).toContain(
      "kube-proxy on node-1 (zone us-east-1a) follows the EndpointSlice hints (topology-mode Auto",
    );
    expect(detailOf(hop)).toContain("2 of 3 ready endpoint(s) are hinted for us-east-1a");
    expect(hop?.cause?.field).toBe("metadata.annotations");
  });

  it("a safeguard tripped: the hop names the TopologyAwareHintsDisabled reason and every endpoint is used", () => {
    // One replica for two zones: fewer endpoints than zones.
    const dp = dataPlaneFromYaml(ZONES.replace("replicas: 3", "replicas: 1"));
    const trace = traceOf(dp, "pod/default/client", "http://api/");
    const hop = trace.hops.find((h) => h.at === "svc/default/api" && h.kind === "route");
    expect(detailOf(hop)).toContain("TopologyAwareHintsDisabled: Insufficient number of endpoints");
  });

  it("a hop between nodes of two zones says it crosses from one zone to the other", () => {
    const yaml = ZONES.replace(
      "metadata: {name: api, annotations: {service.kubernetes.io/topology-mode: Auto}}",
      "metadata: {name: api}",
    ).replace("  trafficDistribution: PreferSameNode\n", "");
    const dp = dataPlaneFromYaml(yaml);
    const state = createTrafficState(1);
    const texts = Array.from({ length: 12 }, () =>
      traceOf(dp, "pod/default/client", "http://api/", state).hops.map(detailOf),
    ).flat();
    expect(dp.cluster.endpointSlices.some((s) => s.endpoints.some((e) => e.hints))).toBe(false);
    expect(texts.some((t) => t.includes("crossing from zone us-east-1a to zone us-east-1b"))).toBe(true);
    expect(texts.some((t) => t.includes("crossing from zone us-east-1a to zone us-east-1a"))).toBe(false);
  });
});
