import { describe, expect, it } from "vitest";
import { DOCS, svclab } from "./trace.test-helpers.ts";

describe("svclab dns", () => {
  it("prints {name, rcode, answers:[{name, type, data}]} with -o json (DESIGN.md contract)", () => {
    const r = svclab(["dns", "my-service", "--from", "pod/default/client", "-f", "d.yaml", "-o", "json"], {
      "d.yaml": DOCS,
    });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ name: "my-service.default.svc.cluster.local", rcode: "NOERROR" });
    expect(json.answers).toEqual([
      {
        name: "my-service.default.svc.cluster.local",
        type: "A",
        data: expect.stringMatching(/^10\.\d+\.\d+\.\d+$/),
      },
    ]);
  });

  it("asks for the record type --type names; a PTR query takes an address as dig -x does", () => {
    const dns = (...args: string[]) =>
      svclab(["dns", ...args, "--from", "pod/default/client", "-f", "d.yaml"], { "d.yaml": DOCS });
    expect(dns("my-service", "--type", "AAAA").out).toContain("status: NOERROR");
    expect(dns("dns-version.cluster.local.", "--type", "txt").out).toContain(
      'dns-version.cluster.local.\t28800\tIN\tTXT\t"1.1.0"',
    );
    expect(dns("10.96.0.1", "--type", "PTR").out).toContain(
      "1.0.96.10.in-addr.arpa.\t30\tIN\tPTR\tkubernetes.default.svc.cluster.local.",
    );
    const bad = dns("my-service", "--type", "MX");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--type must be one of A, AAAA, SRV, PTR, TXT, CNAME");
  });

  it("answers NXDOMAIN for a name that does not exist", () => {
    const r = svclab(["dns", "nope", "--from", "pod/default/client", "-f", "d.yaml", "-o", "json"], {
      "d.yaml": DOCS,
    });
    expect(JSON.parse(r.out)).toEqual({ name: "nope", rcode: "NXDOMAIN", answers: [] });
  });

  it("reads like dig, with the names the search path tried", () => {
    const r = svclab(["dns", "kubernetes.default", "--from", "pod/default/client", "-f", "d.yaml"], {
      "d.yaml": DOCS,
    });
    expect(r.out).toContain(";;   kubernetes.default.default.svc.cluster.local.");
    expect(r.out).toContain(";; ->>HEADER<<- opcode: QUERY, status: NOERROR");
    expect(r.out).toContain("kubernetes.default.svc.cluster.local.\t30\tIN\tA\t10.96.0.1");
    expect(r.out).toContain(
      ";; SERVER: 10.96.0.10#53(10.96.0.10) (UDP), answered by pod/kube-system/coredns-",
    );
  });

  it("exits 2 without --from or NAME", () => {
    expect(svclab(["dns", "web", "-f", "d.yaml"], { "d.yaml": DOCS }).code).toBe(2);
    expect(svclab(["dns", "--from", "pod/default/client", "-f", "d.yaml"], { "d.yaml": DOCS }).code).toBe(2);
  });
});
