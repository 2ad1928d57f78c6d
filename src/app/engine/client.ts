import type { EngineReply, EngineRequest, ReplyFor } from "./protocol.ts";

type Pending = { resolve: (reply: EngineReply) => void; reject: (error: Error) => void };
export type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** Talks to the engine worker with promises; each call gets the reply that carries its id. */
export interface EngineClient {
  request<R extends WithoutId<EngineRequest>>(request: R): Promise<ReplyFor<R>>;
}

export function createWorkerEngineClient(): EngineClient {
  const worker = new Worker(new URL("./engine.worker.ts", import.meta.url), {
    type: "module",
    name: "svclab-engine",
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<EngineReply>) => {
    const call = pending.get(event.data.id);
    pending.delete(event.data.id);
    call?.resolve(event.data);
  };
  // An exception in the worker is a bug in the engine: fail every waiting call loudly rather than hang.
  worker.onerror = (event: ErrorEvent) => {
    const error = new Error(`The simulation engine failed: ${event.message}`);
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  return {
    request<R extends WithoutId<EngineRequest>>(request: R) {
      const id = nextId++;
      return new Promise<ReplyFor<R>>((resolve, reject) => {
        // The worker answers a request with the reply of its type (session.ts).
        pending.set(id, { resolve: (reply) => resolve(reply as ReplyFor<R>), reject });
        worker.postMessage({ ...request, id });
      });
    },
  };
}
