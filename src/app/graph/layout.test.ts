import { describe, expect, it } from "vitest";
import { buildNodes } from "../../engine/cluster/nodes.ts";
import { resolveSettings } from "../../engine/cluster/settings.ts";
import type { Cluster, EndpointSliceState, NodeState, PodState, ServiceState } from "../../engine/index.ts";
import { offsetLanes, overlaps, type Point, type Rect } from "./geometry.ts";
import { COMPACT_PODS, GROUPED_SERVICES, type GraphModel, layoutCluster, resolveRef } from "./layout.ts";

// A cluster built by hand in the engine's shapes, so the layout is tested without the control plane.
function nodeObjects(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    object: { apiVersion: "v1", kind: "Node", metadata: { name: `node-${i + 1}` } },
    file: "nodes.yaml",
    documentIndex: i,
    positions: new Map(),
  }));
}

function pod(
  name: string,
  node: NodeState,
  i: number,
  namespace = "default",
  labels: Record<string, string> = { app: "web" },
): PodState {
  return {
    ref: `pod/${namespace}/${name}`,
    namespace,
    name,
    labels,
    nodeName: node.name,
    podIP: `${node.podCIDR.split(".").slice(0, 3).join(".")}.${i + 2}`,
    hostIP: node.internalIP,
    phase: "Running",
    ready: true,
    hostNetwork: false,
    containers: [{ name: "c", ports: [{ containerPort: 80, protocol: "TCP" }] }],
    object: { apiVersion: "v1", kind: "Pod", metadata: { name, namespace } },
  };
}

function service(
  name: string,
  namespace = "default",
  selector: Record<string, string> = { app: "web" },
): ServiceState {
  return {
    ref: `svc/${namespace}/${name}`,
    namespace,
    name,
    type: "ClusterIP",
    clusterIP: "10.96.0.50",
    headless: false,
    ports: [{ protocol: "TCP", port: 80, targetPort: 80 }],
    selector,
    externalIPs: [],
    loadBalancerSourceRanges: [],
    internalTrafficPolicy: "Cluster",
    sessionAffinity: "None",
    loadBalancerIngress: [],
    loadBalancerIPs: [],
    publishNotReadyAddresses: false,
    object: { apiVersion: "v1", kind: "Service", metadata: { name, namespace } },
  };
}

function slice(svc: ServiceState, pods: PodState[], ready = true): EndpointSliceState {
  return {
    ref: `endpointslice/${svc.namespace}/${svc.name}-abc`,
    namespace: svc.namespace,
    name: `${svc.name}-abc`,
    service: svc.ref,
    addressType: "IPv4",
    endpoints: pods.map((p) => ({
      addresses: [p.podIP ?? ""],
      conditions: { ready, serving: ready, terminating: false },
      targetRef: p.ref,
      ...(p.nodeName ? { nodeName: p.nodeName } : {}),
    })),
    ports: [{ port: 80, protocol: "TCP" }],
    managedBy: "endpointslice-controller.k8s.io",
    object: {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: `${svc.name}-abc` },
    },
  };
}

function cluster(nodeCount: number, podsPerNode: number): Cluster {
  const nodes = nodeCount === 3 ? buildNodes([]) : buildNodes(nodeObjects(nodeCount));
  const pods = nodes.flatMap((n, ni) =>
    Array.from({ length: podsPerNode }, (_, i) => pod(`web-${ni}-${i}`, n, i)),
  );
  const web = service("web");
  const dns = service("kube-dns", "kube-system", { "k8s-app": "kube-dns" });
  const coredns = [0, 1].map((i) => {
    const node = nodes[i] ?? nodes[0];
    if (!node) throw new Error("fixture has no nodes");
    return pod(`coredns-${i}`, node, 200 + i, "kube-system", { "k8s-app": "kube-dns" });
  });
  return {
    settings: resolveSettings({ externalHosts: { "www.example.com": "93.184.215.14" } }),
    namespaces: ["default", "kube-system"],
    nodes,
    pods: [...pods, ...coredns],
    services: [web, dns, { ...service("web-lb"), type: "LoadBalancer", loadBalancerIPs: ["198.51.100.10"] }],
    endpointSlices: [slice(web, pods), slice(dns, coredns)],
    objects: [],
    warnings: [],
  };
}

