import { describe, expect, it } from "vitest";
import { renderMessage } from "../messages/index.ts";
import { loadManifests } from "./load.ts";
import { yamlReason } from "./yamlReasons.ts";

// js-yaml 5's loader (throwError reasons) reports syntax errors; the simulator renders them as codes.
describe("YAML syntax reasons as messages", () => {
  it("gives a known reason a code whose English is js-yaml's own text", () => {
    const reason = "bad indentation of a mapping entry";
    expect(yamlReason(reason)).toEqual({ code: "yaml.reason.mappingIndent", params: {} });
    expect(renderMessage(yamlReason(reason))).toBe(reason);
    expect(renderMessage(yamlReason('unidentified alias "x"'))).toBe('unidentified alias "x"');
  });

  it("keeps a reason it does not know as js-yaml wrote it", () => {
    expect(yamlReason("something new")).toEqual({
      code: "yaml.reason.other",
      params: { reason: "something new" },
    });
  });

  it("reads a real syntax error as a coded reason", () => {
    const result = loadManifests([{ name: "a.yaml", text: "a: 1\n b: 2\n" }]);
    expect(result.diagnostics[0]?.text).toMatchObject({
      code: "yaml.syntax",
      params: { reason: { code: "yaml.reason.mappingIndent" } },
    });
  });
});
