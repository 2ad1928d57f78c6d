import { describe, expect, it } from "vitest";
import { message, renderMessage } from "../../../engine/messages/index.ts";
import { loadAppTexts } from "../index.ts";
import { englishEngineTextsLoaded, loadEnglishEngineTexts, onEnglishEngineTexts } from "./english.ts";
import { engineTextsLoaded, formatEngineMessage, PENDING_TEXT } from "./index.ts";

// Issue 15: the page fetches the engine's English templates when it first shows one of its texts.
describe("the engine's English on the page", () => {
  const refused = message("request.scheme", { to: "ftp://web" });

  it("shows a pending mark, never a code or nothing, until the templates arrive, then the CLI's English", async () => {
    expect(englishEngineTextsLoaded()).toBe(false);
    const arrived: string[] = [];
    const stop = onEnglishEngineTexts(() => arrived.push(formatEngineMessage(refused, "en")));
    expect(formatEngineMessage(refused, "en")).toBe(PENDING_TEXT);
    await loadEnglishEngineTexts();
    stop();
    expect(arrived).toEqual([renderMessage(refused)]);
    expect(formatEngineMessage(refused, "en")).toBe(renderMessage(refused));
    expect(engineTextsLoaded("en")).toBe(true);
  });

  it("renders Japanese from the Japanese texts alone", async () => {
    await loadAppTexts("ja");
    expect(engineTextsLoaded("ja")).toBe(true);
    expect(formatEngineMessage(refused, "ja")).not.toBe(renderMessage(refused));
    expect(formatEngineMessage(refused, "ja")).toContain("ftp://web");
  });
});
