import { Text } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { documentLines, yamlContext } from "./yamlContext.ts";

/** The context at the "|" in the text. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf("|");
  return yamlContext(textWithCursor.replace("|", ""), offset);
}

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  ports:
    - name: http
      port: 80
`;

describe("yamlContext", () => {
  it("finds a top-level key and the document's kind", () => {
    expect(at(`${service}me|`)).toMatchObject({
      kind: "Service",
      parents: [],
      at: "key",
      key: "me",
      column: 0,
    });
  });

  it("finds the keys above a nested key by indentation", () => {
    expect(at(service.replace("  type: ClusterIP", "  ty|"))).toMatchObject({ parents: ["spec"], key: "ty" });
  });

  it("steps into a list item, from its first line or a later one", () => {
    expect(at(`${service}      tar|`)).toMatchObject({ parents: ["spec", "ports", "[]"], key: "tar" });
    expect(at(`${service}    - na|`)).toMatchObject({
      parents: ["spec", "ports", "[]"],
      key: "na",
      column: 6,
    });
  });

  it("follows nested lists (containers, then their ports)", () => {
    const text = `kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: nginx
          ports:
            - containerPort: 80
              |`;
    expect(at(text).parents).toEqual(["spec", "template", "spec", "containers", "[]", "ports", "[]"]);
  });

  it("tells a value from a key, and gives the value's range", () => {
    const ctx = at(service.replace("type: ClusterIP", "type: Node|"));
    expect(ctx).toMatchObject({ at: "value", key: "type", parents: ["spec"] });
    const offset = service.indexOf("type: ") + "type: ".length;
    expect([ctx.from, ctx.to]).toEqual([offset, offset + 4]);
  });

  it("reads only the document the cursor is in", () => {
    const text = `kind: Deployment\nspec:\n  replicas: 1\n---\nkind: Service\nspec:\n  |`;
    expect(at(text)).toMatchObject({ kind: "Service", parents: ["spec"] });
    expect(at(`kind: Deployment\n---\n|`).kind).toBeNull();
  });

  it("finds its document's bounds in a file of thousands of objects, and a `---` line opens the next one", () => {
    const objects = Array.from({ length: 3_000 }, (_, i) => `kind: Service\nmetadata:\n  name: s${i}\n`);
    const doc = Text.of(objects.join("---\n").split("\n"));
    // Each object is 3 lines and the `---` before it: object 1,500's `---` is line 6,000.
    const separator = 1_500 * 4;
    expect(documentLines(doc, separator + 3)).toEqual({ first: separator, last: separator + 3 });
    expect(documentLines(doc, separator)).toEqual({ first: separator, last: separator + 3 });
    expect(documentLines(doc, 1)).toEqual({ first: 1, last: 3 });
    const cursor = doc.line(separator + 3).to;
    expect(yamlContext(doc, cursor)).toMatchObject({ kind: "Service", parents: ["metadata"], at: "value" });
  });

  it("skips comments and blank lines, and copes with half-typed text", () => {
    expect(at("kind: Pod\nspec:\n\n  # a comment\n  con|").parents).toEqual(["spec"]);
    expect(at("\t\t: : -|")).toMatchObject({ at: "key" });
    expect(at("|")).toMatchObject({ kind: null, parents: [], key: "" });
  });
});
