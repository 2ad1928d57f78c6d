import { describe, expect, it } from "vitest";
import type { Trace } from "../trace/types.ts";
import { dataPlaneFromYaml, detailOf, traceOf } from "./testing.ts";
import { createTrafficState } from "./traffic-state.ts";

/** The Service docs' first example, behind a Deployment whose pods listen on 9376. */
const MY_SERVICE = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: my-app}
spec:
  replicas: 3
  selector: {matchLabels: {app.kubernetes.io/name: MyApp}}
  template:
    metadata: {labels: {app.kubernetes.io/name: MyApp}}
    spec:
      containers:
      - name: app
        image: registry.k8s.io/e2e-test-images/agnhost:2.39
        ports: [{containerPort: 9376}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  nodeName: node-1
  containers: [{name: client, image: busybox:1.28}]
`;

const serviceYaml = (spec: string) => `
---
apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector:
    app.kubernetes.io/name: MyApp
  ports:
    - protocol: TCP
      port: 80
      targetPort: 9376
${spec}`;

const kinds = (t: Trace) => t.hops.filter((h) => h.phase === "request").map((h) => `${h.kind}@${h.at}`);

function nodesWithEndpoints(dp: ReturnType<typeof dataPlaneFromYaml>): string[] {
  return dp.cluster.pods
    .filter((p) => p.labels["app.kubernetes.io/name"] === "MyApp")
    .map((p) => p.nodeName ?? "");
}

describe("kube-proxy: ClusterIP", () => {
  it("DNATs ClusterIP:port to a ready endpoint's targetPort and keeps the pod's address (Service docs: targetPort)", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + serviceYaml(""));
    const svc = dp.services.get("default/my-service");
    const t = traceOf(dp, "pod/default/client", `${svc?.state.clusterIP}:80`);
    expect(t.outcome).toBe("delivered");
    const dnat = t.hops.find((h) => h.kind === "dnat");
    expect(dnat?.at).toBe("svc/default/my-service");
    expect(dnat?.before.dst).toEqual({ ip: svc?.state.clusterIP, port: 80 });
    expect(dnat?.after.dst.port).toBe(9376);
    expect(dnat?.cause).toMatchObject({
      object: "svc/default/my-service",
      field: "spec.ports[0].targetPort",
    });
    expect(dnat?.cause?.position?.line).toBeGreaterThan(0);
    expect(t.backend?.clientIP).toBe(dp.podByRef.get("pod/default/client")?.podIP);
    expect(t.backend?.port).toBe(9376);
  });

  it("refuses a Service with no ready endpoints: kube-proxy installs a REJECT rule (proxier.go: has no endpoints)", () => {
    const dp = dataPlaneFromYaml(
      `${MY_SERVICE}
---
apiVersion: v1
kind: Service
metadata: {name: nobody}
spec:
  selector: {app: nobody}
  ports: [{port: 80}]
`,
    );
    const t = traceOf(dp, "pod/default/client", "http://nobody/");
    expect(t.outcome).toBe("refused");
    const reject = t.hops.at(-1);
    expect(reject).toMatchObject({ kind: "reject", at: "svc/default/nobody" });
    expect(detailOf(reject)).toContain("default/nobody has no endpoints");
    expect(reject?.cause?.field).toBe("spec.selector");
  });

  it("times out on a ClusterIP port the Service does not have: no rule matches a virtual address", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + serviceYaml(""));
    const ip = dp.services.get("default/my-service")?.state.clusterIP;
    expect(traceOf(dp, "pod/default/client", `${ip}:81`).outcome).toBe("timeout");
  });

  it("masquerades a pod that reaches itself through its Service (proxier.go KUBE-SEP: -s ENDPOINT -j KUBE-MARK-MASQ)", () => {
    const dp = dataPlaneFromYaml(
      `${serviceYaml("")}
---
apiVersion: v1
kind: Pod
metadata: {name: solo, labels: {app.kubernetes.io/name: MyApp}}
spec:
  containers: [{name: app, image: agnhost, ports: [{containerPort: 9376}]}]
`,
    );
    const t = traceOf(dp, "pod/default/solo", "my-service:80");
    expect(t.outcome).toBe("delivered");
    const node = dp.nodes.get(dp.podByRef.get("pod/default/solo")?.nodeName ?? "");
    expect(t.backend?.clientIP).toBe(node?.internalIP);
    expect(t.hops.some((h) => h.kind === "snat" && detailOf(h).includes("hairpin"))).toBe(true);
  });

  it("sends internalTrafficPolicy Local only to the client node's endpoints and drops where there are none (Service docs: internalTrafficPolicy)", () => {
    const dp = dataPlaneFromYaml(
      `${serviceYaml("  internalTrafficPolicy: Local")}
---
apiVersion: v1
kind: Pod
metadata: {name: only, labels: {app.kubernetes.io/name: MyApp}}
spec:
  nodeName: node-1
  containers: [{name: app, image: agnhost, ports: [{containerPort: 9376}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: near}
spec:
  nodeName: node-1
  containers: [{name: c, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata: {name: far}
spec:
  nodeName: node-2
  containers: [{name: c, image: busybox}]
`,
    );
    expect(traceOf(dp, "pod/default/near", "my-service:80").backend?.pod).toBe("pod/default/only");
    const far = traceOf(dp, "pod/default/far", "my-service:80");
    expect(far.outcome).toBe("timeout");
    expect(far.hops.at(-1)).toMatchObject({ kind: "drop", cause: { field: "spec.internalTrafficPolicy" } });
    expect(detailOf(far.hops.at(-1))).toContain("has no local endpoints");
  });
});

describe("kube-proxy: NodePort", () => {
  const nodePort = serviceYaml("  type: NodePort").replace(
    "targetPort: 9376",
    "targetPort: 9376\n      nodePort: 30007",
  );

  it("opens the nodePort on every node and SNATs to the node with externalTrafficPolicy Cluster (Service docs: type NodePort)", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + nodePort);
    for (const node of dp.cluster.nodes) {
      const state = createTrafficState(7);
      const t = traceOf(dp, "external", `http://${node.internalIP}:30007/`, state);
      expect(t.outcome).toBe("delivered");
      expect(t.backend?.clientIP).toBe(node.internalIP);
      expect(t.hops.find((h) => h.kind === "route")?.cause?.field).toBe("spec.ports[0].nodePort");
      expect(t.hops.find((h) => h.kind === "snat")?.cause?.field).toBe("spec.externalTrafficPolicy");
    }
  });

  it("may forward to a pod on another node under externalTrafficPolicy Cluster", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + nodePort);
    const state = createTrafficState(3);
    const node1 = dp.nodes.get("node-1");
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++)
      seen.add(traceOf(dp, "external", `${node1?.internalIP}:30007`, state).backend?.node ?? "");
    expect(seen.size).toBeGreaterThan(1);
  });

  it("keeps the client's address and uses only local endpoints with externalTrafficPolicy Local, and drops on nodes without (Service docs: externalTrafficPolicy)", () => {
    const local =
      MY_SERVICE.replace("replicas: 3", "replicas: 1") +
      nodePort.replace("type: NodePort", "type: NodePort\n  externalTrafficPolicy: Local");
    const dp = dataPlaneFromYaml(local);
    const [withPod] = nodesWithEndpoints(dp);
    for (const node of dp.cluster.nodes) {
      const t = traceOf(dp, "external", `${node.internalIP}:30007`);
      if (node.name === withPod) {
        expect(t.outcome).toBe("delivered");
        expect(t.backend?.clientIP).toBe("203.0.113.10");
        expect(t.backend?.node).toBe(`node/${node.name}`);
      } else {
        expect(t.outcome).toBe("timeout");
        expect(detailOf(t.hops.at(-1))).toContain("has no local endpoints");
      }
    }
  });

  it("rejects external traffic when a Local-policy Service has no endpoints anywhere (proxier.go: REJECT, not DROP)", () => {
    const dp = dataPlaneFromYaml(
      nodePort.replace("type: NodePort", "type: NodePort\n  externalTrafficPolicy: Local"),
    );
    expect(traceOf(dp, "external", `${dp.nodes.get("node-2")?.internalIP}:30007`).outcome).toBe("refused");
  });

  it("lets pods reach a Local-policy nodePort on any node: pod traffic to external destinations short-circuits to KUBE-SVC (proxier.go)", () => {
    const local =
      MY_SERVICE.replace("replicas: 3", "replicas: 1") +
      nodePort.replace("type: NodePort", "type: NodePort\n  externalTrafficPolicy: Local");
    const dp = dataPlaneFromYaml(local);
    const [withPod] = nodesWithEndpoints(dp);
    const other = dp.cluster.nodes.find((n) => n.name !== withPod);
    const t = traceOf(dp, "pod/default/client", `${other?.internalIP}:30007`);
    expect(t.outcome).toBe("delivered");
    expect(detailOf(t.hops.find((h) => h.kind === "dnat"))).toContain("KUBE-SVC-");
  });

  it("answers a closed port on a node's address with a reset: connection refused", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + nodePort);
    expect(traceOf(dp, "external", `${dp.nodes.get("node-1")?.internalIP}:30008`).outcome).toBe("refused");
  });
});

