import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CliIO, UsageError } from "../command.ts";
import { runCli } from "../main.ts";

function fakeIO(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    readText(path) {
      const text = files[path];
      if (text === undefined) throw new UsageError(`cannot read file "${path}" (ENOENT): check the path`);
      return text;
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

const GOOD = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n";
const BAD =
  "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n";
const WARN = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";

describe("svclab validate", () => {
  it("exits 0 and counts the objects when the manifests are valid", () => {
    const t = fakeIO({ "good.yaml": GOOD });
    expect(runCli(["validate", "good.yaml"], t.io)).toBe(0);
    expect(t.out()).toBe("1 object valid\n");
    expect(t.err()).toBe("");
  });

  it("prints warnings to standard error and still exits 0", () => {
    const t = fakeIO({ "good.yaml": GOOD, "cm.yaml": WARN });
    expect(runCli(["validate", "-f", "good.yaml", "-f", "cm.yaml"], t.io)).toBe(0);
    expect(t.out()).toBe("2 objects valid (1 warning)\n");
    expect(t.err()).toMatch(/^cm.yaml:2:1: kind: warning: not simulated: ConfigMap/);
  });

  it("exits 1 with FILE:LINE:COL: FIELD.PATH: message per error", () => {
    const t = fakeIO({ "bad.yaml": BAD });
    expect(runCli(["validate", "bad.yaml"], t.io)).toBe(1);
    expect(t.out()).toBe(
      "bad.yaml:9:5: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n",
    );
  });

  it("reads standard input for '-'", () => {
    const t = fakeIO({ "-": BAD });
    expect(runCli(["validate", "-f", "-"], t.io)).toBe(1);
    expect(t.out()).toMatch(/^<stdin>:9:5: /);
  });

  it("prints {valid, diagnostics} with -o json", () => {
    const t = fakeIO({ "bad.yaml": BAD, "good.yaml": GOOD });
    expect(runCli(["validate", "bad.yaml", "-o", "json"], t.io)).toBe(1);
    const json = JSON.parse(t.out());
    expect(json.valid).toBe(false);
    expect(json.diagnostics[0]).toMatchObject({
      file: "bad.yaml",
      line: 9,
      column: 5,
      path: "spec.ports[0].nodePort",
      severity: "error",
    });
    const ok = fakeIO({ "good.yaml": GOOD });
    expect(runCli(["validate", "good.yaml", "-o", "json"], ok.io)).toBe(0);
    expect(JSON.parse(ok.out())).toEqual({ valid: true, diagnostics: [] });
  });

  it("reports a YAML syntax error with its position", () => {
    const t = fakeIO({ "broken.yaml": "apiVersion: v1\nkind: [Service\n" });
    expect(runCli(["validate", "broken.yaml"], t.io)).toBe(1);
    expect(t.out()).toMatch(/^broken.yaml:3:1: YAML syntax error: /);
  });

  it("exits 2 for an unreadable file, for no files, and for an unknown output format", () => {
    const missing = fakeIO({});
    expect(runCli(["validate", "nope.yaml"], missing.io)).toBe(2);
    expect(missing.err()).toContain('cannot read file "nope.yaml"');
    const none = fakeIO({});
    expect(runCli(["validate"], none.io)).toBe(2);
    expect(none.err()).toContain("no manifest files given");
    const yamlOut = fakeIO({ "good.yaml": GOOD });
    expect(runCli(["validate", "good.yaml", "-o", "yaml"], yamlOut.io)).toBe(2);
  });

  it("finds the Kubernetes documentation's own Service and Ingress examples valid", () => {
    const dir = "examples/k8s-docs";
    const names = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
    const t = fakeIO(
      Object.fromEntries(names.map((n) => [`${dir}/${n}`, readFileSync(`${dir}/${n}`, "utf8")])),
    );
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(runCli(["validate", ...names.map((n) => `${dir}/${n}`)], t.io)).toBe(0);
    expect(t.out()).toMatch(/^\d+ objects valid/);
  });
});
