/// <reference lib="webworker" />
import { createLayoutService, type LayoutRequest } from "./layoutService.ts";

declare const self: DedicatedWorkerGlobalScope;

const layout = createLayoutService();

/** The request comes as JSON text (layoutMessage). */
self.onmessage = (event: MessageEvent<string>) => {
  self.postMessage(layout(JSON.parse(event.data) as LayoutRequest));
};
