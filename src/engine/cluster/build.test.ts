import { describe, expect, it } from "vitest";
import type { KubeObject } from "../manifests/types.ts";
import { buildCluster } from "./build.ts";
import { deployment, service, sourced } from "./testutil.ts";

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
});
