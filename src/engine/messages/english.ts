import { diagnosticTexts } from "./diagnostics.ts";
import { eventTexts } from "./events.ts";
import { hopTexts } from "./hops.ts";

// The English templates in a module of their own, that imports nothing else: the CLI and the engine worker
// render with them at once (renderMessage), while the page fetches this module only when it first shows an
// engine text in English (issue 15: a first screen does not carry them; src/app/i18n/engine/english.ts).

/** Every English template the engine has, by code (codes are unique across the three kinds). */
export const engineTexts = { ...hopTexts, ...eventTexts, ...diagnosticTexts } as const;
export type EngineCode = keyof typeof engineTexts;
