import { describe, expect, it } from "vitest";
import { MAX_FILE_CHARS, MAX_TOTAL_CHARS } from "./limits.ts";
import { parseManifests } from "./parse.ts";

const parse = (text: string, name = "f.yaml") => parseManifests([{ name, text }]);

describe("parseManifests", () => {
  it("reads every document of every file, skipping empty ones (a comment alone is no document)", () => {
    const result = parseManifests([
      { name: "a.yaml", text: "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n" },
      {
        name: "b.yaml",
        text: "# only a comment\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n",
      },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((o) => [o.file, o.documentIndex, o.object.metadata.name])).toEqual([
      ["a.yaml", 0, "a"],
      ["b.yaml", 0, "b"],
    ]);
  });

  it("unwraps a kind: List into its items, with each item's fields positioned in the List's text", () => {
    const text = [
      "apiVersion: v1",
      "kind: List",
      "items:",
      "- apiVersion: v1",
      "  kind: Service",
      "  metadata: {name: a}",
      "  spec:",
      "    ports: [{port: 80}]",
      "- apiVersion: v1",
      "  kind: Service",
      "  metadata: {name: b}",
    ].join("\n");
    const result = parse(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [a, b] = result.value;
    expect(a?.positions.get("")).toMatchObject({ line: 4, column: 3 });
    expect(a?.positions.get("spec.ports[0].port")).toMatchObject({ line: 8, column: 14 });
    expect(b?.positions.get("metadata.name")).toMatchObject({ line: 11, column: 14 });
    expect(b?.positions.has("spec.ports[0].port")).toBe(false);
  });

  it("refuses a document that is not a mapping, at the document", () => {
    const result = parse("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n- just\n- a list\n");
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ line: 5, column: 1, message: expect.stringContaining("must be a mapping") }),
    ]);
  });

  it("requires apiVersion, kind and metadata.name, each at its own place", () => {
    const result = parse("kind: 5\nmetadata:\n  labels: {}\n");
    expect(result.diagnostics.map((d) => [d.path, d.line, d.message.split(":")[0]])).toEqual([
      ["apiVersion", 1, "Required value"],
      ["kind", 1, "Invalid value"],
      ["metadata.name", 2, "Required value"],
    ]);
  });

  it("refuses a file over MAX_FILE_CHARS at once, saying what the limit is", () => {
    const result = parse(`a: "${"x".repeat(10 * 1024 * 1024)}"\n`);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        message: expect.stringContaining(String(MAX_FILE_CHARS)),
      }),
    ]);
  });

  it("refuses files past MAX_TOTAL_CHARS together", () => {
    const big = `# ${"x".repeat(Math.floor(MAX_TOTAL_CHARS / 2) - 10)}\n`;
    const files = [1, 2, 3].map((i) => ({ name: `${i}.yaml`, text: big }));
    const result = parseManifests(files);
    expect(result.diagnostics.map((d) => d.file)).toEqual(["3.yaml"]);
    expect(result.diagnostics[0]?.message).toContain(String(MAX_TOTAL_CHARS));
  });
});
