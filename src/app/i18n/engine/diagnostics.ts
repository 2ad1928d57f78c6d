import type { diagnosticTexts } from "../../../engine/messages/diagnostics.ts";

/** Japanese diagnostics, one per engine code (same placeholders as the English template). */
export const diagnosticTextsJa: Record<keyof typeof diagnosticTexts, string> = {};
