import { describe, expect, it } from "vitest";
import type { KubeProxyMode } from "../cluster/types.ts";
import { dataPlaneFromYaml, traceOf } from "./testing.ts";

const WEB = `
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  nodeName: node-2
  containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, nodePort: 30080}]
`;

function fromNode(mode: KubeProxyMode, to: string) {
  return traceOf(dataPlaneFromYaml(WEB, { settings: { kubeProxyMode: mode } }), "node/node-1", to);
}

describe("localhost NodePorts", () => {
  it("reach the Service from the node in iptables mode (--iptables-localhost-nodeports, default true; iptables proxier.go)", () => {
    const trace = fromNode("iptables", "127.0.0.1:30080");
    expect(trace.outcome).toBe("delivered");
    expect(trace.backend?.pod).toBe("pod/default/web");
  });

  it("do not exist in nftables mode: nothing listens on 127.0.0.1:NODEPORT (nftables proxier.go: localhost NodePorts are not supported)", () => {
    expect(fromNode("nftables", "127.0.0.1:30080").outcome).toBe("refused");
    // The node's own address still takes the NodePort (nodePortAddresses: primary).
    expect(fromNode("nftables", "192.168.0.11:30080").outcome).toBe("delivered");
  });

  it("do not exist in ipvs mode: KUBE-SERVICES returns connections from 127.0.0.0/8 first (ipvs proxier.go writeIptablesRules)", () => {
    expect(fromNode("ipvs", "127.0.0.1:30080").outcome).toBe("refused");
  });
});
