import type { Messages } from "../types.ts";

/** The page's layout: the Time view's lower panel, its separator and the button that folds it. */
export const layout = {
  en: {
    "layout.resizeTime": "Resize the timeline, scenario and events",
    "layout.timeDetails": "Scenario, settings and events",
  },
  ja: {
    "layout.resizeTime": "タイムライン、シナリオとイベントの欄の高さを変える",
    "layout.timeDetails": "シナリオ、設定とイベント",
  },
} satisfies Messages;
