import type { EngineClient, WithoutId } from "./client.ts";
import type { EngineRequest, ReplyFor } from "./protocol.ts";
import { createEngineSession } from "./session.ts";

/** The engine on the calling thread: for unit tests of the store, where there is no Worker. */
export function createInProcessEngineClient(): EngineClient {
  const session = createEngineSession();
  let nextId = 1;
  return {
    // The session answers a request with the reply of its type.
    request: async <R extends WithoutId<EngineRequest>>(request: R) =>
      session({ ...request, id: nextId++ } as EngineRequest) as ReplyFor<R>,
  };
}
