import { describe, expect, it } from "vitest";
import { DOCS, svclab } from "./trace.test-helpers.ts";

describe("svclab iptables", () => {
  it("prints the node's tables as iptables-save does", () => {
    const r = svclab(["iptables", "--node", "node-1", "-f", "d.yaml"], { "d.yaml": DOCS });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\*filter$/m);
    expect(r.out).toMatch(/^\*nat$/m);
    expect(r.out).toContain(
      "-A KUBE-NODEPORTS -p tcp -m comment --comment default/my-service -m tcp --dport 30007 -j KUBE-EXT-",
    );
    expect(r.out).toContain("-j KUBE-SVC-TCOU7JCQXEZGVUNU");
  });

  it("exits 2 for a node that does not exist", () => {
    const r = svclab(["iptables", "--node", "node-7", "-f", "d.yaml"], { "d.yaml": DOCS });
    expect(r.code).toBe(2);
    expect(r.err).toContain("no such node");
  });
});