describe("kube-proxy: external IPs", () => {
  const external = serviceYaml("  externalIPs:\n    - 192.168.0.12");

  it("serves an external IP on the node that holds it, masqueraded under the Cluster policy (Service docs: externalIPs)", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + external);
    const t = traceOf(dp, "external", "http://192.168.0.12/");
    expect(t.outcome).toBe("delivered");
    expect(t.hops.find((h) => h.kind === "route")?.at).toBe("node/node-2");
    expect(t.backend?.clientIP).toBe("192.168.0.12");
  });

  it("routes an external IP that no node owns to the first node, and says that this is the simulator's assumption", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + serviceYaml("  externalIPs:\n    - 198.51.100.32"));
    const t = traceOf(dp, "external", "198.51.100.32:80");
    expect(t.outcome).toBe("delivered");
    const routes = t.hops.filter((h) => h.kind === "route");
    expect(detailOf(routes[0])).toContain(
      "no node lists 198.51.100.32 in status.addresses; the simulator assumes the administrator routes it to node-1",
    );
    expect(routes[1]?.at).toBe("node/node-1");
  });

  // Service docs, "External IPs": traffic reaches the node the address is routed to; a Node's
  // status.addresses ExternalIP is such an address (core/v1 NodeAddressType).
  const NODES_WITH_EXTERNAL_IP = ["node-1", "node-2", "node-3"]
    .map(
      (name, i) => `
---
apiVersion: v1
kind: Node
metadata: {name: ${name}}
status:
  addresses: [{type: InternalIP, address: 192.168.0.${11 + i}}, {type: ExternalIP, address: 203.0.113.${101 + i}}]
`,
    )
    .join("");

  it("routes an external IP to the node whose status.addresses has it as its ExternalIP", () => {
    const dp = dataPlaneFromYaml(
      MY_SERVICE + serviceYaml("  externalIPs:\n    - 203.0.113.103") + NODES_WITH_EXTERNAL_IP,
    );
    const t = traceOf(dp, "external", "203.0.113.103:80");
    expect(t.outcome).toBe("delivered");
    expect(detailOf(t.hops.find((h) => h.kind === "route"))).toContain("node-3's ExternalIP");
    expect(t.hops.filter((h) => h.kind === "route")[1]?.at).toBe("node/node-3");
  });

  it("times out when the node owning the external IP fails, wherever the backend pods run", () => {
    const dp = dataPlaneFromYaml(
      MY_SERVICE + serviceYaml("  externalIPs:\n    - 203.0.113.103") + NODES_WITH_EXTERNAL_IP,
      { failedNodes: ["node-3"] },
    );
    for (let i = 0; i < 5; i++) expect(traceOf(dp, "external", "203.0.113.103:80").outcome).toBe("timeout");
  });

  it("catches external-IP traffic from pods on their own node, without leaving it", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + serviceYaml("  externalIPs:\n    - 198.51.100.32"));
    const t = traceOf(dp, "pod/default/client", "198.51.100.32:80");
    expect(t.outcome).toBe("delivered");
    const client = dp.podByRef.get("pod/default/client");
    expect(detailOf(t.hops.find((h) => h.kind === "dnat"))).toContain(`on ${client?.nodeName}`);
  });

  it("times out when the node holding the external IP has failed", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + external, { failedNodes: ["node-2"] });
    expect(traceOf(dp, "external", "192.168.0.12:80").outcome).toBe("timeout");
  });
});

