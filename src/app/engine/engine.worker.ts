/// <reference lib="webworker" />
import type { EngineRequest } from "./protocol.ts";
import { createEngineSession } from "./session.ts";

declare const self: DedicatedWorkerGlobalScope;

const session = createEngineSession();

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  self.postMessage(session(event.data));
};
