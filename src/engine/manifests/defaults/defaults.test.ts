import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types.ts";
import { defaultObject } from "./index.ts";

const svc = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "web" },
  spec,
});
const specOf = (o: KubeObject) => defaultObject(o).object.spec as Record<string, unknown>;

describe("defaultObject", () => {
  it("returns a new object and leaves its input untouched", () => {
    const input = svc({ ports: [{ port: 80 }] });
    const before = JSON.stringify(input);
    const { object } = defaultObject(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(object).not.toBe(input);
    expect(object.metadata.namespace).toBe("default");
  });

  // core/v1 defaults.go SetDefaults_Service
  it("defaults a Service as SetDefaults_Service and the Service registry do", () => {
    expect(specOf(svc({ ports: [{ port: 80 }] }))).toEqual({
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
      type: "ClusterIP",
      sessionAffinity: "None",
      internalTrafficPolicy: "Cluster",
      ipFamilyPolicy: "SingleStack",
      ipFamilies: ["IPv4"],
    });
  });

  it("defaults externalTrafficPolicy and allocateLoadBalancerNodePorts for a LoadBalancer", () => {
    expect(specOf(svc({ type: "LoadBalancer", ports: [{ port: 80 }] }))).toMatchObject({
      externalTrafficPolicy: "Cluster",
      allocateLoadBalancerNodePorts: true,
    });
    expect(specOf(svc({ type: "NodePort" })).externalTrafficPolicy).toBe("Cluster");
    expect(specOf(svc({ type: "NodePort" })).allocateLoadBalancerNodePorts).toBeUndefined();
  });

  it("keeps a named targetPort and defaults the ClientIP affinity timeout to 10800 s", () => {
    const spec = specOf(svc({ sessionAffinity: "ClientIP", ports: [{ port: 80, targetPort: "http" }] }));
    expect(spec.ports).toEqual([{ port: 80, protocol: "TCP", targetPort: "http" }]);
    expect(spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });

  it("mirrors clusterIP into clusterIPs, and gives an ExternalName no IP fields", () => {
    expect(specOf(svc({ clusterIP: "None" })).clusterIPs).toEqual(["None"]);
    const external = specOf(svc({ type: "ExternalName", externalName: "db.example.com" }));
    expect(external).toEqual({
      type: "ExternalName",
      externalName: "db.example.com",
      sessionAffinity: "None",
    });
  });

  // apps/v1 defaults.go SetDefaults_Deployment
  it("defaults a Deployment's replicas, strategy and pod template", () => {
    const deployment: KubeObject = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: {
        template: { spec: { containers: [{ name: "a", image: "nginx", ports: [{ containerPort: 80 }] }] } },
      },
    };
    const spec = specOf(deployment);
    expect(spec).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
      template: {
        spec: {
          restartPolicy: "Always",
          dnsPolicy: "ClusterFirst",
          containers: [{ imagePullPolicy: "Always", ports: [{ containerPort: 80, protocol: "TCP" }] }],
        },
      },
    });
  });

  // apps/v1 defaults.go SetDefaults_StatefulSet and SetDefaults_DaemonSet
  it("defaults StatefulSet and DaemonSet policies", () => {
    const base = { metadata: { name: "x" }, apiVersion: "apps/v1", spec: {} };
    expect(specOf({ ...base, kind: "StatefulSet" })).toMatchObject({
      replicas: 1,
      podManagementPolicy: "OrderedReady",
      updateStrategy: { type: "RollingUpdate" },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
    });
    expect(specOf({ ...base, kind: "DaemonSet" })).toMatchObject({
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    });
    expect(specOf({ ...base, kind: "DaemonSet" }).replicas).toBeUndefined();
  });

  // core/v1 defaults.go SetDefaults_Pod: host networking makes container ports host ports
  it("defaults a Pod's ports and, with hostNetwork, its hostPorts", () => {
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p" },
      spec: {
        hostNetwork: true,
        containers: [{ name: "a", image: "nginx:1.27", ports: [{ containerPort: 80 }] }],
      },
    };
    expect(specOf(pod)).toMatchObject({
      enableServiceLinks: true,
      containers: [
        { imagePullPolicy: "IfNotPresent", ports: [{ containerPort: 80, hostPort: 80, protocol: "TCP" }] },
      ],
    });
  });

  it("defaults Endpoints and EndpointSlice port protocols, a Secret's type and a Namespace's name label", () => {
    const endpoints = defaultObject({
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "e" },
      subsets: [{ ports: [{ port: 1 }] }],
    });
    expect(endpoints.object.subsets).toEqual([{ ports: [{ port: 1, protocol: "TCP" }] }]);
    const slice = defaultObject({
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "s" },
      ports: [{ port: 1 }],
    });
    expect(slice.object.ports).toEqual([{ port: 1, protocol: "TCP", name: "" }]);
    expect(defaultObject({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" } }).object.type).toBe(
      "Opaque",
    );
    const ns = defaultObject({ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } });
    expect(ns.object.metadata).toEqual({ name: "shop", labels: { "kubernetes.io/metadata.name": "shop" } });
  });

  it("leaves kinds it does not simulate as they are", () => {
    const cm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } };
    expect(defaultObject(cm).object).toEqual(cm);
  });

  it("skips fields of the wrong type instead of failing", () => {
    expect(() => defaultObject(svc({ ports: "80", type: 5 }))).not.toThrow();
    expect(() =>
      defaultObject({
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "d" },
        spec: { strategy: 3, template: [] },
      }),
    ).not.toThrow();
  });
});