function assertNoOverlap(model: GraphModel) {
  const entries = [...model.boxes.entries()];
  const parentOf = new Map(model.nodes.map((n) => [n.id, n.parentId]));
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [a, ra] = entries[i] ?? ["", { x: 0, y: 0, width: 0, height: 0 }];
      const [b, rb] = entries[j] ?? ["", { x: 0, y: 0, width: 0, height: 0 }];
      if (parentOf.get(a) === b || parentOf.get(b) === a) continue;
      expect(overlaps(ra, rb), `${a} overlaps ${b}`).toBe(false);
    }
  }
}

/** Whether any segment of a route passes through the inside of a rectangle. */
function crossesBox(points: readonly Point[], r: Rect): boolean {
  return points.slice(1).some((b, i) => {
    const a = points[i] ?? b;
    const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    return x1 < r.x + r.width && x2 > r.x && y1 < r.y + r.height && y2 > r.y;
  });
}

/** Every route goes around every box but its own two and the groups that hold them. */
function assertRoutesClear(model: GraphModel, pairs: readonly (readonly [string, string])[]) {
  const parentOf = new Map(model.nodes.map((n) => [n.id, n.parentId]));
  for (const [source, target] of pairs) {
    const points = model.router.route(source, target);
    expect(points, `${source} -> ${target}`).not.toBeNull();
    const own = new Set([source, target, parentOf.get(source), parentOf.get(target)]);
    for (const [ref, box] of model.boxes) {
      if (own.has(ref)) continue;
      expect(crossesBox(points ?? [], box), `${source} -> ${target} crosses ${ref}`).toBe(false);
    }
  }
}

/** The drawn edges, and the hops traces take between boxes that no edge joins (client to node, node to pod, pod to Service...). */
function routePairs(model: GraphModel): [string, string][] {
  const ids = (type: string) => model.nodes.filter((n) => n.type === type).map((n) => n.id);
  const [nodes, pods, services] = [ids("kubeNode"), ids("pod"), ids("service")];
  const pairs: [string, string][] = model.edges.map((e) => [e.source, e.target]);
  const firstPods = nodes.flatMap((n) =>
    model.nodes
      .filter((p) => p.parentId === n)
      .slice(0, 2)
      .map((p) => p.id),
  );
  for (const node of nodes) {
    pairs.push(["client/external", node], ["lb/default/web-lb", node], [node, "client/external"]);
    for (const pod of firstPods) pairs.push([node, pod], [pod, node]);
    for (const other of nodes) if (other !== node) pairs.push([node, other]);
  }
  for (const pod of pods.slice(0, 12)) {
    for (const service of services) pairs.push([pod, service], [service, pod]);
    for (const other of firstPods) if (other !== pod) pairs.push([pod, other]);
    pairs.push([pod, "external/www.example.com"]);
  }
  return pairs;
}

