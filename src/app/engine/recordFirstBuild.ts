import { memoryStorage } from "../persist/memoryStorage.ts";
import { createAppStore } from "../store/index.ts";
import { createInProcessEngineClient } from "./client.inprocess.ts";
import type { EngineClient } from "./client.ts";
import type { KnownBuild } from "./firstBuild.ts";
import type { BuildReply } from "./protocol.ts";

/**
 * The first build of a first visit (nothing saved, no share link), as the page's store asks for it and
 * the engine answers: vite.config.ts runs this when the app is built, so that the page draws its first
 * cluster without waiting for the engine's code (firstBuild.ts).
 */
export function recordFirstBuild(): Promise<KnownBuild> {
  const engine = createInProcessEngineClient();
  return new Promise((resolve) => {
    let recorded = false;
    const recording: EngineClient = {
      async request(request) {
        const reply = await engine.request(request);
        if (!recorded && request.type === "build") {
          recorded = true;
          resolve({ request: request as KnownBuild["request"], reply: reply as BuildReply });
        }
        return reply;
      },
    };
    createAppStore({ engine: recording, storage: memoryStorage() });
  });
}
