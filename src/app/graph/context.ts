import { createContext, useContext } from "react";
import type { GraphModel } from "./layout.ts";
import { createRouter } from "./route.ts";

const empty: GraphModel = {
  nodes: [],
  edges: [],
  anchors: new Map(),
  boxes: new Map(),
  aliases: new Map(),
  endpoints: new Map(),
  selectors: new Map(),
  router: createRouter([]),
  obstacles: [],
  compact: false,
};

/** The current layout, for node components that need more than their own data (hover highlights). */
export const GraphModelContext = createContext<GraphModel>(empty);

export function useGraphModel(): GraphModel {
  return useContext(GraphModelContext);
}
