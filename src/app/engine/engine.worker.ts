/// <reference lib="webworker" />
import type { EngineRequest } from "./protocol.ts";
import { handleEngineRequest } from "./session.ts";

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  self.postMessage(handleEngineRequest(event.data));
};
