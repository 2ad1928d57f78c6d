import type { Bucket, Cluster, NameLookup, Ref, ScenarioSpec, SimEvent, Trace } from "../engine/index.ts";

/** A request the learner sent, with the cluster it met (its failed nodes, its addresses). */
export interface SentRequest {
  trace: Trace;
  cluster: Cluster;
}

export interface DnsLookupRecord {
  from: Ref;
  name: string;
  /** What the sender's resolver answered. */
  result: NameLookup;
  cluster: Cluster;
}

/** The learner's scenario played on the virtual clock, and what came of it. */
export interface SimulationRecord {
  scenario: ScenarioSpec;
  /** One per second and stream. */
  buckets: Bucket[];
  events: SimEvent[];
  /** The cluster at the start, where the streams' addresses are read. */
  cluster: Cluster;
}

/**
 * What a learner did in a lesson and what the engine made of it: the goals are judged against this
 * record. The UI builds it from its store; the replayer builds it headlessly.
 */
export interface SessionRecord {
  /** The cluster as it stands now; null while the manifests have never been valid. */
  cluster: Cluster | null;
  requests: SentRequest[];
  lookups: DnsLookupRecord[];
  /** The latest simulation of the learner's scenario; absent or null before one. */
  simulation?: SimulationRecord | null;
}

export const emptySession = (cluster: Cluster | null): SessionRecord => ({
  cluster,
  requests: [],
  lookups: [],
  simulation: null,
});
