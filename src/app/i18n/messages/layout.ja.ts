import type { Japanese } from "../types.ts";
import type { layout } from "./layout.ts";

/** layout.ts in Japanese, fetched only for a learner who reads Japanese (../japanese.ts). */
export const layoutJa: Japanese<typeof layout> = {
  "layout.resizeTime": "タイムライン、シナリオとイベントの欄の高さを変える",
  "layout.timeDetails": "シナリオ、設定とイベント",
};
