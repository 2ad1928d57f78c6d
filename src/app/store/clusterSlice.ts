import type { StateCreator } from "zustand";
import { buildNodes, type NodeState } from "../../engine/index.ts";
import type { AppState } from "./index.ts";

export interface ClusterSlice {
  nodes: NodeState[];
}

export const createClusterSlice: StateCreator<AppState, [], [], ClusterSlice> = () => ({
  nodes: buildNodes([]),
});
