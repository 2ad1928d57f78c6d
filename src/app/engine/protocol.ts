import type {
  Bucket,
  Cluster,
  ClusterSettings,
  Diagnostic,
  IptablesTable,
  LoadBalancerHealth,
  NameLookup,
  Ref,
  SimEvent,
  SourceFile,
  Trace,
} from "../../engine/index.ts";
import type { IngressSummary } from "./ingresses.ts";

/** What the page asks the engine worker for. Each request carries an id; its reply carries the same id. */
export type EngineRequest =
  | BuildRequest
  | TraceRequestMessage
  | RulesRequest
  | DnsRequest
  | SimulateRequest
  | ClusterAtRequest;

export type BuildRequest = {
  id: number;
  type: "build";
  files: SourceFile[];
  failedNodes: string[];
  settings?: Partial<ClusterSettings>;
  /**
   * Another document (a lesson, a sample): every pod is scheduled anew. Otherwise the build is an edit
   * of the last one, and the pods that were running stay where they are, as a real cluster keeps them.
   */
  fresh?: boolean;
};

/** Trace `count` requests in a row through the last cluster built, as one client sending them one after another. */
export type TraceRequestMessage = {
  id: number;
  type: "trace";
  from: Ref;
  to: string;
  count: number;
};

/** The iptables rules kube-proxy would write on one node of the last cluster built. */
export type RulesRequest = {
  id: number;
  type: "rules";
  node: Ref;
};

/** Look a name up in the last cluster built, as the resolver of `from` would (svclab dns). */
export type DnsRequest = {
  id: number;
  type: "dns";
  from: Ref;
  name: string;
};

/**
 * Play a Scenario (the document's YAML, as `svclab simulate --scenario` reads it) over the manifests.
 * The worker keeps the simulation, so that "clusterAt" can recompute any moment of it.
 */
export type SimulateRequest = {
  id: number;
  type: "simulate";
  files: SourceFile[];
  scenario: string;
  seed?: number;
};

/** The state `t` seconds into the last simulation: the engine replays the control plane up to then. */
export type ClusterAtRequest = {
  id: number;
  type: "clusterAt";
  t: number;
};

/** The worker's answer to "build": the cluster when the manifests are valid, and every diagnostic either way. */
export type BuildReply = {
  id: number;
  type: "build";
  cluster: Cluster | null;
  diagnostics: Diagnostic[];
  /** The cluster's Ingresses as the graph draws them (empty without a cluster). */
  ingresses: IngressSummary[];
};

/** The traces, in order; or why the request could not be sent (no cluster yet, an unknown source, a bad URL). */
export type TraceReply = {
  id: number;
  type: "trace";
  traces: Trace[];
  error: string | null;
};

/** The node's tables (filter, nat), empty when the node is not in the cluster. */
export type RulesReply = {
  id: number;
  type: "rules";
  node: Ref;
  tables: IptablesTable[];
};

/** The answer, or why there is none (no cluster yet, an unknown sender, a query that timed out). */
export type DnsReply = {
  id: number;
  type: "dns";
  lookup: NameLookup | null;
  error: string | null;
};

/** A simulation's outcome, with the number the worker gave it (its "clusterAt" replies carry it too). */
export type SimulationView = {
  run: number;
  /** Seconds of virtual time. */
  duration: number;
  /** The streams' names, in the scenario's order. */
  streams: string[];
  buckets: Bucket[];
  events: SimEvent[];
};

/** The simulation, or the diagnostics of a manifest or scenario that could not be played. */
export type SimulateReply = {
  id: number;
  type: "simulate";
  simulation: SimulationView | null;
  diagnostics: Diagnostic[];
};

/** What the graph draws at one moment of a simulation. */
export type TimeState = {
  /** The simulation it belongs to (SimulationView.run). */
  run: number;
  t: number;
  cluster: Cluster;
  lbHealth: LoadBalancerHealth[];
  /** Pods deleted on an unreachable node, which the API server keeps as Terminating. */
  terminatingPods: Ref[];
};

/** The state, or null before any simulation. */
export type ClusterAtReply = {
  id: number;
  type: "clusterAt";
  state: TimeState | null;
};

export type EngineReply = BuildReply | TraceReply | RulesReply | DnsReply | SimulateReply | ClusterAtReply;

/** The reply type that answers a request type. */
export type ReplyFor<R extends { type: EngineRequest["type"] }> = Extract<EngineReply, { type: R["type"] }>;
