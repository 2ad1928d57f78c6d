import { create } from "zustand";
import { type ClusterSlice, createClusterSlice } from "./clusterSlice.ts";

export type AppState = ClusterSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createClusterSlice(...a),
}));
