// The engine's public API: the only module that src/app, src/cli and src/lessons import from src/engine.

export { buildNodes, DEFAULT_NODE_NAMES } from "./cluster/nodes.ts";
export { defaultSettings, resolveSettings } from "./cluster/settings.ts";
export type {
  Cluster,
  ClusterSettings,
  EndpointSliceState,
  NodeState,
  PodState,
  Ref,
  ServiceState,
} from "./cluster/types.ts";
export type {
  Diagnostic,
  KubeObject,
  Result,
  SourcedObject,
  SourceFile,
  SourcePosition,
} from "./manifests/types.ts";
export { createRandom, type Random } from "./random.ts";
export type { Backend, Hop, HopKind, Outcome, PacketHeader, Trace, TraceRequest } from "./trace/types.ts";
