import { describe, expect, it } from "vitest";
import { parseCIDR } from "../cluster/ip.ts";
import { clusterCIDR, iptablesRules, renderIptablesSave, savedProbability } from "./iptables.ts";
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
kind: Pod
metadata: {name: web-c, labels: {app: web}}
spec:
  nodeName: node-2
  containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080, nodePort: 30080}]
`;

function rulesOn(yaml: string, node: string) {
  const dp = dataPlaneFromYaml(yaml);
  const state = dp.nodes.get(node);
  if (!state) throw new Error(node);
  const tables = iptablesRules(dp, state);
  return { dp, tables, text: renderIptablesSave(tables, state) };
}

describe("kube-proxy's iptables rules", () => {
  it("prints statistic probabilities as iptables-save does: a 31-bit fraction with 11 decimals (xt_statistic)", () => {
    expect(savedProbability(1 / 3)).toBe("0.33333333349");
    expect(savedProbability(1 / 2)).toBe("0.50000000000");
    expect(savedProbability(1 / 5)).toBe("0.20000000019");
  });

  it("takes the cluster CIDR to be the smallest range holding every node's pod CIDR", () => {
    const cidrs = ["10.244.1.0/24", "10.244.2.0/24", "10.244.3.0/24"].flatMap((c) => parseCIDR(c) ?? []);
    expect(clusterCIDR(cidrs)).toEqual(parseCIDR("10.244.0.0/22"));
  });

  it("jumps from KUBE-SERVICES to KUBE-SVC for the ClusterIP and to KUBE-EXT from KUBE-NODEPORTS (proxier.go syncProxyRules)", () => {
    const { dp, text } = rulesOn(WEB, "node-1");
    const ip = dp.services.get("default/web")?.state.clusterIP;
    expect(text).toContain(
      `-A KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-CDGGSHYLG3RE2FKL`,
    );
    expect(text).toContain(
      "-A KUBE-NODEPORTS -p tcp -m comment --comment default/web:http -m tcp --dport 30080 -j KUBE-EXT-CDGGSHYLG3RE2FKL",
    );
    expect(text).toContain(
      '-A KUBE-EXT-CDGGSHYLG3RE2FKL -m comment --comment "masquerade traffic for default/web:http external destinations" -j KUBE-MARK-MASQ',
    );
    expect(text).toContain("-A KUBE-EXT-CDGGSHYLG3RE2FKL -j KUBE-SVC-CDGGSHYLG3RE2FKL");
    expect(
      text
        .trimEnd()
        .split("\n")
        .filter((l) => l.startsWith("-A KUBE-SERVICES"))
        .at(-1),
    ).toBe(
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    );
  });

  it("spreads KUBE-SVC over KUBE-SEP chains with probabilities 1/n, 1/(n-1), ... and DNATs in each (writeServiceToEndpointRules)", () => {
    const { dp, tables } = rulesOn(WEB, "node-1");
    const nat = tables.find((t) => t.name === "nat");
    const svc = nat?.rules.filter((r) => r.chain === "KUBE-SVC-CDGGSHYLG3RE2FKL") ?? [];
    expect(svc[0]?.text).toContain("! -s 10.244.0.0/22");
    expect(svc[0]?.target).toBe("KUBE-MARK-MASQ");
    expect(svc.slice(1).map((r) => r.text.match(/--probability (\S+)/)?.[1] ?? null)).toEqual([
      "0.33333333349",
      "0.50000000000",
      null,
    ]);
    const endpoints = dp.services.get("default/web")?.ports[0]?.endpoints.map((e) => e.key) ?? [];
    expect(svc.slice(1).map((r) => r.comment)).toEqual(endpoints.map((e) => `default/web:http -> ${e}`));
    const sep = svc.at(-1)?.target ?? "";
    const dnat = nat?.rules.find((r) => r.chain === sep && r.target === "DNAT");
    expect(dnat?.text).toBe(
      `-A ${sep} -p tcp -m comment --comment default/web:http -m tcp -j DNAT --to-destination ${endpoints.at(-1)}`,
    );
  });

  it("rejects in the filter table when a Service has no endpoints (proxier.go: has no endpoints -j REJECT)", () => {
    const { dp, text } = rulesOn(WEB.replace(/labels: \{app: web\}/g, "labels: {app: old}"), "node-1");
    const ip = dp.services.get("default/web")?.state.clusterIP;
    expect(text).toContain(
      `-A KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "default/web:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable`,
    );
    expect(text).toContain(
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web:http has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j REJECT --reject-with icmp-port-unreachable',
    );
    expect(text).not.toContain("KUBE-SVC-CDGGSHYLG3RE2FKL");
  });

  it("writes a KUBE-SVL chain of local endpoints for externalTrafficPolicy Local, and DROPs external traffic on nodes without any", () => {
    const local = WEB.replace("type: NodePort", "type: NodePort\n  externalTrafficPolicy: Local");
    const withTwo = rulesOn(local, "node-2").tables.find((t) => t.name === "nat")?.rules ?? [];
    expect(
      withTwo.filter((r) => r.chain === "KUBE-SVL-CDGGSHYLG3RE2FKL" && r.target.startsWith("KUBE-SEP-")),
    ).toHaveLength(2);
    expect(withTwo.find((r) => r.chain === "KUBE-EXT-CDGGSHYLG3RE2FKL" && !r.comment)?.target).toBe(
      "KUBE-SVL-CDGGSHYLG3RE2FKL",
    );
    const none = rulesOn(local, "node-3").text;
    expect(none).toContain(
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP',
    );
    expect(none).toContain(
      '-A KUBE-EXT-CDGGSHYLG3RE2FKL -s 10.244.0.0/22 -m comment --comment "pod traffic for default/web:http external destinations" -j KUBE-SVC-CDGGSHYLG3RE2FKL',
    );
  });

  it("checks the recent list before the random rules for sessionAffinity ClientIP (proxier.go: --rcheck --seconds --reap)", () => {
    const sticky = WEB.replace("type: NodePort", "type: NodePort\n  sessionAffinity: ClientIP");
    const nat = rulesOn(sticky, "node-1").tables.find((t) => t.name === "nat")?.rules ?? [];
    const svc = nat.filter((r) => r.chain === "KUBE-SVC-CDGGSHYLG3RE2FKL");
    expect(svc[1]?.text).toContain("-m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-");
    expect(nat.find((r) => r.target === "DNAT")?.text).toContain("-m recent --set --name KUBE-SEP-");
  });

  it("writes nothing for headless and ExternalName Services: kube-proxy skips Services without a ClusterIP (ShouldSkipService)", () => {
    const { text } = rulesOn(
      `apiVersion: v1
kind: Service
metadata: {name: nginx}
spec: {clusterIP: None, selector: {app: nginx}, ports: [{port: 80, name: web}]}
---
apiVersion: v1
kind: Service
metadata: {name: ext}
spec: {type: ExternalName, externalName: example.com}
`,
      "node-1",
    );
    expect(text).not.toContain("default/nginx");
    expect(text).not.toContain("default/ext");
    expect(text).toContain("KUBE-SVC-TCOU7JCQXEZGVUNU");
    expect(text).toMatch(/^\*filter$/m);
    expect(text).toMatch(/^:KUBE-SERVICES - \[0:0\]$/m);
    expect(text.trimEnd().endsWith("COMMIT")).toBe(true);
  });
});

