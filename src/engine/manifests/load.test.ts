import { describe, expect, it } from "vitest";
import { MAX_DIAGNOSTICS } from "./limits.ts";
import { loadManifests } from "./load.ts";

describe("loadManifests", () => {
  it("returns defaulted objects when everything is valid", () => {
    const result = loadManifests([
      {
        name: "a.yaml",
        text: "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n",
      },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value[0]?.object.spec).toMatchObject({
      type: "ClusterIP",
      ports: [{ targetPort: 80, protocol: "TCP" }],
    });
    expect(result.value[0]?.positions.get("spec.ports[0].port")).toEqual({
      file: "a.yaml",
      line: 4,
      column: 17,
    });
  });

  it("stays ok with warnings only, and carries them", () => {
    const result = loadManifests([
      { name: "a.yaml", text: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n" },
    ]);
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
  });

  it("sorts diagnostics by file as given, then line and column (a defaulted field at its parent), and names the object", () => {
    const bad =
      "apiVersion: v1\nkind: Service\nmetadata: {name: Web}\nspec:\n  type: Fast\n  ports: [{port: 0}]\n";
    const result = loadManifests([
      { name: "z.yaml", text: bad },
      { name: "a.yaml", text: "kind: Service\n" },
    ]);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.file, d.line, d.path])).toEqual([
      ["z.yaml", 3, "metadata.name"],
      ["z.yaml", 5, "spec.type"],
      ["z.yaml", 6, "spec.ports[0].targetPort"],
      ["z.yaml", 6, "spec.ports[0].port"],
      ["a.yaml", 1, "apiVersion"],
      ["a.yaml", 1, "metadata"],
    ]);
    expect(result.diagnostics[0]?.object).toBe("svc/default/Web");
  });

  it("honours the settings it is given (node port range, Service CIDR)", () => {
    const text =
      "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: NodePort, ports: [{port: 80, nodePort: 31000}]}\n";
    expect(loadManifests([{ name: "a.yaml", text }]).ok).toBe(true);
    expect(loadManifests([{ name: "a.yaml", text }], { nodePortRange: { min: 30000, max: 30999 } }).ok).toBe(
      false,
    );
  });

  it(`reports at most ${MAX_DIAGNOSTICS} problems, then says how many more there were`, () => {
    const text = Array.from({ length: MAX_DIAGNOSTICS + 50 }, () => "kind: 1\n").join("---\n");
    const result = loadManifests([{ name: "many.yaml", text }]);
    expect(result.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(result.diagnostics.at(-1)?.message).toMatch(/more problems not shown/);
  });

  it("answers a large file of wrong types with positioned errors", () => {
    const doc =
      "apiVersion: v1\nkind: Service\nmetadata: {name: [x], labels: 5}\nspec: {ports: {port: web}, type: [1], selector: no}\n";
    const text = Array.from({ length: 1000 }, () => doc).join("---\n");
    const result = loadManifests([{ name: "big.yaml", text }]);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.every((d) => d.line >= 1 && d.column >= 1)).toBe(true);
  });
});
