import type { Outcome } from "../../engine/index.ts";
import type { MessageKey, Params } from "../i18n/index.ts";

type Translate = (key: MessageKey, params?: Params) => string;

/** An outcome in words: "delivered", "connection refused", "timeout", "NXDOMAIN", "HTTP 503". */
export function outcomeText(t: Translate, outcome: Outcome): string {
  if (outcome.startsWith("http-")) return t("outcome.http", { status: outcome.slice("http-".length) });
  switch (outcome) {
    case "delivered":
      return t("outcome.delivered");
    case "refused":
      return t("outcome.refused");
    case "timeout":
      return t("outcome.timeout");
    default:
      return t("outcome.nxdomain");
  }
}

/** Letters and digits only, in lower case: "NXDOMAIN" and "nxdomain", "HTTP 503" and "http-503" read alike. */
const spelling = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The outcome's code as the CLI prints it, with its words beside it when they say more ("refused
 * (connection refused)", not "nxdomain (NXDOMAIN)"); in Japanese, the words alone (the code is English).
 */
export function outcomeWithCode(t: Translate, outcome: Outcome): string {
  const text = outcomeText(t, outcome);
  return spelling(text) === spelling(outcome) ? text : t("outcome.withCode", { code: outcome, text });
}
