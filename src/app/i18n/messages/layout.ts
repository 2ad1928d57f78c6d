import type { Dictionary } from "../types.ts";

/** The page's layout: the Time view's lower panel, its separator and the button that folds it. */
export const layout = {
  "layout.resizeTime": "Resize the timeline, scenario and events",
  "layout.timeDetails": "Scenario, settings and events",
} satisfies Dictionary;
