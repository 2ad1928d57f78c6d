import { dump } from "js-yaml/browser";
import { describe, expect, it } from "vitest";
import { deployment, service } from "../cluster/testutil.ts";
import {
  endpointChain,
  nftServiceBase,
  serviceChain,
  serviceExternalChain,
  serviceFirewallChain,
} from "./chains.ts";
import type { DataPlane } from "./dataplane.ts";
import { nodeRules, serviceRules } from "./rules.ts";
import { dataPlaneFromYaml } from "./testing.ts";

// Two Services side by side: `web`, a LoadBalancer with source ranges (so every chain kind is
// written), and `api`, a plain ClusterIP whose lines must not show under web's.
const YAML = [
  deployment("web", 2, { app: "web" }),
  deployment("api", 1, { app: "api" }),
  service("web", {
    type: "LoadBalancer",
    selector: { app: "web" },
    loadBalancerSourceRanges: ["203.0.113.0/24"],
    ports: [{ name: "http", port: 80, nodePort: 30080 }],
  }),
  service("api", { selector: { app: "api" }, ports: [{ port: 8080 }] }),
  service("db", { clusterIP: "None", selector: { app: "api" }, ports: [{ port: 5432 }] }),
]
  .map((o) => dump(o))
  .join("---\n");

function setup(mode: "iptables" | "ipvs" | "nftables") {
  const dp = dataPlaneFromYaml(YAML, { settings: { kubeProxyMode: mode } });
  const node = dp.nodes.get("node-1");
  if (!node) throw new Error("node-1");
  const web = dp.services.get("default/web")?.state;
  const api = dp.services.get("default/api")?.state;
  if (!web?.clusterIP || !api?.clusterIP) throw new Error("services");
  const full = nodeRules(dp, node).sections;
  const only = (ref: string) => serviceRules(dp, node, ref).sections;
  /** web's rules: one listing, printed by `command`. */
  const listing = (command: string) => {
    const sections = only("svc/default/web");
    expect(sections.map((s) => s.command)).toEqual([command]);
    return sections[0]?.text ?? "";
  };
  return { dp, node, web, api, full, only, listing };
}

function endpointsOf(dp: DataPlane, key: string) {
  return dp.services.get(key)?.ports[0]?.endpoints ?? [];
}

describe("serviceRules: the rules kube-proxy writes for one Service on one node", () => {
  // pkg/proxy/iptables/proxier.go syncProxyRules: per service port KUBE-SVC-/KUBE-EXT-/KUBE-FW-, per
  // endpoint KUBE-SEP-, and the Service's jumps in KUBE-SERVICES and KUBE-NODEPORTS.
  it("iptables: its KUBE-SVC/SEP/EXT/FW chains and its KUBE-SERVICES and KUBE-NODEPORTS lines, no other Service's", () => {
    const { dp, web, full, listing } = setup("iptables");
    const text = listing("iptables-save");
    const spn = "default/web:http";
    for (const chain of [
      serviceChain(spn, "tcp"),
      serviceExternalChain(spn, "tcp"),
      serviceFirewallChain(spn, "tcp"),
      ...endpointsOf(dp, "default/web").map((e) => endpointChain(spn, "tcp", e.key)),
    ])
      expect(text).toContain(`:${chain} - [0:0]`);
    expect(text).toContain(
      `-A KUBE-SERVICES -d ${web.clusterIP}/32 -p tcp -m comment --comment "${spn} cluster IP"`,
    );
    expect(text).toContain(`-A KUBE-NODEPORTS -p tcp -m comment --comment ${spn} -m tcp --dport 30080`);
    // Only the Service's own chains are declared; the shared ones keep only its lines.
    expect(text).not.toContain(":KUBE-SERVICES");
    expect(text).not.toContain("default/api");
    expect(text).not.toContain(serviceChain("default/api", "tcp"));
    // Every line is iptables-save's own, in its order: the Service's lines are a part of the node's.
    const lines = (full[0]?.text ?? "").split("\n");
    const rules = text.split("\n").filter((l) => l.startsWith("-A "));
    expect(rules.length).toBeGreaterThan(5);
    expect(rules).toEqual(lines.filter((l) => rules.includes(l)));
  });

  // pkg/proxy/ipvs/proxier.go syncService/syncEndpoint: one virtual server per ClusterIP, LB IP and
  // NodePort address, with the rr scheduler and the Service's endpoints as real servers.
  it("ipvs: its virtual servers with their real servers, no other Service's", () => {
    const { dp, node, web, api, listing } = setup("ipvs");
    const text = listing("ipvsadm -Ln");
    expect(text).toContain("Prot LocalAddress:Port Scheduler Flags");
    expect(text).toContain(`TCP  ${web.clusterIP}:80 rr`);
    expect(text).toContain(`TCP  ${web.loadBalancerIPs[0]}:80 rr`);
    expect(text).toContain(`TCP  ${node.internalIP}:30080 rr`);
    for (const e of endpointsOf(dp, "default/web")) expect(text).toContain(`  -> ${e.ip}:${e.port}`);
    expect(text).not.toContain(`${api.clusterIP}:8080`);
  });

  // pkg/proxy/nftables/proxier.go syncProxyRules: service-/external-/firewall-/endpoint- chains and the
  // Service's elements of the service-ips and service-nodeports verdict maps.
  it("nftables: its chains and its elements of the shared maps, no other Service's", () => {
    const { web, api, full, listing } = setup("nftables");
    const text = listing("nft list table ip kube-proxy");
    const base = nftServiceBase("default", "web", "tcp", "http");
    for (const chain of ["service", "external", "firewall"])
      expect(text).toContain(`chain ${chain}-${base} {`);
    expect(text).toMatch(/chain endpoint-[A-Z2-7]{8}-default\/web\/tcp\/http__10\.244\./);
    expect(text).toContain(`${web.clusterIP} . tcp . 80 : goto service-${base}`);
    expect(text).toContain(`tcp . 30080 : goto external-${base}`);
    expect(text).toContain(`${web.loadBalancerIPs[0]} . tcp . 80 : goto firewall-${base}`);
    expect(text).toContain("map service-ips {");
    // Not the other Service's, nor the table's fixed chains.
    expect(text).not.toContain(api.clusterIP);
    expect(text).not.toContain("chain services {");
    // Each chain is the node table's chain, whole.
    const chains = text.match(/\tchain [^\n]+\{\n[^}]*\}/g) ?? [];
    expect(chains.length).toBeGreaterThan(3);
    for (const chain of chains) expect(full[0]?.text).toContain(chain);
  });

  // pkg/proxy/util ShouldSkipService: no ClusterIP (headless), so no mode writes anything for it.
  it("a headless Service has no rules in any mode", () => {
    for (const mode of ["iptables", "ipvs", "nftables"] as const)
      expect(setup(mode).only("svc/default/db"), mode).toEqual([]);
  });

  it("follows the node: a ClusterIP's rules on each node, in the mode asked for", () => {
    const { dp } = setup("iptables");
    const node = dp.nodes.get("node-2");
    if (!node) throw new Error("node-2");
    const rules = serviceRules(dp, node, "svc/default/api", "nftables");
    expect(rules.mode).toBe("nftables");
    expect(rules.sections[0]?.text).toContain(
      `chain service-${nftServiceBase("default", "api", "tcp", "")} {`,
    );
  });
});
