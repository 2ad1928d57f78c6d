import { describe, expect, it } from "vitest";
import { loadManifests } from "../../engine/index.ts";
import sandbox from "../../samples/sandbox.yaml?raw";
import { type Insertion, insertTemplate, templates, withFreeNames } from "./templates.ts";

const apply = (text: string, at: Insertion) => text.slice(0, at.from) + at.insert + text.slice(at.from);
const errors = (text: string) =>
  loadManifests([{ name: "a.yaml", text }]).diagnostics.filter((d) => d.severity === "error");

describe("templates", () => {
  it.each(templates.map((t) => [t.id, t.text] as const))("%s is a valid manifest on its own", (_id, text) => {
    expect(errors(text)).toEqual([]);
  });

  it("build a cluster from an empty editor, one template after another, every step valid", () => {
    let text = "";
    for (const template of templates) {
      text = apply(text, insertTemplate(text, text.length, template.text));
      expect(errors(text)).toEqual([]);
    }
    // Adding the same ones again renames them instead of colliding.
    for (const template of templates) {
      text = apply(text, insertTemplate(text, 0, template.text));
      expect(errors(text)).toEqual([]);
    }
    expect(text).toContain("name: web-clusterip-2");
  });

  it("go after the document the cursor is in, never inside it", () => {
    const cursor = sandbox.indexOf("replicas: 3");
    const at = insertTemplate(sandbox, cursor, templates[0]?.text ?? "");
    const result = apply(sandbox, at);
    expect(errors(result)).toEqual([]);
    expect(result.slice(at.cursor)).toMatch(
      /^apiVersion: v1\nkind: Service\nmetadata:\n {2}name: web-clusterip\n/,
    );
    expect(result.slice(0, at.from)).toMatch(/containerPort: 80\n$/);
  });

  it("fill an empty or comment-only document without a separator", () => {
    const text = "# my cluster\n";
    expect(apply(text, insertTemplate(text, 0, "kind: Namespace\n"))).toBe("kind: Namespace\n# my cluster\n");
    expect(apply("", insertTemplate("", 0, "a: 1"))).toBe("a: 1\n");
  });

  it("rename taken names consistently across the template's objects", () => {
    const endpoints = templates.find((t) => t.id === "endpoints")?.text ?? "";
    const renamed = withFreeNames(endpoints, endpoints);
    expect(renamed.match(/^ {2}name: external-db-2$/gm)).toHaveLength(2);
    expect(withFreeNames("metadata:\n  name: web\n", "x")).toBe("metadata:\n  name: web\n");
  });
});
