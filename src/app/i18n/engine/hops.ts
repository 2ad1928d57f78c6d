import type { hopTexts } from "../../../engine/messages/hops.ts";

/** Japanese hop explanations, one per engine code (same placeholders as the English template). */
export const hopTextsJa: Record<keyof typeof hopTexts, string> = {};
