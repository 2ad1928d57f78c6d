import { describe, expect, it } from "vitest";
import { DOCS, INVALID, svclab } from "./trace.test-helpers.ts";

describe("svclab trace", () => {
  it("prints {outcome, backend, hops:[{at, kind, detail}]} with -o json (DESIGN.md contract)", () => {
    const r = svclab(
      [
        "trace",
        "--from",
        "pod/default/client",
        "--to",
        "http://my-service/",
        "-f",
        "docs.yaml",
        "-o",
        "json",
      ],
      { "docs.yaml": DOCS },
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["outcome", "backend", "hops"]);
    expect(json.outcome).toBe("delivered");
    expect(Object.keys(json.backend)).toEqual(["pod", "node", "ip", "port", "clientIP"]);
    expect(json.backend.pod).toMatch(/^pod\/default\/my-app-/);
    expect(Object.keys(json.hops[0])).toEqual(["at", "kind", "detail"]);
  });

  it("reads like curl -v, then lists the hops", () => {
    const r = svclab(["trace", "--from", "external", "--to", "192.168.0.12:30007", "-f", "docs.yaml"], {
      "docs.yaml": DOCS,
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain("*   Trying 192.168.0.12:30007...");
    expect(r.out).toContain("* Connected to 192.168.0.12 (192.168.0.12) port 30007");
    expect(r.out).toContain("the pod sees the client as 192.168.0.12");
    expect(r.out).toMatch(/Hops:\n {2}1 {2}request {2}client\/external/);
    expect(r.out.trimEnd().endsWith("outcome: delivered")).toBe(true);
  });

  it("times out on a failed node's nodePort with --fail-node", () => {
    const r = svclab(
      [
        "trace",
        "--from",
        "external",
        "--to",
        "192.168.0.12:30007",
        "-f",
        "d.yaml",
        "--fail-node",
        "node-2",
        "-o",
        "json",
      ],
      { "d.yaml": DOCS },
    );
    expect(JSON.parse(r.out)).toMatchObject({ outcome: "timeout", backend: null });
  });

  it("reports nxdomain like curl: Could not resolve host", () => {
    const r = svclab(["trace", "--from", "pod/default/client", "--to", "http://nope/", "-f", "d.yaml"], {
      "d.yaml": DOCS,
    });
    expect(r.out).toContain("* Could not resolve host: nope");
    expect(r.out).toContain("outcome: nxdomain");
  });

  it("prints diagnostics as FILE:LINE:COL: PATH: message and exits 1 for invalid manifests", () => {
    const r = svclab(["trace", "--from", "external", "--to", "1.2.3.4:80", "-f", "bad.yaml"], {
      "bad.yaml": INVALID,
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^bad\.yaml:9:5: spec\.ports\[0\]\.nodePort: /m);
  });

  it("exits 2 with a message for usage errors", () => {
    const files = { "d.yaml": DOCS };
    expect(svclab(["trace", "--to", "web:80", "-f", "d.yaml"], files).code).toBe(2);
    expect(
      svclab(["trace", "--from", "pod/default/ghost", "--to", "web:80", "-f", "d.yaml"], files).err,
    ).toContain("no such pod");
    expect(svclab(["trace", "--from", "external", "--to", "web", "-f", "d.yaml"], files).code).toBe(2);
    expect(
      svclab(
        ["trace", "--from", "external", "--to", "web:80", "-f", "d.yaml", "--fail-node", "node-9"],
        files,
      ).code,
    ).toBe(2);
    expect(svclab(["trace", "--from", "external", "--to", "web:80", "-f", "missing.yaml"], files).code).toBe(
      2,
    );
    expect(
      svclab(["trace", "--from", "external", "--to", "web:80", "-f", "d.yaml", "--seed", "x"], files).code,
    ).toBe(2);
  });
});
