/// <reference lib="webworker" />
import { createLayoutService, type LayoutRequest } from "./layoutService.ts";

declare const self: DedicatedWorkerGlobalScope;

const layout = createLayoutService();

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  self.postMessage(layout(event.data));
};
