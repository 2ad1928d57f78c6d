import type { EngineClient } from "./client.ts";
import { handleEngineRequest } from "./session.ts";

/** The engine on the calling thread: for unit tests of the store, where there is no Worker. */
export function createInProcessEngineClient(): EngineClient {
  let nextId = 1;
  return {
    request: async (request) => handleEngineRequest({ ...request, id: nextId++ }),
  };
}
