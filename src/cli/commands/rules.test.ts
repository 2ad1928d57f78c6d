import { describe, expect, it } from "vitest";
import { DOCS, svclab } from "./trace.test-helpers.ts";

describe("svclab rules", () => {
  it("prints the node's tables as iptables-save does in iptables mode, and `svclab iptables` is its alias", () => {
    for (const command of ["rules", "iptables"]) {
      const r = svclab([command, "--node", "node-1", "-f", "d.yaml"], { "d.yaml": DOCS });
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^\*filter$/m);
      expect(r.out).toMatch(/^\*nat$/m);
      expect(r.out).toContain(
        "-A KUBE-NODEPORTS -p tcp -m comment --comment default/my-service -m tcp --dport 30007 -j KUBE-EXT-",
      );
      expect(r.out).toContain("-j KUBE-SVC-TCOU7JCQXEZGVUNU");
    }
  });

  it("prints nft list table ip kube-proxy in nftables mode", () => {
    const r = svclab(["rules", "--node", "node-1", "--proxy-mode", "nftables", "-f", "d.yaml"], {
      "d.yaml": DOCS,
    });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^table ip kube-proxy \{\n\tcomment "rules for kube-proxy"\n/);
    expect(r.out).toContain("tcp . 30007 : goto external-");
  });

  it("prints ipvsadm -Ln, the ipsets and the helper rules in ipvs mode, with kube-proxy's deprecation warning", () => {
    const r = svclab(["rules", "--node", "node-1", "--proxy-mode", "ipvs", "-f", "d.yaml"], {
      "d.yaml": DOCS,
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain("# ipvsadm -Ln\nIP Virtual Server version 1.2.1 (size=4096)\n");
    expect(r.out).toContain("TCP  192.168.0.11:30007 rr\n");
    expect(r.out).toContain("# ipset save\ncreate KUBE-LOOP-BACK hash:ip,port,ip");
    expect(r.out).toContain("# iptables-save\n");
    expect(r.err).toContain("The ipvs proxier is now deprecated");
  });

  it("exits 2 for a node that does not exist, or a mode kube-proxy does not have", () => {
    const r = svclab(["rules", "--node", "node-7", "-f", "d.yaml"], { "d.yaml": DOCS });
    expect(r.code).toBe(2);
    expect(r.err).toContain("no such node");
    const bad = svclab(["rules", "--node", "node-1", "--proxy-mode", "userspace", "-f", "d.yaml"], {
      "d.yaml": DOCS,
    });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--proxy-mode");
  });

  it("--service prints only that Service's lines, in each mode", () => {
    const files = { "d.yaml": DOCS };
    const ipt = svclab(["iptables", "--node", "node-1", "--service", "my-service", "-f", "d.yaml"], files);
    expect(ipt.code).toBe(0);
    expect(ipt.out).toContain("writes for svc/default/my-service\n");
    expect(ipt.out).toMatch(/^:KUBE-SVC-[A-Z2-7]{16} - \[0:0\]$/m);
    expect(ipt.out).not.toContain("KUBE-SVC-TCOU7JCQXEZGVUNU");
    expect(ipt.out).not.toContain("default/kubernetes");
    const only = (mode: string, service: string) =>
      svclab(
        ["rules", "--node", "node-1", "--proxy-mode", mode, "--service", service, "-f", "d.yaml"],
        files,
      );
    const nft = only("nftables", "svc/default/my-service");
    expect(nft.out).toContain("tcp . 30007 : goto external-");
    expect(nft.out).not.toContain("chain services {");
    const ipvs = only("ipvs", "default/my-service");
    expect(ipvs.out).toContain("TCP  192.168.0.11:30007 rr\n");
    expect(ipvs.out).not.toContain("ipset save");
    const none = svclab(["rules", "--node", "node-1", "--service", "nope", "-f", "d.yaml"], files);
    expect(none.code).toBe(2);
    expect(none.err).toContain("--service nope: no such Service");
  });
});
