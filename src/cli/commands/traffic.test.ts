import { describe, expect, it } from "vitest";
import { DOCS, svclab } from "./trace.test-helpers.ts";

describe("svclab traffic", () => {
  it("prints {total, outcomes, backends} keyed NS/POD with -o json (DESIGN.md contract)", () => {
    const r = svclab(
      [
        "traffic",
        "--from",
        "pod/default/client",
        "--to",
        "my-service:80",
        "--count",
        "300",
        "-f",
        "d.yaml",
        "--seed",
        "7",
        "-o",
        "json",
      ],
      { "d.yaml": DOCS },
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.total).toBe(300);
    expect(json.outcomes).toEqual({ delivered: 300 });
    const keys = Object.keys(json.backends);
    expect(keys).toHaveLength(3);
    expect(keys.every((k) => /^default\/my-app-/.test(k))).toBe(true);
  });

  it("sends nothing to a failed node's pods", () => {
    const r = svclab(
      [
        "traffic",
        "--from",
        "pod/default/client",
        "--to",
        "my-service:80",
        "--count",
        "100",
        "-f",
        "d.yaml",
        "--fail-node",
        "node-3",
        "-o",
        "json",
      ],
      { "d.yaml": DOCS },
    );
    expect(Object.values(JSON.parse(r.out).backends).reduce((a: number, b) => a + Number(b), 0)).toBe(100);
    expect(Object.keys(JSON.parse(r.out).backends)).toHaveLength(2);
  });

  it("prints a table for people without -o json, and needs --count", () => {
    const files = { "d.yaml": DOCS };
    const r = svclab(
      ["traffic", "--from", "external", "--to", "192.168.0.11:30007", "--count", "10", "-f", "d.yaml"],
      files,
    );
    expect(r.out).toMatch(/Outcomes:\n {2}delivered +10 +100\.0%/);
    expect(
      svclab(["traffic", "--from", "external", "--to", "192.168.0.11:30007", "-f", "d.yaml"], files).code,
    ).toBe(2);
  });
});
