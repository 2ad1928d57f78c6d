import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { misspelledTerms } from "./glossary.ts";
import { cataloguesJa } from "./japanese.ts";

const lessonsDir = new URL("../../lessons/", import.meta.url);
const sourcesDir = new URL("../../", import.meta.url);
const lessonFiles = readdirSync(lessonsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => `${d.name}/ja.md`);

/** Every file of the repository's sources that holds Japanese (kana), wherever it lives: catalogues, lessons, components. */
function japaneseSources(dir: URL): URL[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const url = new URL(entry.isDirectory() ? `${entry.name}/` : entry.name, dir);
    if (entry.isDirectory()) return japaneseSources(url);
    if (!/\.(ts|tsx|md)$/.test(entry.name) || /\.test\.ts$/.test(entry.name)) return [];
    return /[\u3040-\u30ff]/.test(readFileSync(url, "utf8")) ? [url] : [];
  });
}

// Spelling: the Japanese Kubernetes documentation (kubernetes.io/ja), e.g. ロードバランサー, サーバー.
describe("the Japanese glossary", () => {
  it("finds every term spelt as the Japanese Kubernetes docs spell it in the app's Japanese texts", () => {
    const wrong = cataloguesJa.flatMap((c) =>
      Object.entries(c).flatMap(([key, text]) => misspelledTerms(String(text)).map((m) => `${key}: ${m}`)),
    );
    expect(wrong).toEqual([]);
  });

  it("finds every term spelt as the Japanese Kubernetes docs spell it in every lesson's ja.md", () => {
    const wrong = lessonFiles.flatMap((file) =>
      misspelledTerms(readFileSync(new URL(file, lessonsDir), "utf8")).map((m) => `${file}: ${m}`),
    );
    expect(wrong).toEqual([]);
  });

  it("finds every term spelt as the docs spell it in every source file holding Japanese", () => {
    const files = japaneseSources(sourcesDir).filter((url) => !url.pathname.endsWith("/i18n/glossary.ts"));
    // The catalogues above, the engine's (i18n/engine) and whatever else holds Japanese.
    expect(files.some((url) => url.pathname.endsWith("/i18n/engine/hops.ts"))).toBe(true);
    const wrong = files.flatMap((url) =>
      misspelledTerms(readFileSync(url, "utf8")).map((m) => `${url.pathname}: ${m}`),
    );
    expect(wrong).toEqual([]);
  });

  it("catches a term spelt without its long vowel", () => {
    expect(misspelledTerms("外部ロードバランサがサーバに送る")).toHaveLength(2);
    expect(misspelledTerms("外部ロードバランサーがサーバーに送る")).toEqual([]);
  });
});
