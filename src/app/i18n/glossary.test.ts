import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { misspelledTerms } from "./glossary.ts";
import { catalogues } from "./index.ts";

const lessonsDir = new URL("../../lessons/", import.meta.url);
const lessonFiles = readdirSync(lessonsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => `${d.name}/ja.md`);

// Spelling: the Japanese Kubernetes documentation (kubernetes.io/ja), e.g. ロードバランサー, サーバー.
describe("the Japanese glossary", () => {
  it("finds every term spelt as the Japanese Kubernetes docs spell it in the app's Japanese texts", () => {
    const wrong = catalogues.flatMap((c) =>
      Object.entries(c.ja).flatMap(([key, text]) => misspelledTerms(String(text)).map((m) => `${key}: ${m}`)),
    );
    expect(wrong).toEqual([]);
  });

  it("finds every term spelt as the Japanese Kubernetes docs spell it in every lesson's ja.md", () => {
    const wrong = lessonFiles.flatMap((file) =>
      misspelledTerms(readFileSync(new URL(file, lessonsDir), "utf8")).map((m) => `${file}: ${m}`),
    );
    expect(wrong).toEqual([]);
  });

  it("catches a term spelt without its long vowel", () => {
    expect(misspelledTerms("外部ロードバランサがサーバに送る")).toHaveLength(2);
    expect(misspelledTerms("外部ロードバランサーがサーバーに送る")).toEqual([]);
  });
});
