import { describe, expect, it } from "vitest";
import { translate } from "../i18n/index.ts";
import { outcomeWithCode } from "./outcome.ts";

const english: Parameters<typeof outcomeWithCode>[0] = (key, params) => translate("en", key, params);

describe("outcomeWithCode", () => {
  it("adds the words to the code only when they say more", () => {
    expect(outcomeWithCode(english, "refused")).toBe("refused (connection refused)");
    expect(outcomeWithCode(english, "delivered")).toBe("delivered");
    expect(outcomeWithCode(english, "nxdomain")).toBe("NXDOMAIN");
    expect(outcomeWithCode(english, "http-503")).toBe("HTTP 503");
  });
});
