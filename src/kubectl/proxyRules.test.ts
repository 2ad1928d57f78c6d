import { describe, expect, it } from "vitest";
import { nodeRules } from "../engine/index.ts";
import { dataPlaneFromYaml } from "../engine/network/testing.ts";
import { runLine } from "./kubectl.ts";
import { rulesOutput } from "./proxyRules.ts";

const WEB = `
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  nodeName: node-1
  containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

function onNode(mode: "iptables" | "ipvs" | "nftables", line: string) {
  const dp = dataPlaneFromYaml(WEB, { settings: { kubeProxyMode: mode } });
  const node = dp.nodes.get("node-1");
  if (!node) throw new Error("node-1");
  const step = runLine(line, { cluster: dp.cluster, files: [], activeFile: "", shell: { node: "node-1" } });
  if (step.kind !== "rules") throw new Error(`${line}: ${step.kind}`);
  return rulesOutput(nodeRules(dp, node), step.listing, node);
}

describe("kube-proxy's rules in a node's shell (kubectl debug node/N)", () => {
  it("ipvsadm -Ln lists the virtual servers in ipvs mode, and an empty table in the others", () => {
    expect(onNode("ipvs", "ipvsadm -Ln").out).toMatch(/^TCP {2}10\.\d+\.\d+\.\d+:80 rr$/m);
    expect(onNode("iptables", "ipvsadm -L -n").out).toBe(
      "IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn",
    );
  });

  it("nft list ruleset and nft list table ip kube-proxy print the table in nftables mode; nft says no such table otherwise", () => {
    expect(onNode("nftables", "nft list ruleset").out).toMatch(/^table ip kube-proxy \{/);
    expect(onNode("nftables", "nft list table ip kube-proxy").out).toContain("chain services {");
    const missing = onNode("iptables", "nft list table ip kube-proxy");
    expect(missing.status).toBe(1);
    expect(missing.err).toContain("Error: No such file or directory");
  });

  it("iptables-save prints nothing of kube-proxy's in nftables mode, and ipvs mode's helper rules in ipvs mode", () => {
    expect(onNode("nftables", "iptables-save").out).toBe("");
    expect(onNode("ipvs", "iptables-save -t nat").out).toContain("-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN");
  });
});
