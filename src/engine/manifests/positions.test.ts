import { describe, expect, it } from "vitest";
import { parentPath, positionOf } from "./positions.ts";
import type { SourcedObject } from "./types.ts";

const source: SourcedObject = {
  object: { apiVersion: "v1", kind: "Service", metadata: { name: "web" } },
  file: "f.yaml",
  documentIndex: 0,
  positions: new Map([
    ["", { file: "f.yaml", line: 3, column: 1 }],
    ["spec.ports[0]", { file: "f.yaml", line: 7, column: 5 }],
    ["metadata.labels", { file: "f.yaml", line: 5, column: 3 }],
  ]),
};

describe("positionOf", () => {
  it("returns a field's own position when it was written", () => {
    expect(positionOf(source, "spec.ports[0]")).toEqual({ file: "f.yaml", line: 7, column: 5 });
  });

  it("walks up to the nearest written parent for a defaulted field", () => {
    expect(positionOf(source, "spec.ports[0].protocol")).toMatchObject({ line: 7 });
    expect(positionOf(source, "metadata.labels.app.kubernetes.io/name")).toMatchObject({ line: 5 });
    expect(positionOf(source, "spec.type")).toMatchObject({ line: 3 });
  });

  it("falls back to the file's first line when nothing is known", () => {
    expect(positionOf({ ...source, positions: new Map() }, "spec")).toEqual({
      file: "f.yaml",
      line: 1,
      column: 1,
    });
  });
});

describe("parentPath", () => {
  it("drops the last key or index", () => {
    expect(["spec.ports[1].name", "spec.ports[1]", "spec.ports", "spec"].map(parentPath)).toEqual([
      "spec.ports[1]",
      "spec.ports",
      "spec",
      "",
    ]);
  });
});
