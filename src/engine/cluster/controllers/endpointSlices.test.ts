import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../manifests/types.ts";
import { buildCluster } from "../build.ts";
import { deployment, service, sourced, statefulSet } from "../testutil.ts";
import {
  ENDPOINTSLICE_CONTROLLER,
  endpointChanges,
  MAX_ENDPOINTS_PER_SLICE,
  syncEndpointSlices,
} from "./endpointSlices.ts";

function pod(
  name: string,
  labels: Record<string, string>,
  extra: { ports?: unknown[]; annotations?: Record<string, string>; spec?: Record<string, unknown> } = {},
): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "default",
      labels,
      ...(extra.annotations ? { annotations: extra.annotations } : {}),
    },
    spec: { containers: [{ name: "c", ports: extra.ports ?? [] }], ...extra.spec },
  };
}

function slicesOf(objects: KubeObject[], ref = "svc/default/web") {
  return buildCluster(sourced(objects)).endpointSlices.filter((s) => s.service === ref);
}

describe("EndpointSlice controller", () => {
  it("writes slices <svc>-<5 chars> labelled with the service name and the controller, owned by the Service", () => {
    const [slice, ...rest] = slicesOf([
      deployment("web", 2, { app: "web" }),
      service("web", { selector: { app: "web" }, ports: [{ port: 80 }] }),
    ]);
    expect(rest).toEqual([]);
    expect(slice?.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice?.managedBy).toBe(ENDPOINTSLICE_CONTROLLER);
    expect(slice?.object).toMatchObject({
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: {
        name: slice?.name,
        generateName: "web-",
        labels: {
          "kubernetes.io/service-name": "web",
          "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
        },
        ownerReferences: [{ kind: "Service", name: "web", controller: true }],
      },
      addressType: "IPv4",
      ports: [{ name: "", port: 80, protocol: "TCP" }],
    });
    expect(slice?.endpoints).toHaveLength(2);
    expect(slice?.endpoints[0]).toMatchObject({
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: expect.any(String),
    });
    expect(slice?.endpoints[0]?.targetRef).toMatch(/^pod\/default\/web-/);
  });

  it("marks not-ready pods ready=false serving=false, and publishNotReadyAddresses makes them ready=true", () => {
    const objects = [pod("p", { app: "web" }, { annotations: { "svclab.dev/ready": "false" } })];
    const plain = slicesOf([...objects, service("web", { selector: { app: "web" }, ports: [{ port: 80 }] })]);
    expect(plain[0]?.endpoints[0]?.conditions).toEqual({ ready: false, serving: false, terminating: false });
    const published = slicesOf([
      ...objects,
      service("web", { selector: { app: "web" }, publishNotReadyAddresses: true, ports: [{ port: 80 }] }),
    ]);
    expect(published[0]?.endpoints[0]?.conditions).toEqual({
      ready: true,
      serving: false,
      terminating: false,
    });
  });

  it("leaves out pods without an IP (ShouldPodBeInEndpoints), keeping one empty placeholder slice", () => {
    const slices = slicesOf([
      pod("p", { app: "web" }, { spec: { nodeSelector: { no: "where" } } }),
      service("web", { selector: { app: "web" }, ports: [{ port: 80 }] }),
    ]);
    expect(slices).toHaveLength(1);
    expect(slices[0]).toMatchObject({ endpoints: [], ports: [] });
  });

  it("resolves a named targetPort in each pod, putting pods with different numbers in different slices (reconciler PortMapKey)", () => {
    const slices = slicesOf([
      pod("a", { app: "web" }, { ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }] }),
      pod("b", { app: "web" }, { ports: [{ name: "http", containerPort: 9090, protocol: "TCP" }] }),
      pod("c", { app: "web" }, { ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }] }),
      service("web", { selector: { app: "web" }, ports: [{ name: "web", port: 80, targetPort: "http" }] }),
    ]);
    expect(slices.map((s) => [s.ports, s.endpoints.map((e) => e.targetRef)])).toEqual([
      [[{ name: "web", port: 8080, protocol: "TCP" }], ["pod/default/a", "pod/default/c"]],
      [[{ name: "web", port: 9090, protocol: "TCP" }], ["pod/default/b"]],
    ]);
  });

  it("leaves a pod without the named port out of that port's endpoints (getEndpointPorts skips it)", () => {
    const slices = slicesOf([
      pod("a", { app: "web" }, { ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }] }),
      pod("b", { app: "web" }, { ports: [{ name: "http", containerPort: 8080, protocol: "UDP" }] }),
      service("web", { selector: { app: "web" }, ports: [{ port: 80, targetPort: "http" }] }),
    ]);
    const withPort = slices.filter((s) => s.ports.length > 0);
    expect(withPort.flatMap((s) => s.endpoints.map((e) => e.targetRef))).toEqual(["pod/default/a"]);
    // The real controller still lists the pod, in a slice with no ports, which kube-proxy cannot route to.
    expect(slices.find((s) => s.ports.length === 0)?.endpoints.map((e) => e.targetRef)).toEqual([
      "pod/default/b",
    ]);
  });

  it("puts at most 100 endpoints in a slice (--max-endpoints-per-slice)", () => {
    const slices = slicesOf([
      deployment("web", 250, { app: "web" }),
      service("web", { selector: { app: "web" }, ports: [{ port: 80 }] }),
    ]);
    expect(slices.map((s) => s.endpoints.length)).toEqual([
      MAX_ENDPOINTS_PER_SLICE,
      MAX_ENDPOINTS_PER_SLICE,
      50,
    ]);
    expect(new Set(slices.map((s) => s.name)).size).toBe(3);
  });

  it("sets hostname only for pods whose subdomain is the Service's name (podToEndpoint)", () => {
    const objects = [
      statefulSet("db", 2),
      service("db", { clusterIP: "None", selector: { app: "db" }, ports: [{ port: 5432 }] }),
      service("db-ro", { selector: { app: "db" }, ports: [{ port: 5432 }] }),
    ];
    const [headless] = slicesOf(objects, "svc/default/db");
    expect(headless?.endpoints.map((e) => e.hostname)).toEqual(["db-0", "db-1"]);
    expect(headless?.object.metadata.labels?.["service.kubernetes.io/headless"]).toBe("");
    expect(slicesOf(objects, "svc/default/db-ro")[0]?.endpoints.map((e) => e.hostname)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it("selects only pods of the Service's namespace", () => {
    const other = {
      ...pod("x", { app: "web" }),
      metadata: { name: "x", namespace: "other", labels: { app: "web" } },
    };
    const slices = slicesOf([
      other,
      pod("y", { app: "web" }),
      service("web", { selector: { app: "web" }, ports: [{ port: 80 }] }),
    ]);
    expect(slices[0]?.endpoints.map((e) => e.targetRef)).toEqual(["pod/default/y"]);
  });

  it("writes no slices for selector-less and ExternalName Services", () => {
    expect(slicesOf([pod("p", { app: "web" }), service("web", { ports: [{ port: 80 }] })])).toEqual([]);
    expect(
      slicesOf([
        pod("p", { app: "web" }),
        service("web", { type: "ExternalName", externalName: "example.com" }),
      ]),
    ).toEqual([]);
  });

  it("keeps slice names when unrelated Services change", () => {
    const web = [
      deployment("web", 1, { app: "web" }),
      service("web", { selector: { app: "web" }, ports: [{ port: 80 }] }),
    ];
    const before = slicesOf(web).map((s) => s.name);
    expect(
      slicesOf([service("api", { selector: { app: "api" }, ports: [{ port: 80 }] }), ...web]).map(
        (s) => s.name,
      ),
    ).toEqual(before);
  });
});

describe("endpointChanges (the simulator's EndpointAdded/EndpointRemoved over the controller's runs)", () => {
  const objects = sourced([
    deployment("web", 3, { app: "web" }),
    service("web", { selector: { app: "web" }, ports: [{ port: 80 }] }),
  ]);
  const cluster = buildCluster(objects);
  const failed = buildCluster(objects, { failedNodes: ["node-2"] });
  const web = (slices: typeof cluster.endpointSlices) =>
    slices.filter((s) => s.service === "svc/default/web");

  it("reports nothing when no ready endpoint changed", () => {
    expect(endpointChanges(cluster.endpointSlices, cluster.endpointSlices)).toEqual([]);
  });

  it("reports each ready endpoint that left, then each that came, naming its pod and node", () => {
    const gone = web(cluster.endpointSlices)
      .flatMap((s) => s.endpoints)
      .filter((e) => e.nodeName === "node-2");
    expect(gone.length).toBeGreaterThan(0);
    const removed = endpointChanges(web(cluster.endpointSlices), web(failed.endpointSlices));
    expect(removed.map((e) => `${e.type} ${e.reason}`)).toEqual(gone.map(() => "Warning EndpointRemoved"));
    const added = endpointChanges(web(failed.endpointSlices), web(cluster.endpointSlices));
    expect(added.map((e) => e.reason)).toEqual(gone.map(() => "EndpointAdded"));
    expect(added[0]?.text).toMatchObject({ params: { service: "svc/default/web" } });
  });

  // staging/src/k8s.io/endpointslice/utils.go podToEndpoint: ready = publishNotReadyAddresses || (serving && !terminating).
  it("keeps a Terminating pod's endpoint, not ready, serving as the pod is Ready, terminating", () => {
    const pod = failed.pods.find((p) => p.owner === "deployment/default/web" && p.nodeName === "node-2");
    if (!pod) throw new Error("no pod on node-2");
    const slices = syncEndpointSlices(failed, failed.pods, failed.nodes, new Set([pod.ref]));
    const endpoints = web(slices).flatMap((s) => s.endpoints);
    expect(endpoints).toHaveLength(3);
    expect(endpoints.find((e) => e.targetRef === pod.ref)?.conditions).toEqual({
      ready: false,
      serving: pod.ready,
      terminating: true,
    });
    expect(endpointChanges(web(failed.endpointSlices), web(slices))).toEqual([]);
  });

  it("keeps a Terminating pod's endpoint ready when the Service publishes not-ready addresses", () => {
    const published = buildCluster(
      sourced([
        deployment("web", 3, { app: "web" }),
        service("web", { selector: { app: "web" }, ports: [{ port: 80 }], publishNotReadyAddresses: true }),
      ]),
    );
    const pod = published.pods.find((p) => p.owner === "deployment/default/web");
    if (!pod) throw new Error("no pod");
    const slices = syncEndpointSlices(published, published.pods, published.nodes, new Set([pod.ref]));
    const endpoint = web(slices)
      .flatMap((s) => s.endpoints)
      .find((e) => e.targetRef === pod.ref);
    expect(endpoint?.conditions).toEqual({ ready: true, serving: true, terminating: true });
  });
});