describe("kube-proxy's load-balancer firewall and localnet guard (proxier.go; proxier_test.go dumps)", () => {
  const LB = WEB.replace(
    "type: NodePort",
    "type: LoadBalancer\n  loadBalancerSourceRanges: [203.0.113.0/25]",
  );

  it("sends a load-balancer IP with source ranges through KUBE-FW: admitted sources on to KUBE-EXT, the rest to KUBE-PROXY-FIREWALL's DROP", () => {
    const { text } = rulesOn(LB, "node-1");
    const ip = dataPlaneFromYaml(LB).services.get("default/web")?.state.loadBalancerIPs[0];
    expect(text).toContain(
      `-A KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "default/web:http loadbalancer IP" -m tcp --dport 80 -j KUBE-FW-CDGGSHYLG3RE2FKL`,
    );
    expect(text).toContain(
      '-A KUBE-FW-CDGGSHYLG3RE2FKL -s 203.0.113.0/25 -m comment --comment "default/web:http loadbalancer IP" -j KUBE-EXT-CDGGSHYLG3RE2FKL',
    );
    expect(text).toContain(
      '-A KUBE-FW-CDGGSHYLG3RE2FKL -m comment --comment "other traffic to default/web:http will be dropped by KUBE-PROXY-FIREWALL"\n',
    );
    expect(text).toContain(
      `-A KUBE-PROXY-FIREWALL -d ${ip}/32 -p tcp -m comment --comment "default/web:http traffic not accepted by KUBE-FW-CDGGSHYLG3RE2FKL" -m tcp --dport 80 -j DROP`,
    );
  });

  it("keeps localhost NodePorts (--iptables-localhost-nodeports, default true) and guards 127.0.0.0/8 with KUBE-FIREWALL", () => {
    const { text } = rulesOn(WEB, "node-1");
    expect(text).toContain(
      '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    );
    expect(text).toContain("-A INPUT -j KUBE-FIREWALL");
    expect(text).toContain("-A OUTPUT -j KUBE-FIREWALL");
    // No "! -d 127.0.0.0/8" on the tail call: localhost NodePorts are on.
    expect(text).toContain(
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    );
  });
});
