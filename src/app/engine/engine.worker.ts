/// <reference lib="webworker" />
import { inParts } from "./parts.ts";
import type { EngineRequest } from "./protocol.ts";
import { createEngineSession } from "./session.ts";

declare const self: DedicatedWorkerGlobalScope;

const session = createEngineSession();

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  // A large cluster in parts, so that the page unpacks it in short tasks (parts.ts).
  for (const message of inParts(session(event.data))) self.postMessage(message);
};
