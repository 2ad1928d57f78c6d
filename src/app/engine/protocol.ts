import type {
  Bucket,
  Cluster,
  ClusterSettings,
  Diagnostic,
  EngineMessage,
  Hop,
  IngressSummary,
  LoadBalancerHealth,
  NameLookup,
  NodeRules,
  Outcome,
  PacketHeader,
  PoolMember,
  Ref,
  ScenarioSpec,
  SentTrace,
  SimEvent,
  SourceFile,
  Trace,
  TraceRequest,
} from "../../engine/index.ts";

/** What the page asks the engine worker for. Each request carries an id; its reply carries the same id. */
export type EngineRequest =
  | BuildRequest
  | TraceRequestMessage
  | RulesRequest
  | DnsRequest
  | SimulateRequest
  | ClusterAtRequest
  | FailNodeRequest
  | PacketsRequest
  | PacketRequest;

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
  /** Pods evicted by this edit (kubectl drain): scheduled anew rather than kept in place. */
  evict?: Ref[];
};

/** Trace `count` requests in a row through the last cluster built, as one client sending them one after another. */
export type TraceRequestMessage = {
  id: number;
  type: "trace";
  from: Ref;
  to: string;
  count: number;
  /** The instant on the page's clock the first request leaves (seconds); default right after the last one. */
  at?: number;
  /** curl's -H and -X (the console's requests); GET with no extra headers by default. */
  headers?: TraceRequest["headers"];
  method?: string;
  /** Seconds between the requests (default the engine's REQUEST_INTERVAL_SECONDS). */
  spacing?: number;
};

/** A node fails at instant `at` of the page's clock: which requests still in flight die at it. */
export type FailNodeRequest = {
  id: number;
  type: "failNode";
  node: Ref;
  at: number;
};

/** The sampled requests of the last simulation that left in [from, to) seconds, as the graph draws them. */
export type PacketsRequest = {
  id: number;
  type: "packets";
  from: number;
  to: number;
};

/** The whole trace of one sampled request of a simulation (its PacketSketch's `n`): the one a learner opens. */
export type PacketRequest = {
  id: number;
  type: "packet";
  run: number;
  n: number;
};

/** A hop as the Time view's graph draws it: where and when it acts, and where the packet is headed once it has. */
export type HopSketch = Pick<Hop, "at" | "node" | "t" | "phase"> & { after: Pick<PacketHeader, "dst"> };

/**
 * A sampled request of a simulation as the Time view draws it: its path, times and fate, without what
 * each hop did and why (texts, headers, causes: most of a trace, about 5 KB cloned from the worker per
 * packet, at 60× hundreds a second). "packet" brings the whole trace of the one a learner opens.
 */
export type PacketSketch = {
  /** Its number in the simulation, for "packet". */
  n: number;
  stream: string;
  /** Seconds from the start. */
  sentAt: number;
  /** The URL it was sent to. */
  to: string;
  outcome: Outcome;
  hops: HopSketch[];
};

/**
 * The rules kube-proxy would write on one node of the last cluster built, in the cluster's proxy mode;
 * with `service`, only that Service's.
 */
export type RulesRequest = {
  id: number;
  type: "rules";
  node: Ref;
  service?: Ref;
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
  /** The learner's scenario as data: the worker writes it as the Scenario document the engine reads. */
  scenario: ScenarioSpec;
  seed?: number;
  /** Requests per stream and second to keep whole for the picture (the rest are counted). */
  sample?: number;
  settings?: Partial<ClusterSettings>;
};

/** The state `t` seconds into the last simulation: the engine replays the control plane up to then. */
export type ClusterAtRequest = {
  id: number;
  type: "clusterAt";
  t: number;
  /** The moment whose cluster the page holds: an equal cluster is not sent again (at 60× a second is a frame). */
  held?: { run: number; t: number };
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

/** The requests sent, in order; or why they could not be sent (no cluster yet, an unknown source, a bad URL). */
export type TraceReply = {
  id: number;
  type: "trace";
  sent: SentTrace[];
  error: EngineMessage | null;
};

/** The requests in flight the failure caught, as they now end (timeout, at the node). */
export type FailNodeReply = {
  id: number;
  type: "failNode";
  lost: SentTrace[];
};

export type PacketsReply = {
  id: number;
  type: "packets";
  /** The simulation they belong to (SimulationView.run). */
  run: number;
  packets: PacketSketch[];
};

/** The trace, or null when the simulation it belonged to was replaced. */
export type PacketReply = {
  id: number;
  type: "packet";
  trace: Trace | null;
};

/** The node's rules in its mode (its iptables tables and each listing), null when the node is not in the cluster. */
export type RulesReply = {
  id: number;
  type: "rules";
  node: Ref;
  service?: Ref;
  rules: NodeRules | null;
};

/** The answer, or why there is none (no cluster yet, an unknown sender, a query that timed out). */
export type DnsReply = {
  id: number;
  type: "dns";
  lookup: NameLookup | null;
  error: EngineMessage | null;
};

/** A simulation's outcome, with the number the worker gave it (its "clusterAt" replies carry it too). */
export type SimulationView = {
  run: number;
  /** Seconds of virtual time. */
  duration: number;
  /** The streams' names, in the scenario's order. */
  streams: string[];
  /** Each stream's requests per second, in the same order. */
  rates: number[];
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
  /** Each load balancer's nodes at that moment, by `lb/NS/NAME`. */
  lbPools: [Ref, PoolMember[]][];
  /** Pods deleted on an unreachable node, which the API server keeps as Terminating. */
  terminatingPods: Ref[];
};

/** The state, or null before any simulation; its cluster null when it equals the held moment's. */
export type ClusterAtReply = {
  id: number;
  type: "clusterAt";
  state: (Omit<TimeState, "cluster"> & { cluster: Cluster | null }) | null;
};

export type EngineReply =
  | BuildReply
  | TraceReply
  | RulesReply
  | DnsReply
  | SimulateReply
  | ClusterAtReply
  | FailNodeReply
  | PacketsReply
  | PacketReply;

/** The reply type that answers a request type. */
export type ReplyFor<R extends { type: EngineRequest["type"] }> = Extract<EngineReply, { type: R["type"] }>;
