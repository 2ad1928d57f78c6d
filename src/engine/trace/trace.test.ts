import { describe, expect, it } from "vitest";
import { dataPlaneFromYaml, detailOf, traceOf } from "../network/testing.ts";
import { createTrafficState } from "../network/traffic-state.ts";
import { parseRequest, trace } from "./trace.ts";

/** The Service docs' named-port example: a Pod with containerPort 80 named http-web-svc, a Service targeting the name. */
const NGINX = `
apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    app.kubernetes.io/name: proxy
spec:
  nodeName: node-2
  containers:
  - name: nginx
    image: nginx:stable
    ports:
      - containerPort: 80
        name: http-web-svc
  - name: sidecar
    image: busybox
    ports:
      - containerPort: 9000
---
apiVersion: v1
kind: Service
metadata:
  name: nginx-service
spec:
  selector:
    app.kubernetes.io/name: proxy
  ports:
  - name: name-of-service-port
    protocol: TCP
    port: 80
    targetPort: http-web-svc
---
apiVersion: v1
kind: Pod
metadata: {name: near}
spec:
  nodeName: node-2
  containers: [{name: c, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata: {name: far}
spec:
  nodeName: node-1
  containers: [{name: c, image: busybox}]
`;

describe("pod network", () => {
  const dp = dataPlaneFromYaml(NGINX);
  const nginxIP = dp.podByRef.get("pod/default/nginx")?.podIP;

  it("reaches any container port of the same pod on localhost: containers share the pod's network namespace (Pod docs)", () => {
    const t = traceOf(dp, "pod/default/nginx", "http://localhost:9000/");
    expect(t.outcome).toBe("delivered");
    expect(t.backend).toMatchObject({ pod: "pod/default/nginx", clientIP: "127.0.0.1", port: 9000 });
    expect(t.hops.at(-1)?.cause?.field).toBe("spec.containers[1].ports[0].containerPort");
  });

  // A Deployment's pods are written in its pod template (Deployment docs: spec.template is a Pod template).
  it("points a delivery to a Deployment's pod at the containerPort line of its pod template", () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80
`;
    const web = dataPlaneFromYaml(yaml);
    const pod = [...web.podByRef.values()].find((p) => p.ref.startsWith("pod/default/web-"));
    const t = traceOf(web, pod?.ref ?? "", "http://localhost:80/");
    expect(t.hops.at(-1)?.cause).toMatchObject({
      field: "spec.template.spec.containers[0].ports[0].containerPort",
      position: { line: 14 },
    });
  });

  it("refuses localhost on a port where no container listens", () => {
    const t = traceOf(dp, "pod/default/nginx", "localhost:8080");
    expect(t.outcome).toBe("refused");
    expect(t.hops.at(-1)).toMatchObject({ kind: "reject", at: "pod/default/nginx" });
  });

  it("delivers pod to pod on the same node without leaving it", () => {
    const t = traceOf(dp, "pod/default/near", `${nginxIP}:80`);
    expect(t.outcome).toBe("delivered");
    expect(t.hops.map((h) => h.kind)).toEqual(["send", "deliver"]);
    expect(t.backend?.clientIP).toBe(dp.podByRef.get("pod/default/near")?.podIP);
  });

  it("routes pod to pod across nodes through the destination node's pod-CIDR route, without NAT", () => {
    const t = traceOf(dp, "pod/default/far", `http://${nginxIP}/`);
    expect(t.outcome).toBe("delivered");
    const route = t.hops.find((h) => h.kind === "route");
    expect(route).toMatchObject({
      at: "node/node-1",
      cause: { object: "node/node-2", field: "spec.podCIDR" },
    });
    expect(detailOf(route)).toContain("10.244.2.0/24");
    expect(t.backend?.clientIP).toBe(dp.podByRef.get("pod/default/far")?.podIP);
  });

  it("times out on a pod IP whose node has failed: packets are lost, nothing answers", () => {
    const failed = dataPlaneFromYaml(NGINX, { failedNodes: ["node-2"] });
    const t = traceOf(failed, "pod/default/far", `${nginxIP}:80`);
    expect(t.outcome).toBe("timeout");
    expect(t.hops.at(-1)).toMatchObject({ kind: "drop", at: "node/node-2" });
  });

  it("times out from a pod on a failed node: nothing leaves it", () => {
    const failed = dataPlaneFromYaml(NGINX, { failedNodes: ["node-2"] });
    expect(traceOf(failed, "pod/default/near", "nginx-service:80").outcome).toBe("timeout");
  });

  it("does not route pod or ClusterIP addresses from outside the cluster", () => {
    expect(traceOf(dp, "external", `${nginxIP}:80`).outcome).toBe("timeout");
    expect(
      traceOf(dp, "external", `${dp.services.get("default/nginx-service")?.state.clusterIP}:80`).outcome,
    ).toBe("timeout");
  });
});

