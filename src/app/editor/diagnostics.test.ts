import { Text } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { type Diagnostic, renderMessage } from "../../engine/index.ts";
import { offsetOf, problemsOf, toEditorDiagnostics } from "./diagnostics.ts";

const doc = Text.of(["kind: Service", "spec:", "  ports:", "    - port: 99999   "]);
const problem = (over: Partial<Diagnostic>): Diagnostic => ({
  file: "a.yaml",
  line: 4,
  column: 7,
  severity: "error",
  path: "spec.ports[0].port",
  text: { code: "name.port.range", params: {} },
  message: "must be between 1 and 65535, inclusive",
  ...over,
});

describe("diagnostics in the editor", () => {
  it("mark from the reported column to the end of the line's text, with the field path", () => {
    const [marker] = toEditorDiagnostics(doc, [problem({})], "a.yaml", renderMessage);
    expect(doc.sliceString(marker?.from ?? 0, marker?.to ?? 0)).toBe("port: 99999");
    expect(marker).toMatchObject({ severity: "error", source: "spec.ports[0].port" });
  });

  it("write a marker's message in the learner's language when it is read, not before", () => {
    const said: string[] = [];
    const [marker] = toEditorDiagnostics(doc, [problem({})], "a.yaml", (m) => {
      said.push(m.code);
      return "ポートは 1 から 65535 まで";
    });
    expect(said).toEqual([]);
    expect(marker?.message).toBe("ポートは 1 から 65535 まで");
  });

  it("keep only the file shown, and clamp positions the text has moved past", () => {
    expect(toEditorDiagnostics(doc, [problem({ file: "b.yaml" })], "a.yaml", renderMessage)).toEqual([]);
    expect(offsetOf(doc, 99, 99)).toBe(doc.length);
    expect(offsetOf(doc, 0, 0)).toBe(0);
    expect(toEditorDiagnostics(Text.of([""]), [problem({})], "a.yaml", renderMessage)[0]).toMatchObject({
      from: 0,
      to: 0,
    });
  });

  it("list errors and current warnings once each, in file order; stale warnings are dropped", () => {
    const warning = problem({ severity: "warning", line: 1, message: "not simulated" });
    const cluster = { warnings: [warning] } as never;
    const listed = problemsOf([problem({}), problem({})], cluster, false);
    expect(listed.map((d) => d.line)).toEqual([1, 4]);
    expect(problemsOf([problem({})], cluster, true)).toHaveLength(1);
  });
});
