import { describe, expect, it } from "vitest";
import { loadLanguage, missingTranslations, preferredLanguage, translate } from "./index.ts";

await loadLanguage("ja");

describe("translate", () => {
  it("gives the learner's language and fills in parameters", () => {
    expect(translate("en", "node.label", { name: "node-1" })).toBe("Node node-1");
    expect(translate("ja", "node.label", { name: "node-1" })).toBe("ノード node-1");
  });
});

describe("missingTranslations", () => {
  it("finds every English text translated into Japanese", () => {
    expect(missingTranslations()).toEqual([]);
  });
});

describe("preferredLanguage", () => {
  it("picks the first browser language Service Lab has, else English", () => {
    expect(preferredLanguage(["ja-JP", "en-US"])).toBe("ja");
    expect(preferredLanguage(["fr-FR", "en-GB"])).toBe("en");
    expect(preferredLanguage(["de"])).toBe("en");
  });
});
