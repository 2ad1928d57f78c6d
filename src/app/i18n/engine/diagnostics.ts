import type { diagnosticTexts } from "../../../engine/index.ts";

/** Japanese diagnostics, one per engine code (same placeholders as the English template). */
export const diagnosticTextsJa: Record<keyof typeof diagnosticTexts, string> = {};
