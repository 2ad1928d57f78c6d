import type { EngineReply, EngineRequest } from "./protocol.ts";

type Pending = { resolve: (reply: EngineReply) => void; reject: (error: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** Talks to the engine worker with promises; each call gets the reply that carries its id. */
export interface EngineClient {
  request(request: WithoutId<EngineRequest>): Promise<EngineReply>;
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
    request(request) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...request, id });
      });
    },
  };
}