describe("layoutCluster", () => {
  it("gives every node, pod, Service and load balancer its ref as React Flow id", () => {
    const model = layoutCluster(cluster(3, 2), { foldDns: false });
    const ids = model.nodes.map((n) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "node/node-1",
        "pod/default/web-0-0",
        "svc/default/web",
        "lb/default/web-lb",
        "client/external",
        "external/www.example.com",
      ]),
    );
  });

  it("puts each pod inside its node's group, confined to it", () => {
    const model = layoutCluster(cluster(3, 2), { foldDns: false });
    const pod = model.nodes.find((n) => n.id === "pod/default/web-1-0");
    expect(pod).toMatchObject({ parentId: "node/node-2", extent: "parent" });
    const groupIndex = model.nodes.findIndex((n) => n.id === "node/node-2");
    expect(model.nodes.findIndex((n) => n.id === "pod/default/web-1-0")).toBeGreaterThan(groupIndex);
  });

  it("overlaps nothing at 3 nodes / 6 pods", () => {
    assertNoOverlap(layoutCluster(cluster(3, 2), { foldDns: false }));
  });

  it("overlaps nothing at 10 nodes / 100 pods", () => {
    const model = layoutCluster(cluster(10, 10), { foldDns: false });
    expect(model.nodes.filter((n) => n.type === "pod")).toHaveLength(102);
    assertNoOverlap(model);
  });

  it("routes every edge and every hop through the gaps, around boxes not its own, at 3 nodes / 6 pods", () => {
    const model = layoutCluster(cluster(3, 2), { foldDns: false });
    assertRoutesClear(model, routePairs(model));
  });

  it("routes every edge and every hop through the gaps, around boxes not its own, at 10 nodes / 100 pods", () => {
    const model = layoutCluster(cluster(10, 10), { foldDns: false });
    assertRoutesClear(model, routePairs(model));
    // Checking every segment of every route against every box is slow by design, not the layout itself.
  }, 60_000);

  it("moves no other node's group when a pod is added", () => {
    const before = cluster(3, 2);
    const node = before.nodes[0];
    if (!node) throw new Error("no node");
    const after = { ...before, pods: [...before.pods, pod("web-extra", node, 9)] };
    const a = layoutCluster(before, { foldDns: true });
    const b = layoutCluster(after, { foldDns: true });
    for (const n of a.nodes.filter((x) => x.id !== "node/node-1" && x.parentId !== "node/node-1")) {
      expect(b.nodes.find((x) => x.id === n.id)?.position, n.id).toEqual(n.position);
    }
  });

  it("keeps the routes of the layout before that nothing moved across, and reroutes those a grown node now blocks", () => {
    const before = cluster(3, 2);
    const node = before.nodes[0];
    if (!node) throw new Error("no node");
    const first = layoutCluster(before, { foldDns: true });
    // A Service's link to a pod on another node, and one to a pod on the node that grows.
    const [far, near] = ["pod/default/web-2-0", "pod/default/web-0-0"].map((pod) =>
      first.router.route("svc/default/web", pod),
    );
    const after = { ...before, pods: [...before.pods, pod("web-extra", node, 9)] };
    const second = layoutCluster(after, { foldDns: true, previous: first, routes: first.routes });
    // Issue 15, incremental layout: the route nothing disturbed is the very one found before.
    expect(second.router.route("svc/default/web", "pod/default/web-2-0")).toBe(far);
    // node-1's group grew, so the route into it is searched again, and still clears every box.
    expect(second.router.route("svc/default/web", "pod/default/web-0-0")).not.toBe(near);
    assertRoutesClear(second, routePairs(second));
  });

  it("draws a closed node of a compact drawing with its pods as squares, and the sample's nodes without", () => {
    const big = cluster(10, COMPACT_PODS / 10 + 1);
    const model = layoutCluster(big, { foldDns: true });
    expect(model.compact).toBe(true);
    const first = model.nodes.find((n) => n.id === "node/node-1");
    expect(first?.type === "kubeNode" && first.data.chips.map((c) => c.ref)).toEqual(
      // In ref order, as the node's pods are drawn when it is opened.
      Array.from({ length: COMPACT_PODS / 10 + 1 }, (_, i) => `pod/default/web-0-${i}`).sort(),
    );
    expect(first?.type === "kubeNode" && first.data.chips[0]?.state).toBe("ready");
    // Opened, its pods are boxes and it has no squares.
    const opened = layoutCluster(big, { foldDns: true, openNodes: new Set(["node/node-1"]) });
    const open = opened.nodes.find((n) => n.id === "node/node-1");
    expect(open?.type === "kubeNode" && open.data.chips).toEqual([]);
    const small = layoutCluster(cluster(3, 2), { foldDns: true });
    for (const n of small.nodes) if (n.type === "kubeNode") expect(n.data.chips).toEqual([]);
  });

  it("past GROUPED_SERVICES draws a box per namespace with its count, standing for its Services until opened", () => {
    const base = cluster(3, 2);
    const web = base.services[0];
    if (!web) throw new Error("no Service");
    const many = Array.from({ length: GROUPED_SERVICES }, (_, i) => service(`api-${i}`, `team-${i % 2}`));
    const big = { ...base, services: [...base.services, ...many], endpointSlices: [...base.endpointSlices] };
    const closed = layoutCluster(big, { foldDns: true });
    const groups = closed.nodes.filter((n) => n.type === "serviceGroup");
    expect(groups.map((n) => [n.id, n.data])).toEqual([
      ["namespace/default", { namespace: "default", services: 2, open: false }],
      ["namespace/kube-system", { namespace: "kube-system", services: 1, open: false }],
      ["namespace/team-0", { namespace: "team-0", services: GROUPED_SERVICES / 2, open: false }],
      ["namespace/team-1", { namespace: "team-1", services: GROUPED_SERVICES / 2, open: false }],
    ]);
    expect(closed.nodes.filter((n) => n.type === "service")).toHaveLength(0);
    // Packets to a grouped Service land on its namespace's box; its load balancer links to that box.
    expect(resolveRef(closed, "svc/team-1/api-7")).toBe("namespace/team-1");
    expect(resolveRef(closed, "svc/default/web-lb")).toBe("namespace/default");
    expect(
      closed.edges.some((e) => e.source === "lb/default/web-lb" && e.target === "namespace/default"),
    ).toBe(true);
    // One edge from the box to each node holding its Services' endpoints.
    const links = closed.edges.filter((e) => e.source === "namespace/default" && e.data?.kind === "endpoint");
    expect(links.map((e) => e.target).sort()).toEqual(["node/node-1", "node/node-2", "node/node-3"]);
    assertNoOverlap(closed);

    const opened = layoutCluster(big, { foldDns: true, openNodes: new Set(["namespace/team-1"]) });
    const drawn = opened.nodes.filter((n) => n.type === "service").map((n) => n.id);
    expect(drawn).toHaveLength(GROUPED_SERVICES / 2);
    expect(drawn.every((id) => id.startsWith("svc/team-1/"))).toBe(true);
    expect(resolveRef(opened, "svc/team-1/api-7")).toBe("svc/team-1/api-7");
    assertNoOverlap(opened);
  });

  it("folds CoreDNS pods into the kube-dns Service and resolves their refs to it", () => {
    const model = layoutCluster(cluster(3, 1), { foldDns: true });
    expect(model.nodes.some((n) => n.id === "pod/kube-system/coredns-0")).toBe(false);
    expect(resolveRef(model, "pod/kube-system/coredns-0")).toBe("svc/kube-system/kube-dns");
    const dns = model.nodes.find((n) => n.id === "svc/kube-system/kube-dns");
    expect(dns?.data).toMatchObject({ foldedPods: 2, dns: true });
  });

  it("draws an edge from each Service to its endpoints, and marks endpoints that are not ready as removed", () => {
    const c = cluster(3, 1);
    const web = c.services[0];
    if (!web) throw new Error("no service");
    const notReady = { ...c, endpointSlices: [slice(web, c.pods.slice(0, 3), false)] };
    const ready = layoutCluster(c, { foldDns: true }).edges.filter((e) => e.source === "svc/default/web");
    expect(ready.map((e) => e.data?.kind)).toEqual(["endpoint", "endpoint", "endpoint"]);
    const removed = layoutCluster(notReady, { foldDns: true }).edges.filter(
      (e) => e.source === "svc/default/web",
    );
    expect(removed.map((e) => e.data?.kind)).toEqual(["removed", "removed", "removed"]);
  });

  it("resolves the external client however a trace names it", () => {
    const model = layoutCluster(cluster(3, 1), { foldDns: true });
    expect(resolveRef(model, "external")).toBe("client/external");
    expect(resolveRef(model, "client/external")).toBe("client/external");
    expect(resolveRef(model, "pod/default/nope")).toBeNull();
  });
});