describe("traces", () => {
  const dp = dataPlaneFromYaml(NGINX);

  it("resolves a named targetPort per pod and shows DNAT before and after (Service docs: named ports)", () => {
    const t = traceOf(dp, "pod/default/far", "http://nginx-service/");
    expect(t.outcome).toBe("delivered");
    expect(t.hops.filter((h) => h.phase === "dns").length).toBeGreaterThan(2);
    const dnat = t.hops.find((h) => h.phase === "request" && h.kind === "dnat");
    expect(dnat?.before.dst.ip).toBe(dp.services.get("default/nginx-service")?.state.clusterIP);
    expect(dnat?.after.dst).toEqual({ ip: dp.podByRef.get("pod/default/nginx")?.podIP, port: 80 });
    expect(dnat?.cause).toMatchObject({
      field: "spec.ports[0].targetPort",
      position: { file: "test.yaml", line: 32 },
    });
    expect(t.backend).toMatchObject({ pod: "pod/default/nginx", node: "node/node-2", port: 80 });
  });

  it("lets a node reach a ClusterIP through its own kube-proxy rules, sending from its InternalIP", () => {
    const ip = dp.services.get("default/nginx-service")?.state.clusterIP;
    const t = traceOf(dp, "node/node-1", `${ip}:80`);
    expect(t.outcome).toBe("delivered");
    expect(t.backend?.clientIP).toBe(dp.nodes.get("node-1")?.internalIP);
  });

  it("reaches the API server behind default/kubernetes at the control plane's address", () => {
    const t = traceOf(dp, "pod/default/far", "https://kubernetes.default/");
    expect(t.outcome).toBe("delivered");
    expect(t.hops.at(-1)?.after.dst.port).toBe(6443);
  });

  it("sends to hosts outside the cluster through the node, masqueraded", () => {
    const t = traceOf(dp, "pod/default/far", "https://example.com/");
    expect(t.outcome).toBe("delivered");
    expect(t.hops.at(-1)).toMatchObject({ at: "external/example.com", kind: "deliver" });
    expect(t.hops.at(-1)?.before.src.ip).toBe(dp.nodes.get("node-1")?.internalIP);
  });

  it("explains a request it cannot send", () => {
    expect(parseRequest(dp, { from: "pod/default/ghost", to: "web:80" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("no such pod"),
    });
    expect(parseRequest(dp, { from: "node/node-9", to: "web:80" }).ok).toBe(false);
    expect(parseRequest(dp, { from: "external", to: "web" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("port"),
    });
    expect(parseRequest(dp, { from: "client/external", to: "http://web/" }).ok).toBe(true);
  });

  it("is deterministic for a seed", () => {
    const a = traceOf(dp, "pod/default/far", "http://nginx-service/");
    const b = traceOf(dp, "pod/default/far", "http://nginx-service/");
    expect(a).toEqual(b);
  });

  it("routes the same without hops: same outcomes, backends and random draws, no hops built", () => {
    const requests = ["http://nginx-service/", "https://example.com/", "nginx-service:81", "ghost:80"].map(
      (to) => {
        const parsed = parseRequest(dp, { from: "pod/default/far", to });
        if (!parsed.ok) throw new Error(parsed.message);
        return parsed.value;
      },
    );
    const full = createTrafficState(3);
    const bare = createTrafficState(3);
    for (let i = 0; i < 20; i++) {
      for (const request of requests) {
        const a = trace(dp, request, full);
        const b = trace(dp, request, bare, { hops: false });
        expect(a.hops.length).toBeGreaterThan(0);
        expect(b).toEqual({ ...a, hops: [] });
      }
    }
  });
});

describe("the backend is whatever answered (DESIGN.md's trace contract)", () => {
  // Service docs, "Services without selectors": the endpoint is an address the learner wrote.
  const LEGACY = `
apiVersion: v1
kind: Service
metadata: {name: legacy-db}
spec:
  ports: [{name: postgres, port: 5432}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: legacy-db-1, labels: {kubernetes.io/service-name: legacy-db}}
addressType: IPv4
ports: [{name: postgres, port: 5432, protocol: TCP}]
endpoints: [{addresses: [192.0.2.20]}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  nodeName: node-1
  containers: [{name: c, image: busybox}]
`;

  it("gives the address, port and client IP of a selector-less Service's endpoint, with no pod and no node", () => {
    const dp = dataPlaneFromYaml(LEGACY);
    const t = traceOf(dp, "pod/default/client", "legacy-db:5432");
    expect(t.outcome).toBe("delivered");
    // The pod's traffic leaves the cluster masqueraded to its node's address.
    expect(t.backend).toEqual({
      pod: null,
      node: null,
      ip: "192.0.2.20",
      port: 5432,
      clientIP: "192.168.0.11",
    });
  });
});
