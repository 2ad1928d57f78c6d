import { dump } from "js-yaml/browser";
import { describe, expect, it } from "vitest";
import { deployment, service } from "../cluster/testutil.ts";
import { iptablesRules, renderIptablesSave } from "./iptables.ts";
import { nftablesRules, renderNftables } from "./nftables.ts";
import { dataPlaneFromYaml, traceOf } from "./testing.ts";
import { createTrafficState } from "./traffic-state.ts";

const NODES = ["a", "b", "c"]
  .map(
    (zone, i) => `apiVersion: v1
kind: Node
metadata:
  name: node-${i + 1}
  labels: {topology.kubernetes.io/zone: zone-${zone}}
`,
  )
  .join("---\n");

function cluster(distribution: string | undefined, replicas = 3) {
  const client = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "client", namespace: "default" },
    spec: { nodeName: "node-1", containers: [{ name: "c", image: "busybox" }] },
  };
  const web = service("web", {
    selector: { app: "web" },
    ports: [{ port: 80 }],
    ...(distribution ? { trafficDistribution: distribution } : {}),
  });
  const objects = [deployment("web", replicas, { app: "web" }), client, web];
  return dataPlaneFromYaml([NODES, ...objects.map((o) => dump(o))].join("---\n"));
}

function endpoints(dp: ReturnType<typeof cluster>) {
  return dp.cluster.endpointSlices.filter((s) => s.service === "svc/default/web").flatMap((s) => s.endpoints);
}

/** The backends 60 requests from pod/default/client reach. */
function reached(dp: ReturnType<typeof cluster>): Set<string | null | undefined> {
  const state = createTrafficState(1);
  const out = new Set<string | null | undefined>();
  for (let i = 0; i < 60; i++) out.add(traceOf(dp, "pod/default/client", "http://web/", state).backend?.node);
  return out;
}

describe("EndpointSlice zones and hints (staging/src/k8s.io/endpointslice/trafficdist/trafficdist.go)", () => {
  it("copies each endpoint's node zone, and writes no hints without trafficDistribution", () => {
    const eps = endpoints(cluster(undefined));
    expect(eps.map((e) => e.zone).sort()).toEqual(["zone-a", "zone-b", "zone-c"]);
    expect(eps.every((e) => e.hints === undefined)).toBe(true);
  });

  it("PreferSameZone: hints.forZones names each ready endpoint's own zone, as the object shows it", () => {
    const dp = cluster("PreferSameZone");
    const slice = dp.cluster.endpointSlices.find((s) => s.service === "svc/default/web");
    const objects = (slice?.object.endpoints as { zone: string; hints: unknown }[]) ?? [];
    for (const e of objects) expect(e.hints).toEqual({ forZones: [{ name: e.zone }] });
  });

  it("PreferClose is read as its new name PreferSameZone (KEP-3015)", () => {
    expect(endpoints(cluster("PreferClose")).map((e) => e.hints)).toEqual(
      endpoints(cluster("PreferSameZone")).map((e) => e.hints),
    );
  });

  it("PreferSameNode: hints.forNodes and hints.forZones both (KEP-3015, a fallback for older kube-proxies)", () => {
    for (const e of endpoints(cluster("PreferSameNode")))
      expect(e.hints).toEqual({ forZones: [e.zone], forNodes: [e.nodeName] });
  });
});

describe("kube-proxy's choice (pkg/proxy/topology.go CategorizeEndpoints)", () => {
  it("without hints a pod reaches endpoints in every zone", () => {
    expect(reached(cluster(undefined)).size).toBe(3);
  });

  it("PreferSameZone: a pod on node-1 (zone-a) reaches only the endpoint in zone-a", () => {
    expect([...reached(cluster("PreferSameZone"))]).toEqual(["node/node-1"]);
  });

  it("the node's rules hold only its zone's endpoints (KUBE-SVC has one KUBE-SEP)", () => {
    const dp = cluster("PreferSameZone");
    const node = dp.cluster.nodes[1];
    if (!node) throw new Error("no node-2");
    const rules = renderIptablesSave(iptablesRules(dp, node), node);
    const seps = rules
      .split("\n")
      .filter((l) => l.startsWith("-A KUBE-SVC-") && l.includes("default/web") && l.includes("-j KUBE-SEP-"));
    expect(seps).toHaveLength(1);
  });

  it("in nftables mode too, the node's service chain dispatches only to its zone's endpoints (nftables proxier.go CategorizeEndpoints)", () => {
    const dp = cluster("PreferSameZone");
    const node = dp.cluster.nodes[1];
    if (!node) throw new Error("no node-2");
    const dispatch = renderNftables(nftablesRules(dp, node))
      .split("\n")
      .filter((l) => l.includes("numgen random mod") && l.includes("default/web/tcp/"));
    // One endpoint in zone-b: a random choice among one, where without the field it is among three.
    expect(dispatch).toHaveLength(1);
    expect(dispatch[0]).toContain("numgen random mod 1 vmap");
  });

  it("a zone with no endpoint ignores the hints: traffic goes to every endpoint (topologyModeFromHints)", () => {
    const dp = cluster("PreferSameZone", 2);
    const withPods = new Set(endpoints(dp).map((e) => e.nodeName));
    const node = dp.cluster.nodes.find((n) => !withPods.has(n.name));
    if (!node) throw new Error("every node has a replica");
    const rules = renderIptablesSave(iptablesRules(dp, node), node);
    expect(
      rules
        .split("\n")
        .filter(
          (l) => l.startsWith("-A KUBE-SVC-") && l.includes("default/web") && l.includes("-j KUBE-SEP-"),
        ),
    ).toHaveLength(2);
  });
});
