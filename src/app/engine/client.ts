import { createPartJoiner, type WorkerMessage } from "./parts.ts";
import type { EngineReply, EngineRequest, ReplyFor } from "./protocol.ts";

type Pending = { resolve: (reply: EngineReply) => void; reject: (error: Error) => void };
type Call = Pending & { message: EngineRequest };
export type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** Talks to the engine worker with promises; each call gets the reply that carries its id. */
export interface EngineClient {
  request<R extends WithoutId<EngineRequest>>(request: R): Promise<ReplyFor<R>>;
}

/** The part of a Worker the client uses, so that tests can stand in for one. */
export interface EngineWorker {
  postMessage(message: EngineRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

function spawnEngineWorker(): EngineWorker {
  return new Worker(new URL("./engine.worker.ts", import.meta.url), {
    type: "module",
    name: "svclab-engine",
  });
}

/**
 * The engine in a Web Worker. A build asked for while another is still running supersedes it: a
 * worker cannot be interrupted, so it is stopped and a new one started with the newer build, then
 * the other calls still waiting (issue 16 item 1: a later edit is never stuck behind an older one).
 * The superseded build's caller gets the newer build's reply. The new worker starts from that build
 * alone, so its pods are scheduled afresh, as after a reload.
 */
export function createWorkerEngineClient(spawn: () => EngineWorker = spawnEngineWorker): EngineClient {
  const pending = new Map<number, Call>();
  /** Callers of superseded builds, answered with the reply of the build that replaced theirs. */
  const followers = new Map<number, Pending[]>();
  let nextId = 1;

  const start = (): EngineWorker => {
    const worker = spawn();
    const parts = createPartJoiner();
    worker.onmessage = (event) => {
      const reply = parts.join(event.data);
      if (!reply) return;
      const { id } = reply;
      for (const call of [pending.get(id), ...(followers.get(id) ?? [])]) call?.resolve(reply);
      pending.delete(id);
      followers.delete(id);
    };
    // An exception in the worker is a bug in the engine: fail every waiting call loudly rather than hang.
    worker.onerror = (event) => {
      const error = new Error(`The simulation engine failed: ${event.message}`);
      for (const call of [...pending.values(), ...[...followers.values()].flat()]) call.reject(error);
      pending.clear();
      followers.clear();
    };
    return worker;
  };
  let worker = start();

  const supersede = (build: EngineRequest): boolean => {
    const running = [...pending.values()].filter((c) => c.message.type === "build");
    if (running.length === 0) return false;
    worker.terminate();
    worker = start();
    const answered: Pending[] = [];
    for (const call of running) {
      pending.delete(call.message.id);
      answered.push(call, ...(followers.get(call.message.id) ?? []));
      followers.delete(call.message.id);
    }
    followers.set(build.id, answered);
    worker.postMessage(build);
    for (const call of pending.values()) worker.postMessage(call.message);
    return true;
  };

  return {
    request<R extends WithoutId<EngineRequest>>(request: R) {
      const message = { ...request, id: nextId++ } as EngineRequest;
      return new Promise<ReplyFor<R>>((resolve, reject) => {
        // The worker answers a request with the reply of its type (session.ts).
        const call = { resolve: (reply: EngineReply) => resolve(reply as ReplyFor<R>), reject, message };
        const restarted = message.type === "build" && supersede(message);
        pending.set(message.id, call);
        if (!restarted) worker.postMessage(message);
      });
    },
  };
}
