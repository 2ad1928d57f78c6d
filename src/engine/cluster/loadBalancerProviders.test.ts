import { dump } from "js-yaml/browser";
import { describe, expect, it } from "vitest";
import { iptablesRules, renderIptablesSave } from "../network/iptables.ts";
import { dataPlaneFromYaml, traceOf } from "../network/testing.ts";
import { deployment } from "./testutil.ts";
import type { LoadBalancerProvider } from "./types.ts";

const WEB = dump(deployment("web", 2, { app: "web" }));

function lb(extra = "", status = ""): string {
  return `${WEB}---
apiVersion: v1
kind: Service
metadata: {name: web-lb}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80}]
${extra}${status}`;
}

function serviceWith(provider: LoadBalancerProvider, yaml = lb(), failedNodes: string[] = []) {
  const dp = dataPlaneFromYaml(yaml, { settings: { loadBalancerProvider: provider }, failedNodes });
  const service = dp.cluster.services.find((s) => s.name === "web-lb");
  if (!service) throw new Error("no web-lb");
  return { dp, service };
}

describe("status.loadBalancer.ingress by provider", () => {
  it("a cloud (GCP) writes the forwarding rule's IP with ipMode VIP (LoadBalancerIngress.IPMode, GA in 1.32)", () => {
    const { service } = serviceWith("gcp");
    expect(service.object.status).toEqual({
      loadBalancer: { ingress: [{ ip: "198.51.100.10", ipMode: "VIP" }] },
    });
  });

  it("AWS writes the NLB's DNS name, not an IP (LoadBalancerIngress.Hostname: 'typically AWS load-balancers')", () => {
    const { service } = serviceWith("aws");
    expect(service.loadBalancerIngress).toEqual([
      { hostname: "k8s-default-web-lb-00a33f0578.elb.us-east-1.amazonaws.com" },
    ]);
  });

  it("the outside DNS answers the AWS name with the load balancer's address, so a client can reach it by name", () => {
    const { dp } = serviceWith("aws");
    const trace = traceOf(
      dp,
      "external",
      "http://k8s-default-web-lb-00a33f0578.elb.us-east-1.amazonaws.com/",
    );
    expect(trace.outcome).toBe("delivered");
    expect(trace.hops.some((h) => h.at === "lb/default/web-lb")).toBe(true);
  });

  it("minikube tunnel sets the ingress to the ClusterIP (minikube docs, commands/tunnel)", () => {
    const { service } = serviceWith("minikube");
    expect(service.loadBalancerIngress).toEqual([{ ip: service.clusterIP, ipMode: "VIP" }]);
  });

  it("Docker Desktop publishes the Service on localhost", () => {
    const { service } = serviceWith("docker-desktop");
    expect(service.loadBalancerIngress).toEqual([{ hostname: "localhost" }]);
  });

  it("cloud-provider-kind gives its Envoy container's address with ipMode Proxy (pkg/loadbalancer/server.go)", () => {
    const { service } = serviceWith("kind");
    expect(service.loadBalancerIngress).toEqual([{ ip: "172.18.0.10", ipMode: "Proxy" }]);
  });

  it("with no provider the Service stays <pending> for ever: no ingress at all", () => {
    const { service } = serviceWith("none");
    expect(service.loadBalancerIngress).toEqual([]);
    expect(service.object.status).toEqual({ loadBalancer: {} });
  });

  it("with no provider, a status written by hand (kubectl patch --subresource=status) is kept, several addresses, ipMode defaulted to VIP", () => {
    const status = `status:
  loadBalancer:
    ingress:
    - {ip: 192.0.2.50}
    - {ip: 192.0.2.51, ipMode: Proxy}
    - {hostname: lb.example.com}
`;
    const { service } = serviceWith("none", lb("", status));
    expect(service.loadBalancerIngress).toEqual([
      { ip: "192.0.2.50", ipMode: "VIP" },
      { ip: "192.0.2.51", ipMode: "Proxy" },
      { hostname: "lb.example.com" },
    ]);
    expect(service.loadBalancerIPs).toEqual(["192.0.2.50", "192.0.2.51"]);
  });
});

describe("kube-proxy and ipMode (pkg/proxy/serviceport.go: Proxy IPs are not loadBalancerVIPs, KEP-1860)", () => {
  it("writes a KUBE-SERVICES rule for a VIP ingress IP and none for a Proxy one", () => {
    const status = `status:
  loadBalancer:
    ingress:
    - {ip: 192.0.2.50, ipMode: VIP}
    - {ip: 192.0.2.51, ipMode: Proxy}
`;
    const { dp } = serviceWith("none", lb("", status));
    const node = dp.cluster.nodes[0];
    if (!node) throw new Error("no node");
    const rules = renderIptablesSave(iptablesRules(dp, node), node);
    expect(rules).toContain("-d 192.0.2.50/32");
    expect(rules).not.toContain("192.0.2.51");
  });
});

describe("MetalLB announcements", () => {
  it("layer 2: one elected node takes every packet for the address (metallb concepts/layer2)", () => {
    const { dp } = serviceWith("metallb-l2");
    expect([...(dp.lbBackends.get("lb/default/web-lb") ?? [])]).toEqual(["node-3"]);
  });

  it("layer 2: once the speakers have noticed the leader failed, another node announces", () => {
    const { dp } = serviceWith("metallb-l2", lb(), ["node-3"]);
    const after = [...(dp.lbBackends.get("lb/default/web-lb") ?? [])];
    expect(after).toHaveLength(1);
    expect(after).not.toContain("node-3");
  });

  it("BGP: every node announces and the router spreads flows over them (metallb concepts/bgp, ECMP)", () => {
    const { dp } = serviceWith("metallb-bgp");
    expect([...(dp.lbBackends.get("lb/default/web-lb") ?? [])]).toEqual(["node-1", "node-2", "node-3"]);
  });

  it("externalTrafficPolicy Local: only nodes with a ready local endpoint announce (speaker layer2_controller.go)", () => {
    const { dp } = serviceWith("metallb-bgp", lb("  externalTrafficPolicy: Local\n"));
    const withPods = new Set(dp.cluster.pods.filter((p) => p.name.startsWith("web")).map((p) => p.nodeName));
    expect(new Set(dp.lbBackends.get("lb/default/web-lb"))).toEqual(withPods);
  });

  it("a cloud load balancer is not an announcement: its pool comes from health checks", () => {
    const { dp } = serviceWith("gcp");
    expect(dp.lbBackends.has("lb/default/web-lb")).toBe(false);
  });
});