describe("kube-proxy: LoadBalancer", () => {
  const lb = serviceYaml("  type: LoadBalancer");

  it("goes client → lb/NS/NAME → a node's nodePort → kube-proxy → pod (Service docs: type LoadBalancer)", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + lb);
    const svc = dp.services.get("default/my-service")?.state;
    const ip = svc?.loadBalancerIPs[0];
    expect(ip).toBeDefined();
    const t = traceOf(dp, "external", `http://${ip}/`);
    expect(t.outcome).toBe("delivered");
    expect(kinds(t).slice(0, 3)).toEqual([
      "send@client/external",
      "lb-choice@lb/default/my-service",
      expect.stringMatching(/^route@node\//),
    ]);
    const choice = t.hops[1];
    expect(choice?.after.dst.port).toBe(svc?.ports[0]?.nodePort);
  });

  it("sends Local-policy traffic only to nodes whose healthCheckNodePort passes, keeping the client IP", () => {
    const dp = dataPlaneFromYaml(
      MY_SERVICE.replace("replicas: 3", "replicas: 1") +
        lb.replace("type: LoadBalancer", "type: LoadBalancer\n  externalTrafficPolicy: Local"),
    );
    const [withPod] = nodesWithEndpoints(dp);
    const ip = dp.services.get("default/my-service")?.state.loadBalancerIPs[0];
    const state = createTrafficState(11);
    for (let i = 0; i < 30; i++) {
      const t = traceOf(dp, "external", `${ip}:80`, state);
      expect(t.outcome).toBe("delivered");
      expect(t.backend?.node).toBe(`node/${withPod}`);
      expect(t.backend?.clientIP).toBe("203.0.113.10");
    }
  });

  it("ejects a failed node and sends the traffic to the remaining endpoints", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + lb, { failedNodes: ["node-1"] });
    const ip = dp.services.get("default/my-service")?.state.loadBalancerIPs[0];
    const state = createTrafficState(5);
    for (let i = 0; i < 30; i++) {
      const t = traceOf(dp, "external", `${ip}:80`, state);
      expect(t.outcome).toBe("delivered");
      expect(t.hops[1]?.after.dst.ip).not.toBe(dp.nodes.get("node-1")?.internalIP);
      expect(t.backend?.node).not.toBe("node/node-1");
    }
  });

  it("intercepts a pod's traffic to the load balancer IP on the pod's own node (KUBE-SERVICES loadbalancer IP rule)", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + lb);
    const ip = dp.services.get("default/my-service")?.state.loadBalancerIPs[0];
    const t = traceOf(dp, "pod/default/client", `${ip}:80`);
    expect(t.outcome).toBe("delivered");
    expect(t.hops.some((h) => h.kind === "lb-choice")).toBe(false);
  });
});

