import { describe, expect, it } from "vitest";
import { buildServices } from "./services.ts";
import { resolveSettings } from "./settings.ts";
import { service, sourced } from "./testutil.ts";

const settings = resolveSettings();

function one(spec: Record<string, unknown>) {
  const { services } = buildServices(sourced([service("s", spec)]), settings);
  const [svc] = services;
  if (!svc) throw new Error("no service");
  return svc;
}

describe("buildServices", () => {
  it("reads a ClusterIP Service with the API server's defaults and writes clusterIP(s) and ipFamilies", () => {
    const svc = one({ selector: { app: "web" }, ports: [{ port: 80 }] });
    expect(svc).toMatchObject({
      type: "ClusterIP",
      headless: false,
      selector: { app: "web" },
      ports: [{ protocol: "TCP", port: 80, targetPort: 80 }],
      internalTrafficPolicy: "Cluster",
      sessionAffinity: "None",
      publishNotReadyAddresses: false,
    });
    expect(svc.object.spec).toMatchObject({
      clusterIP: svc.clusterIP,
      clusterIPs: [svc.clusterIP],
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
    });
    expect(svc.object.status).toEqual({ loadBalancer: {} });
  });

  it("gives NodePort Services a nodePort per port, shown in spec.ports[].nodePort", () => {
    const svc = one({
      type: "NodePort",
      selector: { app: "web" },
      ports: [
        { port: 80, nodePort: 30080 },
        { name: "b", port: 81 },
      ],
    });
    expect(svc.ports[0]?.nodePort).toBe(30080);
    expect(svc.ports[1]?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(((svc.object.spec?.ports ?? []) as { nodePort: number }[]).map((p) => p.nodePort)).toEqual(
      svc.ports.map((p) => p.nodePort),
    );
    expect(svc.externalTrafficPolicy).toBe("Cluster");
  });

  it("writes a LoadBalancer's address to status.loadBalancer.ingress[0].ip and loadBalancerIPs", () => {
    const svc = one({ type: "LoadBalancer", selector: { app: "web" }, ports: [{ port: 80 }] });
    expect(svc.loadBalancerIPs).toEqual(["198.51.100.10"]);
    expect(svc.object.status).toEqual({
      loadBalancer: { ingress: [{ ip: "198.51.100.10", ipMode: "VIP" }] },
    });
    expect(svc.ports[0]?.nodePort).toBeDefined();
  });

  it("honours spec.loadBalancerIP", () => {
    expect(
      one({ type: "LoadBalancer", loadBalancerIP: "198.51.100.77", ports: [{ port: 80 }] }).loadBalancerIPs,
    ).toEqual(["198.51.100.77"]);
  });

  it("gives a LoadBalancer with allocateLoadBalancerNodePorts false no nodePorts", () => {
    const svc = one({ type: "LoadBalancer", allocateLoadBalancerNodePorts: false, ports: [{ port: 80 }] });
    expect(svc.ports[0]?.nodePort).toBeUndefined();
  });

  it("gives a LoadBalancer with externalTrafficPolicy Local a healthCheckNodePort (storage/alloc.go needsHCNodePort)", () => {
    const svc = one({ type: "LoadBalancer", externalTrafficPolicy: "Local", ports: [{ port: 80 }] });
    expect(svc.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(svc.object.spec?.healthCheckNodePort).toBe(svc.healthCheckNodePort);
    expect(
      one({ type: "NodePort", externalTrafficPolicy: "Local", ports: [{ port: 80 }] }).healthCheckNodePort,
    ).toBeUndefined();
  });

  it("treats clusterIP None as headless and ExternalName as having no ClusterIP and no selector", () => {
    expect(one({ clusterIP: "None", selector: { app: "db" }, ports: [{ port: 5432 }] })).toMatchObject({
      clusterIP: "None",
      headless: true,
    });
    const ext = one({ type: "ExternalName", externalName: "db.example.com" });
    expect(ext).toMatchObject({ clusterIP: null, externalName: "db.example.com", selector: null });
    expect(ext.object.spec?.clusterIP).toBeUndefined();
  });

  it("treats an empty selector as none, as the API's storage round trip does", () => {
    expect(one({ selector: {}, ports: [{ port: 80 }] }).selector).toBeNull();
  });

  it("defaults the ClientIP affinity timeout to 10800 s (defaults.go)", () => {
    expect(one({ sessionAffinity: "ClientIP", ports: [{ port: 80 }] }).sessionAffinityTimeoutSeconds).toBe(
      10800,
    );
  });
});
