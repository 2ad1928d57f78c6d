import { describe, expect, it } from "vitest";
import type { KubeObject } from "../manifests/types.ts";
import { buildCluster } from "./build.ts";
import { deployment, service, sourced } from "./testutil.ts";
import type { Cluster } from "./types.ts";

const ingress: KubeObject = {
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name: "web", namespace: "default" },
  spec: { rules: [{ host: "shop.example", http: { paths: [] } }] },
};

const objects = sourced([
  deployment("web", 3, { app: "web" }),
  service("web", { type: "LoadBalancer", selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] }),
  ingress,
]);

describe("buildCluster", () => {
  it("is deterministic for a seed and changes pod names with it", () => {
    expect(buildCluster(objects)).toEqual(buildCluster(objects));
    const names = (seed: number) => buildCluster(objects, { settings: { seed } }).pods.map((p) => p.name);
    expect(names(1)).not.toEqual(names(2));
  });

  it("keeps Ingresses (with the status their controller wrote), workloads and other kinds in objects", () => {
    const cluster = buildCluster(objects);
    expect(cluster.objects.map((o) => `${o.object.kind}/${o.object.metadata.name}`)).toEqual(
      expect.arrayContaining(["Deployment/coredns", "Deployment/web", "Ingress/web"]),
    );
    // No IngressClass serves it, so its status stays empty.
    expect(cluster.objects.find((o) => o.object.kind === "Ingress")?.object).toEqual({
      ...ingress,
      status: { loadBalancer: {} },
    });
  });

  it("produces objects that survive a JSON round trip, as `kubectl get -o json` prints them", () => {
    const cluster = buildCluster(objects);
    for (const object of [
      ...cluster.pods,
      ...cluster.services,
      ...cluster.endpointSlices,
      ...cluster.nodes,
    ].map((s) => s.object)) {
      expect(JSON.parse(JSON.stringify(object))).toEqual(object);
    }
  });

  it("uses the settings it is given", () => {
    const cluster = buildCluster(objects, {
      settings: { serviceCIDR: "10.0.0.0/16", loadBalancerCIDR: "203.0.113.0/24" },
    });
    const web = cluster.services.find((s) => s.ref === "svc/default/web");
    expect(web?.clusterIP?.startsWith("10.0.")).toBe(true);
    expect(web?.loadBalancerIPs).toEqual(["203.0.113.10"]);
    expect(cluster.services.find((s) => s.name === "kubernetes")?.clusterIP).toBe("10.0.0.1");
  });

  describe("with the previous cluster", () => {
    const statefulSet: KubeObject = {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "db", namespace: "default" },
      spec: {
        replicas: 2,
        serviceName: "db",
        selector: { matchLabels: { app: "db" } },
        template: {
          metadata: { labels: { app: "db" } },
          spec: { containers: [{ name: "db", image: "postgres" }] },
        },
      },
    };
    const manifests = (replicas: number) =>
      sourced([deployment("web", replicas, { app: "web" }), statefulSet]);
    const places = (cluster: Cluster) =>
      new Map(cluster.pods.map((p) => [p.ref, { nodeName: p.nodeName, podIP: p.podIP, hostIP: p.hostIP }]));

    it("scaling one Deployment keeps every running pod of every workload on its node with its IP", () => {
      const before = buildCluster(manifests(3));
      const after = buildCluster(manifests(5), { previous: before });
      const now = places(after);
      for (const [ref, place] of places(before)) expect(now.get(ref)).toEqual(place);
      expect(after.pods.filter((p) => p.owner === "deployment/default/web")).toHaveLength(5);
      // Scheduled from scratch, the StatefulSet's pods would move: the manifest order spreads them elsewhere.
      const fresh = places(buildCluster(manifests(5)));
      expect(before.pods.some((p) => fresh.get(p.ref)?.podIP !== p.podIP)).toBe(true);
    });

    it("a new pod does not take a kept pod's IP", () => {
      const before = buildCluster(manifests(3));
      const after = buildCluster(manifests(5), { previous: before });
      const keptIPs = new Set(before.pods.flatMap((p) => (p.hostNetwork || !p.podIP ? [] : [p.podIP])));
      const added = after.pods.filter((p) => !before.pods.some((b) => b.ref === p.ref));
      expect(added).toHaveLength(2);
      for (const pod of added) expect(keptIPs.has(pod.podIP ?? "")).toBe(false);
      const ips = after.pods.flatMap((p) => (p.hostNetwork || !p.podIP ? [] : [p.podIP]));
      expect(new Set(ips).size).toBe(ips.length);
    });

    it("counts the kept pods when spreading the new ones", () => {
      const before = buildCluster(manifests(3));
      const after = buildCluster(manifests(6), { previous: before });
      const perNode = (cluster: Cluster) =>
        cluster.nodes.map((n) => cluster.pods.filter((p) => p.nodeName === n.name).length);
      // Three more pods on three nodes: one each, wherever the earlier ones were.
      expect(perNode(after)).toEqual(perNode(before).map((n) => n + 1));
    });

    it("gives a pod whose template changed a new name, scheduled as a new pod", () => {
      const before = buildCluster(manifests(3));
      const changed = sourced([deployment("web", 3, { app: "web" }, { hostname: "changed" }), statefulSet]);
      const after = buildCluster(changed, { previous: before });
      const webRefs = (cluster: Cluster) =>
        cluster.pods.filter((p) => p.owner === "deployment/default/web").map((p) => p.ref);
      expect(webRefs(after).some((ref) => webRefs(before).includes(ref))).toBe(false);
    });

    it("leaves the pods of a failed node where they are, not Ready", () => {
      const before = buildCluster(manifests(3));
      const after = buildCluster(manifests(5), { previous: before, failedNodes: ["node-2"] });
      const now = places(after);
      for (const [ref, place] of places(before)) expect(now.get(ref)).toEqual(place);
      const onNode2 = after.pods.filter((p) => p.nodeName === "node-2");
      expect(onNode2.length).toBeGreaterThan(0);
      expect(onNode2.every((p) => !p.ready)).toBe(true);
    });

    it("keeps new pods off a failed node: its unreachable NoSchedule taint (taint-based eviction docs)", () => {
      const before = buildCluster(manifests(3), { failedNodes: ["node-2"] });
      const after = buildCluster(manifests(9), { previous: before, failedNodes: ["node-2"] });
      const existing = new Set(before.pods.map((p) => p.ref));
      const added = after.pods.filter((p) => !existing.has(p.ref));
      expect(added.length).toBeGreaterThan(0);
      expect(added.every((p) => p.nodeName !== null && p.nodeName !== "node-2")).toBe(true);
      expect(after.pods.filter((p) => p.nodeName === "node-2").every((p) => existing.has(p.ref))).toBe(true);
    });

    it("schedules anew a pod whose node is gone", () => {
      const node = (name: string): KubeObject => ({ apiVersion: "v1", kind: "Node", metadata: { name } });
      const before = buildCluster(sourced([node("a"), node("b"), deployment("web", 2, { app: "web" })]));
      const after = buildCluster(sourced([node("a"), deployment("web", 2, { app: "web" })]), {
        previous: before,
      });
      const web = (cluster: Cluster) => cluster.pods.filter((p) => p.owner === "deployment/default/web");
      expect(web(before).map((p) => p.nodeName)).toContain("b");
      expect(web(after).every((p) => p.nodeName === "a")).toBe(true);
      const ips = after.pods.flatMap((p) => (p.hostNetwork || !p.podIP ? [] : [p.podIP]));
      expect(new Set(ips).size).toBe(ips.length);
    });
  });
});
