import { describe, expect, it } from "vitest";
import { renderIptablesSave } from "./iptables.ts";
import { ipvsRules, renderIpsetSave, renderIpvsadm } from "./ipvs.ts";
import { dataPlaneFromYaml } from "./testing.ts";

const WEB = `
apiVersion: v1
kind: Pod
metadata: {name: web-a, labels: {app: web}}
spec:
  nodeName: node-1
  containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: web-b, labels: {app: web}}
spec:
  nodeName: node-2
  containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  sessionAffinity: ClientIP
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080, nodePort: 30080}]
`;

function rulesOn(node: string) {
  const dp = dataPlaneFromYaml(WEB, { settings: { kubeProxyMode: "ipvs" } });
  const state = dp.nodes.get(node);
  if (!state) throw new Error(node);
  return { dp, state, rules: ipvsRules(dp, state) };
}

describe("kube-proxy's ipvs rules", () => {
  it("prints virtual servers as ipvsadm -Ln does: rr scheduler, persistence for ClientIP affinity, Masq real servers (ipvs proxier.go syncService)", () => {
    const { dp, rules } = rulesOn("node-1");
    const ip = dp.services.get("default/web")?.state.clusterIP;
    const text = renderIpvsadm(rules.virtualServers);
    expect(text.split("\n").slice(0, 3)).toEqual([
      "IP Virtual Server version 1.2.1 (size=4096)",
      "Prot LocalAddress:Port Scheduler Flags",
      "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn",
    ]);
    expect(text).toContain(
      `TCP  ${ip}:80 rr persistent 10800\n  -> 10.244.1.3:8080              Masq    1      0          0         \n  -> 10.244.2.3:8080`,
    );
  });

  it("serves the load balancer and NodePort from this node's endpoints only with externalTrafficPolicy Local (syncEndpoint onlyNodeLocalEndpoints)", () => {
    const { rules } = rulesOn("node-2");
    const text = renderIpvsadm(rules.virtualServers);
    expect(text).toContain(
      "TCP  192.168.0.12:30080 rr persistent 10800\n  -> 10.244.2.3:8080              Masq    1      0          0         \n",
    );
  });

  it("falls back to every endpoint on a node without a local one (kubernetes PR #97081)", () => {
    const { rules } = rulesOn("node-3");
    const nodePort = rules.virtualServers.find((v) => v.port === 30080);
    expect(nodePort?.realServers.map((e) => e.key)).toEqual(["10.244.1.3:8080", "10.244.2.3:8080"]);
  });

  it("fills the KUBE-* ipsets kube-proxy matches (ipset.go ipsetInfo)", () => {
    const { dp, rules } = rulesOn("node-1");
    const ip = dp.services.get("default/web")?.state.clusterIP;
    const lb = dp.services.get("default/web")?.state.loadBalancerIPs[0];
    const text = renderIpsetSave(rules.ipsets);
    expect(text).toContain("create KUBE-CLUSTER-IP hash:ip,port family inet hashsize 1024 maxelem 65536\n");
    expect(text).toContain(`add KUBE-CLUSTER-IP ${ip},tcp:80\n`);
    expect(text).toContain(`add KUBE-LOAD-BALANCER-LOCAL ${lb},tcp:80\n`);
    expect(text).toContain("add KUBE-NODE-PORT-LOCAL-TCP 30080\n");
    expect(text).toContain("add KUBE-LOOP-BACK 10.244.1.3,tcp:8080,10.244.1.3\n");
    expect(text).not.toContain("add KUBE-LOOP-BACK 10.244.2.3");
    expect(text).toContain(`add KUBE-IPVS-IPS ${ip}\n`);
  });

  it("writes the helper iptables rules that match the sets (ipvs proxier.go writeIptablesRules)", () => {
    const { rules, state } = rulesOn("node-1");
    const text = renderIptablesSave(rules.iptables, state, "ipvs");
    expect(text).toContain("-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN\n");
    expect(text).toContain(
      '-A KUBE-SERVICES ! -s 10.244.0.0/22 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ\n',
    );
    expect(text).toContain(
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port with externalTrafficPolicy=local" -m set --match-set KUBE-NODE-PORT-LOCAL-TCP dst -j RETURN\n',
    );
    expect(text).toContain(
      '-A INPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER\n',
    );
    expect(text).toContain(
      "-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable\n",
    );
  });
});
