import type { Cluster, ClusterSettings, Diagnostic, SourceFile } from "../../engine/index.ts";

/** What the page asks the engine worker for. Each request carries an id; its reply carries the same id. */
export type EngineRequest = {
  id: number;
  type: "build";
  files: SourceFile[];
  failedNodes: string[];
  settings?: Partial<ClusterSettings>;
};

/** The worker's answer to "build": the cluster when the manifests are valid, and every diagnostic either way. */
export type BuildReply = {
  id: number;
  type: "build";
  cluster: Cluster | null;
  diagnostics: Diagnostic[];
};

export type EngineReply = BuildReply;
