import type { StateCreator } from "zustand";
import {
  type EngineMessage,
  type NodeRules,
  type Outcome,
  REQUEST_INTERVAL_SECONDS,
  type Ref,
  type SentTrace,
  type Trace,
  type TraceRequest,
} from "../../engine/index.ts";
import type { EngineClient } from "../engine/client.ts";
import { batchSpacing, packetClock } from "../packets/clock.ts";
import type { AppState } from "./index.ts";

/** One request the learner sent, as the engine traced it. `batch` groups the requests of one "Send 20". */
export interface SentRequest extends SentTrace {
  batch: number | null;
}

/** The spread of one batch: how many requests ended each way, and how many each pod answered. */
export interface BatchSummary {
  id: number;
  from: Ref;
  to: string;
  total: number;
  outcomes: Partial<Record<Outcome, number>>;
  backends: Record<Ref, number>;
}

export interface TrafficSlice {
  requestFrom: Ref;
  requestTo: string;
  /** How many requests "Send N" sends. */
  batchSize: BatchSize;
  /** Every request sent, oldest first (the log keeps the most recent LOG_LIMIT). */
  requests: SentRequest[];
  /** Why the last send could not be traced (no cluster, an unknown source, a malformed URL). */
  sendError: EngineMessage | null;
  sending: boolean;
  /** The kube-proxy rules of the node being inspected. */
  nodeRules: { node: Ref; rules: NodeRules | null } | null;
  loadNodeRules(node: Ref): Promise<void>;
  /** The kube-proxy rules of the Service being inspected, on the node the learner picked. */
  serviceRules: { service: Ref; node: Ref; rules: NodeRules | null } | null;
  loadServiceRules(service: Ref, node: Ref): Promise<void>;
  setRequestFrom(from: Ref): void;
  setRequestTo(to: string): void;
  setBatchSize(size: BatchSize): void;
  /**
   * Sends `count` requests from the request bar's source to its destination, or the given request
   * (the console's curl): every request is traced, logged and drawn the same way. Resolves to them.
   */
  sendRequests(count: number, request?: TraceRequest): Promise<SentRequest[]>;
  /** Requests in flight that a node failure caught: they now end where the engine says. */
  replaceTraces(lost: readonly SentTrace[]): void;
  /** Empties the log of requests. */
  clearLog(): void;
}

export const LOG_LIMIT = 500;
/** The batch sizes the request bar offers: 20, and 100 to see a weighted split in round numbers. */
export const BATCH_SIZES = [20, 100] as const;
export type BatchSize = (typeof BATCH_SIZES)[number];
export const DEFAULT_REQUEST = { from: "client/external", to: "http://198.51.100.10/" } as const;

export function summarize(id: number, from: Ref, to: string, traces: readonly Trace[]): BatchSummary {
  const outcomes: Partial<Record<Outcome, number>> = {};
  const backends: Record<Ref, number> = {};
  for (const t of traces) {
    outcomes[t.outcome] = (outcomes[t.outcome] ?? 0) + 1;
    if (t.backend) {
      // A pod by its ref (the graph counts on its box); any other address as IP:PORT.
      const key = t.backend.pod ?? `${t.backend.ip}:${t.backend.port}`;
      backends[key] = (backends[key] ?? 0) + 1;
    }
  }
  return { id, from, to, total: traces.length, outcomes, backends };
}

export function createTrafficSlice(engine: EngineClient): StateCreator<AppState, [], [], TrafficSlice> {
  return (set, get) => ({
    requestFrom: DEFAULT_REQUEST.from,
    requestTo: DEFAULT_REQUEST.to,
    batchSize: BATCH_SIZES[0],
    requests: [],
    sendError: null,
    sending: false,
    nodeRules: null,
    async loadNodeRules(node) {
      const reply = await engine.request({ type: "rules", node });
      set({ nodeRules: { node: reply.node, rules: reply.rules } });
    },
    serviceRules: null,
    async loadServiceRules(service, node) {
      const reply = await engine.request({ type: "rules", node, service });
      set({ serviceRules: { service, node: reply.node, rules: reply.rules } });
    },
    setRequestFrom: (requestFrom) => set({ requestFrom }),
    setRequestTo: (requestTo) => set({ requestTo }),
    setBatchSize: (batchSize) => set({ batchSize }),
    async sendRequests(count, request) {
      const { from, to, headers, method } = request ?? { from: get().requestFrom, to: get().requestTo };
      set({ sending: true });
      // A send leaves at the current instant of the page's clock (clock.ts).
      const reply = await engine.request({
        type: "trace",
        from,
        to: to.trim(),
        count,
        at: packetClock.now,
        ...(headers?.length ? { headers } : {}),
        ...(method ? { method } : {}),
        spacing: batchSpacing(count, REQUEST_INTERVAL_SECONDS),
      });
      if (reply.error !== null) {
        set({ sending: false, sendError: reply.error });
        return [];
      }
      const batch = count > 1 ? (reply.sent[0]?.id ?? null) : null;
      const sent = reply.sent.map((one) => ({ ...one, batch }));
      set((s) => ({
        sending: false,
        sendError: null,
        requests: [...s.requests, ...sent].slice(-LOG_LIMIT),
      }));
      return sent;
    },
    replaceTraces(lost) {
      if (lost.length === 0) return;
      const byId = new Map(lost.map((l) => [l.id, l.trace]));
      set((s) => {
        const requests = s.requests.map((r) => {
          const trace = byId.get(r.id);
          return trace ? { ...r, trace } : r;
        });
        return { requests };
      });
    },
    clearLog: () => set({ requests: [] }),
  });
}
