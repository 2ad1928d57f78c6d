import { describe, expect, it } from "vitest";
import { engineTexts, placeholders } from "../../../engine/messages/index.ts";
import { misspelledTerms } from "../glossary.ts";
import { engineTextsJa } from "../japanese.ts";

describe("Japanese engine messages", () => {
  const codes = Object.keys(engineTexts) as (keyof typeof engineTexts)[];

  it("use exactly the placeholders of each English template", () => {
    const mismatched = codes.filter(
      (code) => placeholders(engineTexts[code]).join() !== placeholders(engineTextsJa[code]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  // Spelling: the Japanese Kubernetes documentation (kubernetes.io/ja), e.g. ロードバランサー, サーバー.
  it("spell every Kubernetes term as the glossary does", () => {
    expect(codes.flatMap((code) => misspelledTerms(engineTextsJa[code]))).toEqual([]);
  });
});
