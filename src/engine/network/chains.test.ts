import { describe, expect, it } from "vitest";
import {
  endpointChain,
  serviceChain,
  serviceExternalChain,
  serviceLocalChain,
  servicePortName,
} from "./chains.ts";

describe("kube-proxy chain names", () => {
  it("names a service port as proxy.ServicePortName.String() does (fmtPortName omits an empty name)", () => {
    expect(servicePortName("default", "web", "http")).toBe("default/web:http");
    expect(servicePortName("default", "web", undefined)).toBe("default/web");
  });

  it("hashes like proxier.go portProtoHash: the chains every cluster has", () => {
    // The well-known chains of kube-dns and kubernetes, as `iptables-save` shows them on any cluster.
    expect(serviceChain("kube-system/kube-dns:dns", "udp")).toBe("KUBE-SVC-TCOU7JCQXEZGVUNU");
    expect(serviceChain("kube-system/kube-dns:dns-tcp", "tcp")).toBe("KUBE-SVC-ERIFXISQEP7F7OF4");
    expect(serviceChain("kube-system/kube-dns:metrics", "tcp")).toBe("KUBE-SVC-JD5MR3NA4I4DYORP");
    expect(serviceChain("default/kubernetes:https", "tcp")).toBe("KUBE-SVC-NPX46M4PTMTKRN6Y");
  });

  it("uses one hash for the SVC, SVL and EXT chains of a port, and another per endpoint", () => {
    const svc = serviceChain("ns1/svc1:p80", "tcp");
    expect(svc).toBe("KUBE-SVC-XPGD46QRK7WJZT7O");
    expect(serviceLocalChain("ns1/svc1:p80", "tcp")).toBe("KUBE-SVL-XPGD46QRK7WJZT7O");
    expect(serviceExternalChain("ns1/svc1:p80", "tcp")).toBe("KUBE-EXT-XPGD46QRK7WJZT7O");
    // proxier_test.go: ns1/svc1:p80 endpoint 10.180.0.1:80 is KUBE-SEP-SXIVWICOYRO3J4NJ.
    expect(endpointChain("ns1/svc1:p80", "tcp", "10.180.0.1:80")).toBe("KUBE-SEP-SXIVWICOYRO3J4NJ");
    expect(endpointChain("ns1/svc1:p80", "tcp", "10.180.0.1:80")).toMatch(/^KUBE-SEP-[A-Z2-7]{16}$/);
  });
});