describe("a Service's links", () => {
  it("go to exactly the endpoints its EndpointSlices list, in its own colour (not to every pod its labels match)", () => {
    const base = cluster(3, 2);
    const web = base.services[0];
    const listed = base.pods.filter((p) => p.name === "web-0-0" || p.name === "web-2-1");
    if (!web) throw new Error("fixture has no Service");
    const model = layoutCluster(
      { ...base, endpointSlices: [slice(web, listed), ...base.endpointSlices.slice(1)] },
      { foldDns: false },
    );
    expect(model.endpoints.get("svc/default/web")?.sort()).toEqual([
      "pod/default/web-0-0",
      "pod/default/web-2-1",
    ]);
    const links = model.edges.filter((e) => e.source === "svc/default/web");
    expect(links.map((e) => e.target).sort()).toEqual(["pod/default/web-0-0", "pod/default/web-2-1"]);
    const dns = model.edges.filter((e) => e.source === "svc/kube-system/kube-dns");
    expect(new Set(links.map((e) => e.data?.colour)).size).toBe(1);
    expect(links[0]?.data?.colour).not.toBe(dns[0]?.data?.colour);
  });

  it("run in a lane of their own where two Services' links share a gap", () => {
    const base = cluster(3, 2);
    const [web, dns] = base.services;
    if (!web || !dns) throw new Error("fixture has no Services");
    const other = { ...service("web-2"), ref: "svc/default/web-2" };
    const model = layoutCluster(
      {
        ...base,
        services: [...base.services, other],
        endpointSlices: [...base.endpointSlices, slice(other, base.pods.slice(0, 1))],
      },
      { foldDns: false },
    );
    const a = model.edges.find((e) => e.source === web.ref && e.target === "pod/default/web-0-0");
    const b = model.edges.find((e) => e.source === other.ref && e.target === "pod/default/web-0-0");
    expect(a?.data?.path).toBeDefined();
    expect(a?.data?.path).not.toBe(b?.data?.path);
  });

  // kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors
  it("of a selector-less Service go to the address its hand-written slice names, drawn as a box outside", () => {
    const base = cluster(3, 2);
    const legacy = { ...service("legacy"), ref: "svc/default/legacy", selector: null };
    const written: EndpointSliceState = {
      ...slice(legacy, []),
      endpoints: [
        { addresses: ["192.0.2.99"], conditions: { ready: true, serving: true, terminating: false } },
      ],
    };
    const model = layoutCluster(
      { ...base, services: [...base.services, legacy], endpointSlices: [...base.endpointSlices, written] },
      { foldDns: false },
    );
    expect(model.nodes.some((n) => n.id === "external/192.0.2.99")).toBe(true);
    expect(model.edges.find((e) => e.source === legacy.ref)).toMatchObject({
      target: "external/192.0.2.99",
      data: { kind: "endpoint" },
    });
  });

  // kubernetes.io/docs/concepts/services-networking/service/#externalname: the cluster DNS answers with a CNAME.
  it("of an ExternalName Service go to its CNAME target", () => {
    const base = cluster(3, 2);
    const docs = {
      ...service("docs"),
      ref: "svc/default/docs",
      type: "ExternalName" as const,
      selector: null,
      externalName: "www.example.com",
    };
    const model = layoutCluster({ ...base, services: [...base.services, docs] }, { foldDns: false });
    expect(model.edges.find((e) => e.source === docs.ref)).toMatchObject({
      target: "external/www.example.com",
      data: { kind: "cname", label: "CNAME" },
    });
  });
});

describe("offsetLanes", () => {
  it("moves the inner runs sideways and keeps the ends on their ports", () => {
    const route = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 50 },
      { x: 40, y: 50 },
      { x: 40, y: 60 },
    ];
    expect(offsetLanes(route, 3)).toEqual([
      { x: 0, y: 0 },
      { x: 13, y: 0 },
      { x: 13, y: 53 },
      { x: 40, y: 53 },
      { x: 40, y: 60 },
    ]);
  });
});
