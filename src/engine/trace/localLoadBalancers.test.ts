import { dump } from "js-yaml/browser";
import { describe, expect, it } from "vitest";
import { deployment, service } from "../cluster/testutil.ts";
import type { LoadBalancerProvider } from "../cluster/types.ts";
import { dataPlaneFromYaml, detailOf, traceOf } from "../network/testing.ts";

const YAML = [
  deployment("web", 2, { app: "web" }),
  service("web-lb", {
    type: "LoadBalancer",
    selector: { app: "web" },
    ports: [{ port: 8080, targetPort: 80 }],
  }),
  service("other-lb", {
    type: "LoadBalancer",
    selector: { app: "web" },
    ports: [{ port: 8080, targetPort: 80 }],
  }),
]
  .map((o) => dump(o))
  .join("---\n");

function cluster(provider: LoadBalancerProvider, failedNodes: string[] = []) {
  const dp = dataPlaneFromYaml(YAML, { settings: { loadBalancerProvider: provider }, failedNodes });
  const web = dp.services.get("default/web-lb")?.state;
  if (!web) throw new Error("no web-lb");
  return { dp, web };
}

// moby/vpnkit go/pkg/controller/controller.go (Docker Desktop's vpnkit-controller): a LoadBalancer
// port is exposed on the host's 0.0.0.0:PORT and forwarded to the Service's ClusterIP:PORT; the
// status says hostname localhost; a port another Service opened first is "already opened".
describe("Docker Desktop: vpnkit answers a LoadBalancer on the host's localhost", () => {
  it("localhost:PORT reaches the Service through vpnkit, into the node, to the ClusterIP (vpnkit-controller convert())", () => {
    const { dp, web } = cluster("docker-desktop");
    const trace = traceOf(dp, "external", "http://localhost:8080/");
    expect(trace.outcome).toBe("delivered");
    const vpnkit = trace.hops.find((h) => h.at === "lb/default/web-lb");
    expect(vpnkit?.kind).toBe("route");
    expect(detailOf(vpnkit)).toContain("vpnkit listens on the host's port 8080 (localhost)");
    expect(vpnkit?.after.dst).toEqual({ ip: web.clusterIP, port: 8080 });
    expect(vpnkit?.after.src.ip).toBe(dp.nodes.get("node-1")?.internalIP);
    // kube-proxy's ClusterIP rule on the node DNATs it, as for any connection to the ClusterIP.
    const dnat = trace.hops.find((h) => h.kind === "dnat");
    expect(dnat?.node).toBe("node/node-1");
    expect(dnat?.before.dst.ip).toBe(web.clusterIP);
  });

  it("the first Service keeps the host port: vpnkit-controller logs 'already opened by another service' for the second", () => {
    const { dp } = cluster("docker-desktop");
    const trace = traceOf(dp, "external", "http://localhost:8080/");
    expect(trace.hops.some((h) => h.at === "lb/default/other-lb")).toBe(false);
  });

  it("a localhost port no LoadBalancer Service opened is refused by the host, as before", () => {
    const { dp } = cluster("docker-desktop");
    expect(traceOf(dp, "external", "http://localhost:9999/").outcome).toBe("refused");
  });

  it("under another provider, localhost is the client's own host: refused", () => {
    const { dp } = cluster("gcp");
    expect(traceOf(dp, "external", "http://localhost:8080/").outcome).toBe("refused");
  });

  it("when Docker Desktop's one node fails, nothing answers: the request times out", () => {
    const { dp } = cluster("docker-desktop", ["node-1"]);
    const trace = traceOf(dp, "external", "http://localhost:8080/");
    expect(trace.outcome).toBe("timeout");
    expect(trace.hops.at(-1)?.at).toBe("node/node-1");
    expect(detailOf(trace.hops.at(-1))).toContain("node-1 has failed");
  });
});

