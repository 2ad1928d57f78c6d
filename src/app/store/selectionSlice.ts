import type { StateCreator } from "zustand";
import type { Ref } from "../../engine/index.ts";
import type { AppState } from "./index.ts";

/**
 * The one object the learner is looking at, as a ref (`svc/default/web`): selected in the graph, or
 * under the cursor in the editor. The graph highlights it and the editor reveals its YAML.
 */
export interface SelectionSlice {
  selectedRef: Ref | null;
  select(ref: Ref | null): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selectedRef: null,
  select: (ref) => {
    if (get().selectedRef !== ref) set({ selectedRef: ref });
  },
});
