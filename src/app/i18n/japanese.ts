import type { EngineCode } from "../../engine/index.ts";
import { diagnosticTextsJa } from "./engine/diagnostics.ts";
import { eventTextsJa } from "./engine/events.ts";
import { hopTextsJa } from "./engine/hops.ts";
import { consoleMessagesJa } from "./messages/console.ja.ts";
import { editorJa } from "./messages/editor.ja.ts";
import { gatewayJa } from "./messages/gateway.ja.ts";
import { graphJa } from "./messages/graph.ja.ts";
import { ingressJa } from "./messages/ingress.ja.ts";
import { layoutJa } from "./messages/layout.ja.ts";
import { lessonsJa } from "./messages/lessons.ja.ts";
import { liveJa } from "./messages/live.ja.ts";
import { scaleJa } from "./messages/scale.ja.ts";
import { shellJa } from "./messages/shell.ja.ts";
import { timeJa } from "./messages/time.ja.ts";

// Every Japanese text of the app, one chunk fetched only by a learner who reads Japanese (issue 15: an
// English first screen does not carry them). index.ts loads it before the page shows Japanese.

/** The app's own texts in Japanese, by key, one catalogue per feature (messages/X.ja.ts). */
export const cataloguesJa = [
  shellJa,
  graphJa,
  lessonsJa,
  editorJa,
  ingressJa,
  gatewayJa,
  timeJa,
  scaleJa,
  liveJa,
  consoleMessagesJa,
  layoutJa,
] as const;

/** Japanese for every engine code; the types make a missing code a compile error. */
export const engineTextsJa: Record<EngineCode, string> = {
  ...hopTextsJa,
  ...eventTextsJa,
  ...diagnosticTextsJa,
};