describe("kube-proxy: failed nodes", () => {
  it("stops using endpoints on a failed node, and refuses a Service whose endpoints were all there (node lifecycle: MarkPodsNotReady)", () => {
    const yaml = `${serviceYaml("")}
---
apiVersion: v1
kind: Pod
metadata: {name: only, labels: {app.kubernetes.io/name: MyApp}}
spec:
  nodeName: node-2
  containers: [{name: app, image: agnhost, ports: [{containerPort: 9376}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  nodeName: node-1
  containers: [{name: c, image: busybox}]
`;
    expect(traceOf(dataPlaneFromYaml(yaml), "pod/default/client", "my-service:80").outcome).toBe("delivered");
    const failed = dataPlaneFromYaml(yaml, { failedNodes: ["node-2"] });
    expect(traceOf(failed, "pod/default/client", "my-service:80").outcome).toBe("refused");
    const podIP = failed.podByRef.get("pod/default/only")?.podIP;
    expect(traceOf(failed, "pod/default/client", `${podIP}:9376`).outcome).toBe("timeout");
    expect(traceOf(failed, "external", `${failed.nodes.get("node-2")?.internalIP}:22`).outcome).toBe(
      "timeout",
    );
  });

  it("routes Service traffic to the endpoints left when one node fails", () => {
    const dp = dataPlaneFromYaml(MY_SERVICE + serviceYaml(""), { failedNodes: ["node-3"] });
    const state = createTrafficState(9);
    for (let i = 0; i < 30; i++) {
      const t = traceOf(dp, "pod/default/client", "my-service.default.svc.cluster.local:80", state);
      expect(t.outcome).toBe("delivered");
      expect(t.backend?.node).not.toBe("node/node-3");
    }
  });
});

// Service docs, "Specifying source ranges"; proxier.go KUBE-FW-* and KUBE-PROXY-FIREWALL.
describe("kube-proxy and the cloud firewall: spec.loadBalancerSourceRanges", () => {
  const ranged = (ranges: string) =>
    dataPlaneFromYaml(
      MY_SERVICE + serviceYaml(`  type: LoadBalancer\n  loadBalancerSourceRanges: [${ranges}]`),
    );
  const lbIP = (dp: ReturnType<typeof dataPlaneFromYaml>) =>
    dp.services.get("default/my-service")?.state.loadBalancerIPs[0] ?? "";

  it("delivers a client inside the ranges and times out one outside them, at the load balancer", () => {
    const inside = ranged("203.0.113.0/24");
    expect(traceOf(inside, "external", `${lbIP(inside)}:80`).outcome).toBe("delivered");
    const outside = ranged("10.0.0.0/8");
    const t = traceOf(outside, "external", `${lbIP(outside)}:80`);
    expect(t.outcome).toBe("timeout");
    expect(detailOf(t.hops.at(-1))).toContain("outside spec.loadBalancerSourceRanges");
  });

  it("times out a pod outside the ranges that dials the load-balancer IP: KUBE-PROXY-FIREWALL drops it", () => {
    const dp = ranged("203.0.113.0/24");
    const t = traceOf(dp, "pod/default/client", `${lbIP(dp)}:80`);
    expect(t.outcome).toBe("timeout");
    expect(detailOf(t.hops.at(-1))).toContain("KUBE-PROXY-FIREWALL drops it");
    const podNetwork = ranged("10.244.0.0/16");
    expect(traceOf(podNetwork, "pod/default/client", `${lbIP(podNetwork)}:80`).outcome).toBe("delivered");
  });
});