// cloud-provider-kind pkg/loadbalancer/proxy.go: an Envoy container per LoadBalancer Service, a
// tcp_proxy listener on the Service port, a STATIC cluster of every node's InternalIP:nodePort with
// lb_policy RANDOM and an HTTP health check of /healthz on 10256 (or healthCheckNodePort) every 3 s.
describe("kind with cloud-provider-kind: an Envoy container in front of the nodes", () => {
  it("Envoy picks a node and opens its own connection to NODE:nodePort, so the node sees Envoy's address", () => {
    const { dp, web } = cluster("kind");
    const ip = web.loadBalancerIPs[0] ?? "";
    expect(ip).toMatch(/^172\.18\.0\./);
    const trace = traceOf(dp, "external", `http://${ip}:8080/`);
    expect(trace.outcome).toBe("delivered");
    const envoy = trace.hops.find((h) => h.at === "lb/default/web-lb");
    expect(envoy?.kind).toBe("lb-choice");
    expect(detailOf(envoy)).toContain("cloud-provider-kind's Envoy container on the kind network");
    expect(detailOf(envoy)).toContain("/healthz on port 10256 every 3 s");
    expect(envoy?.after.src.ip).toBe(ip);
    expect(envoy?.after.dst.port).toBe(web.ports[0]?.nodePort);
  });

  it("with externalTrafficPolicy Local, Envoy checks the Service's healthCheckNodePort (generateConfig hcPort)", () => {
    const yaml = YAML.replace("type: LoadBalancer", "type: LoadBalancer\n  externalTrafficPolicy: Local");
    const dp = dataPlaneFromYaml(yaml, { settings: { loadBalancerProvider: "kind" } });
    const web = dp.services.get("default/web-lb")?.state;
    const trace = traceOf(dp, "external", `http://${web?.loadBalancerIPs[0]}:8080/`);
    const envoy = trace.hops.find((h) => h.at === "lb/default/web-lb");
    expect(detailOf(envoy)).toContain(`/healthz on port ${web?.healthCheckNodePort} every 3 s`);
  });
});

// minikube docs, handbook/accessing ("LoadBalancer access"): minikube tunnel creates "a network route
// on the host to the service CIDR of the cluster using the cluster's IP address as a gateway" and
// (commands/tunnel) "sets their Ingress to their ClusterIP".
describe("minikube tunnel: a route on the host to the Service CIDR via the minikube node", () => {
  it("EXTERNAL-IP is the ClusterIP, and the host's route takes the packet to the node unchanged, where kube-proxy's ClusterIP rule catches it", () => {
    const { dp, web } = cluster("minikube");
    expect(web.loadBalancerIngress).toEqual([{ ip: web.clusterIP, ipMode: "VIP" }]);
    const trace = traceOf(dp, "external", `http://${web.clusterIP}:8080/`);
    expect(trace.outcome).toBe("delivered");
    const route = trace.hops.find((h) => h.at === "client/external" && h.kind === "route");
    expect(detailOf(route)).toContain(
      "minikube tunnel (it must be running) routes the Service CIDR 10.96.0.0/12",
    );
    expect(detailOf(route)).toContain("node-1 (192.168.0.11)");
    const caught = trace.hops.find((h) => h.at === "node/node-1" && h.kind === "route" && h !== route);
    expect(detailOf(caught)).toContain("through minikube tunnel's route");
    expect(detailOf(caught)).toContain("KUBE-SERVICES");
    // No cloud load balancer in between, no nodePort.
    expect(trace.hops.some((h) => h.kind === "lb-choice")).toBe(false);
  });

  it("the route covers the whole Service CIDR: a ClusterIP Service answers from the host too", () => {
    const { dp } = cluster("minikube");
    const kubernetes = dp.services.get("default/kubernetes")?.state;
    const trace = traceOf(dp, "external", `https://${kubernetes?.clusterIP}/`);
    expect(trace.hops[1]?.at).toBe("client/external");
    expect(detailOf(trace.hops[1])).toContain("minikube tunnel");
  });

  it("under a cloud provider a ClusterIP is still not routed from outside", () => {
    const { dp, web } = cluster("gcp");
    const trace = traceOf(dp, "external", `http://${web.clusterIP}:8080/`);
    expect(trace.outcome).toBe("timeout");
    expect(detailOf(trace.hops.at(-1))).toContain("not routed from outside the cluster");
  });
});
