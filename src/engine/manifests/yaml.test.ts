import fc from "fast-check";
import { dump, loadAll, YAML11_SCHEMA } from "js-yaml/browser";
import { describe, expect, it } from "vitest";
import { MAX_ALIAS_EXPANDED_NODES, MAX_DEPTH } from "./limits.ts";
import { readYaml } from "./yaml.ts";

const read = (text: string) => readYaml({ name: "f.yaml", text });
const at = (text: string, path: string) => {
  const position = read(text).documents[0]?.positions.get(path);
  return position && [position.line, position.column];
};

describe("readYaml positions", () => {
  const text = [
    "apiVersion: v1", // 1
    "kind: Service", // 2
    "metadata:", // 3
    "  name: web", // 4
    "  labels:", // 5
    "    app.kubernetes.io/name: web", // 6
    '    "quoted": x', // 7
    "spec:", // 8
    "  ports:", // 9
    "  - port: 80", // 10
    "    targetPort: 8080", // 11
    "  - {name: b, port: 81}", // 12
    "  selector: &sel {app: web}", // 13
    "  other: *sel", // 14
  ].join("\n");

  it("gives the document itself the path '' and every field its key's line and column", () => {
    expect(at(text, "")).toEqual([1, 1]);
    expect(at(text, "metadata.name")).toEqual([4, 3]);
    expect(at(text, "spec.ports[0].targetPort")).toEqual([11, 5]);
  });

  it("finds the positions when first asked, and a copy sent to the page keeps the document's own", () => {
    // Issue 15: a document's field positions are found lazily; a structured clone (the worker's reply)
    // copies a Map's entries only, so the document's own position, where the page places its object,
    // must already be there.
    const positions = read(text).documents[0]?.positions ?? new Map();
    const copy = structuredClone(positions);
    expect(copy.get("")).toEqual({ file: "f.yaml", line: 1, column: 1 });
    expect(copy.has("spec.ports[0].targetPort")).toBe(false);
    expect(positions.get("metadata.name")).toEqual({ file: "f.yaml", line: 4, column: 3 });
    expect(positions.get("spec.ports[0].targetPort")).toEqual({ file: "f.yaml", line: 11, column: 5 });
    expect([...positions.keys()]).toContain("metadata.labels.quoted");
  });

  it("keeps dotted keys whole within one segment", () => {
    expect(at(text, "metadata.labels.app.kubernetes.io/name")).toEqual([6, 5]);
    expect(at(text, "metadata.labels.quoted")).toEqual([7, 5]);
  });

  it("positions sequence items at their first character, in block and flow style", () => {
    expect(at(text, "spec.ports[0]")).toEqual([10, 5]);
    expect(at(text, "spec.ports[1]")).toEqual([12, 5]);
    expect(at(text, "spec.ports[1].port")).toEqual([12, 15]);
  });

  it("positions an alias at itself and follows it in the value", () => {
    expect(at(text, "spec.other")).toEqual([14, 3]);
    expect(read(text).documents[0]?.value).toMatchObject({ spec: { other: { app: "web" } } });
  });
});

describe("readYaml documents", () => {
  it("numbers documents, empty ones included, so indexes match the file", () => {
    const { documents } = read("a: 1\n---\n---\nb: 2\n");
    expect(documents.map((d) => [d.index, d.value])).toEqual([
      [0, { a: 1 }],
      [1, null],
      [2, { b: 2 }],
    ]);
  });

  it("reads YAML 1.1 scalars as kubectl's go-yaml v2 does: yes is true, 0755 is octal", () => {
    expect(read("a: yes\nb: 0755\nc: '0755'\n").documents[0]?.value).toEqual({ a: true, b: 493, c: "0755" });
  });

  it("turns timestamps into RFC 3339 strings, as sigs.k8s.io/yaml's JSON conversion does", () => {
    expect(read("t: 2024-01-02T03:04:05Z\n").documents[0]?.value).toEqual({ t: "2024-01-02T03:04:05Z" });
  });

  it("keeps a __proto__ key as an ordinary field, never as the prototype", () => {
    const value = read("__proto__: {polluted: true}\n").documents[0]?.value as Record<string, unknown>;
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("readYaml errors", () => {
  it("reports a syntax error at js-yaml's mark, 1-based", () => {
    const { diagnostics } = read("a: 1\nb: [1, 2\n");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: "f.yaml", line: 3, severity: "error", path: "" });
    expect(diagnostics[0]?.message).toMatch(/^YAML syntax error: /);
  });

  it("reports a duplicated key at the key", () => {
    expect(read("a: 1\na: 2\n").diagnostics[0]).toMatchObject({ line: 2, column: 1 });
  });

  it("refuses a billion-laughs alias bomb at the alias that crosses the limit", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(",")}]`,
      );
    }
    const { documents, diagnostics } = read(lines.join("\n"));
    expect(documents).toHaveLength(0);
    expect(diagnostics[0]?.message).toContain(`more than ${MAX_ALIAS_EXPANDED_NODES} nodes`);
    expect(diagnostics[0]?.line).toBeGreaterThan(1);
  });

  it("refuses documents nested deeper than MAX_DEPTH", () => {
    const { diagnostics } = read(`${"[".repeat(MAX_DEPTH + 5)}${"]".repeat(MAX_DEPTH + 5)}`);
    expect(diagnostics[0]?.message).toContain(`maxDepth (${MAX_DEPTH})`);
  });

  it("refuses binary garbage with a positioned error", () => {
    const garbage = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join("");
    const { diagnostics } = read(garbage);
    expect(diagnostics[0]).toMatchObject({ severity: "error" });
    expect(diagnostics[0]?.line).toBeGreaterThanOrEqual(1);
  });

  it("keeps documents before a bad one when the error is in construction, not syntax", () => {
    const { documents, diagnostics } = read("a: 1\n---\nb: 1\nb: 2\n---\nc: 3\n");
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }, { c: 3 }]);
    expect(diagnostics[0]).toMatchObject({ line: 4 });
  });
});

describe("readYaml's one pass over plain documents (issue 15)", () => {
  // YAML 1.1 scalars whose value is not their text, as keys and as values.
  const scalar = fc.oneof(
    fc.constantFrom(
      "yes",
      "no",
      "on",
      "~",
      "null",
      "0755",
      "0x1F",
      "1.0",
      ".inf",
      "2024-01-02",
      "<<",
      "__proto__",
    ),
    fc.string({ maxLength: 6 }),
    fc.integer(),
  );
  const value = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      scalar,
      fc.array(tie("node"), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 6 }), tie("node"), { maxKeys: 4 }),
    ),
  })).node;

  it("builds the value js-yaml's constructor builds and the positions the full walk finds", () => {
    fc.assert(
      fc.property(value, fc.boolean(), (input, flow) => {
        const text = dump(input, { flowLevel: flow ? 1 : -1 });
        // Plain text that reads back as other scalars (`yes`, a date) shows the YAML 1.1 reading.
        const quirky = text.replace(/'/g, "");
        for (const yaml of [text, quirky]) {
          let expected: unknown;
          try {
            expected = loadAll(yaml, { schema: YAML11_SCHEMA })[0];
          } catch {
            continue;
          }
          if (JSON.stringify(expected) === undefined || /\d{4}-\d\d-\d\d/.test(yaml)) continue;
          const document = read(yaml).documents[0];
          expect(document?.value).toEqual(expected);
          const shallow = [...(document?.positions.known() ?? [])];
          const all = new Map(document?.positions);
          for (const [path, at] of shallow) expect(all.get(path)).toEqual(at);
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
