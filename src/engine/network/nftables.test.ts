import { describe, expect, it } from "vitest";
import { nftablesRules, renderNftables } from "./nftables.ts";
import { dataPlaneFromYaml } from "./testing.ts";

/**
 * Two of kube-proxy's own test services (pkg/proxy/nftables/proxier_test.go TestOverallNFTablesRules:
 * ns1/svc1 a ClusterIP with endpoint 10.180.0.1, ns5/svc5 a LoadBalancer with source ranges and
 * ClientIP affinity), so that the hashed chain names can be compared with its expected dump.
 */
const KUBE_PROXY_TEST = `
apiVersion: v1
kind: Service
metadata: {name: svc1, namespace: ns1}
spec:
  ports: [{name: p80, port: 80, protocol: TCP}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: svc1-1, namespace: ns1, labels: {kubernetes.io/service-name: svc1}}
addressType: IPv4
endpoints: [{addresses: [10.180.0.1]}]
ports: [{name: p80, port: 80, protocol: TCP}]
---
apiVersion: v1
kind: Service
metadata: {name: svc5, namespace: ns5}
spec:
  type: LoadBalancer
  loadBalancerIP: 198.51.100.77
  loadBalancerSourceRanges: [203.0.113.0/25]
  sessionAffinity: ClientIP
  ports: [{name: p80, port: 80, protocol: TCP, nodePort: 30002}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: svc5-1, namespace: ns5, labels: {kubernetes.io/service-name: svc5}}
addressType: IPv4
endpoints: [{addresses: [10.180.0.3]}]
ports: [{name: p80, port: 80, protocol: TCP}]
---
apiVersion: v1
kind: Service
metadata: {name: svc6, namespace: ns6}
spec:
  ports: [{name: p80, port: 80, protocol: TCP}]
`;

const NAMESPACES = ["ns1", "ns5", "ns6"]
  .map((ns) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}\n---\n`)
  .join("");

function tableOn(node: string, yaml = NAMESPACES + KUBE_PROXY_TEST) {
  const dp = dataPlaneFromYaml(yaml, { settings: { kubeProxyMode: "nftables" } });
  const state = dp.nodes.get(node);
  if (!state) throw new Error(node);
  return { dp, text: renderNftables(nftablesRules(dp, state)) };
}

describe("kube-proxy's nftables table", () => {
  it("names service and endpoint chains HASH-NS/NAME/PROTO/PORT as kube-proxy does (nftables proxier_test.go TestOverallNFTablesRules)", () => {
    const { text, dp } = tableOn("node-1");
    const ip = dp.services.get("ns1/svc1")?.state.clusterIP;
    expect(text).toContain("\tchain service-ULMVA6XW-ns1/svc1/tcp/p80 {\n");
    expect(text).toContain(
      `\t\tip daddr ${ip} tcp dport 80 ip saddr != 10.244.0.0/22 jump mark-for-masquerade\n` +
        "\t\tnumgen random mod 1 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 }\n",
    );
    expect(text).toContain(
      "\tchain endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 {\n" +
        "\t\tip saddr 10.180.0.1 jump mark-for-masquerade\n" +
        "\t\tmeta l4proto tcp dnat to 10.180.0.1:80\n\t}",
    );
    expect(text).toContain(`${ip} . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80`);
  });

  it("keeps ClientIP affinity in a timeout set per endpoint and drops sources outside loadBalancerSourceRanges (TestOverallNFTablesRules svc5)", () => {
    const { text } = tableOn("node-1");
    expect(text).toContain(
      "\tset affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 {\n\t\ttype ipv4_addr\n\t\tsize 65535\n\t\tflags dynamic,timeout\n\t\ttimeout 3h\n\t}",
    );
    expect(text).toContain(
      "\t\tip saddr @affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 goto endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80\n",
    );
    expect(text).toContain("\t\tupdate @affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 { ip saddr }\n");
    expect(text).toContain(
      "\tchain firewall-HVFWP5L3-ns5/svc5/tcp/p80 {\n\t\tip saddr != 203.0.113.0/25 drop\n\t}",
    );
    expect(text).toContain("198.51.100.77 . tcp . 80 : goto firewall-HVFWP5L3-ns5/svc5/tcp/p80");
    expect(text).toContain(
      "\tchain external-HVFWP5L3-ns5/svc5/tcp/p80 {\n\t\tjump mark-for-masquerade\n\t\tgoto service-HVFWP5L3-ns5/svc5/tcp/p80\n\t}",
    );
    expect(text).toContain("tcp . 30002 : goto external-HVFWP5L3-ns5/svc5/tcp/p80");
  });

  it("rejects a Service without endpoints through reject-chain (TestOverallNFTablesRules svc6)", () => {
    const { text, dp } = tableOn("node-1");
    const ip = dp.services.get("ns6/svc6")?.state.clusterIP;
    expect(text).toContain(`${ip} . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain`);
    expect(text).not.toContain("ns6/svc6/tcp/p80 {");
  });

  it("accepts NodePorts only on the node's primary address, never on 127.0.0.1 (nftables proxier.go: nodePortAddresses defaults to primary)", () => {
    const { text } = tableOn("node-2");
    expect(text).toContain(
      '\tset nodeport-ips {\n\t\ttype ipv4_addr\n\t\tcomment "IPs that accept NodePort traffic"\n\t\telements = { 192.168.0.12 }\n\t}',
    );
    expect(text).toContain("\t\tip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports\n");
    expect(text).not.toContain("127.0.0.1");
  });

  it("lists a ClusterIP once in cluster-ips however many ports it has (ensureElem)", () => {
    const { text } = tableOn("node-1", "");
    const line = text.split("\n").find((l) => l.includes("elements = { 10.96.0.1,"));
    expect(line?.match(/10\.96\.0\.10\b/g)).toHaveLength(1);
  });
});
