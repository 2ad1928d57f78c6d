import type { eventTexts } from "../../../engine/index.ts";

/** Japanese event messages, one per engine code (same placeholders as the English template). */
export const eventTextsJa: Record<keyof typeof eventTexts, string> = {};
