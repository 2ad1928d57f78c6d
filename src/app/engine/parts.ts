import type { Cluster } from "../../engine/index.ts";
import type { EngineReply } from "./protocol.ts";

/** The lists of a cluster that grow with its size, which a large cluster's reply sends in parts. */
const LISTS = ["pods", "services", "endpointSlices", "objects", "warnings", "nodes"] as const;
type ListKey = (typeof LISTS)[number];

/**
 * Items of a list sent ahead of the reply they belong to. The page unpacks each message of a worker in
 * one task: a 9,000-pod cluster in one message was a 385 ms task (issue 16 item 3, a 2 MiB import), in
 * parts of PART_SIZE items it is a short task a part, and the page answers input between them.
 */
export type ReplyPart = { id: number; type: "part"; list: ListKey; items: unknown[] };

/** What the engine worker posts: replies, and the parts of a large one before it. */
export type WorkerMessage = EngineReply | ReplyPart;

/** Items a part holds: about 20 ms of unpacking for pods, the heaviest, on this machine. */
export const PART_SIZE = 400;

function clusterOf(reply: EngineReply): Cluster | null {
  if (reply.type === "build") return reply.cluster;
  if (reply.type === "clusterAt") return reply.state?.cluster ?? null;
  return null;
}

function withCluster(reply: EngineReply, cluster: Cluster): EngineReply {
  if (reply.type === "build") return { ...reply, cluster };
  if (reply.type === "clusterAt" && reply.state) return { ...reply, state: { ...reply.state, cluster } };
  return reply;
}

/**
 * The messages that carry `reply`: each list of its cluster longer than PART_SIZE in parts, then the
 * reply with those lists left empty. A small reply is one message, as before.
 */
export function inParts(reply: EngineReply): WorkerMessage[] {
  const cluster = clusterOf(reply);
  if (!cluster) return [reply];
  const parts: ReplyPart[] = [];
  const rest: Partial<Cluster> = {};
  for (const list of LISTS) {
    const items: readonly unknown[] = cluster[list];
    if (items.length <= PART_SIZE) continue;
    for (let i = 0; i < items.length; i += PART_SIZE)
      parts.push({ id: reply.id, type: "part", list, items: items.slice(i, i + PART_SIZE) });
    Object.assign(rest, { [list]: [] });
  }
  return parts.length === 0 ? [reply] : [...parts, withCluster(reply, { ...cluster, ...rest })];
}

/** Puts the replies of one worker back together from their parts (inParts), by reply id. */
export function createPartJoiner() {
  const received = new Map<number, Map<ListKey, unknown[]>>();
  return {
    /** The whole reply once `message` completes one; null for a part. */
    join(message: WorkerMessage): EngineReply | null {
      if (message.type === "part") {
        const lists = received.get(message.id) ?? new Map<ListKey, unknown[]>();
        received.set(message.id, lists);
        const list = lists.get(message.list) ?? [];
        for (const item of message.items) list.push(item);
        lists.set(message.list, list);
        return null;
      }
      const lists = received.get(message.id);
      received.delete(message.id);
      const cluster = clusterOf(message);
      return lists && cluster ? withCluster(message, { ...cluster, ...Object.fromEntries(lists) }) : message;
    },
  };
}
