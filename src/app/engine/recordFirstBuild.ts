import { layoutOptionsOf } from "../graph/layoutOptions.ts";
import { createLayoutService, type LayoutRequest, layoutMessage } from "../graph/layoutService.ts";
import { memoryStorage } from "../persist/memoryStorage.ts";
import { type AppState, createAppStore } from "../store/index.ts";
import { createInProcessEngineClient } from "./client.inprocess.ts";
import type { EngineClient } from "./client.ts";
import type { KnownBuild } from "./firstBuild.ts";
import type { BuildReply } from "./protocol.ts";

/**
 * The first build of a first visit (nothing saved, no share link), as the page's store asks for it and
 * the engine answers, and its cluster as the layout worker lays it out for the graph's first request:
 * vite.config.ts runs this when the app is built, so that the page draws its first cluster without
 * waiting for the engine's code or the layout's (firstBuild.ts).
 */
export async function recordFirstBuild(): Promise<KnownBuild> {
  const engine = createInProcessEngineClient();
  let recorded: Pick<KnownBuild, "request" | "reply"> | undefined;
  const recording: EngineClient = {
    async request(request) {
      const reply = await engine.request(request);
      if (!recorded && request.type === "build") recorded = { request, reply: reply as BuildReply };
      return reply;
    },
  };
  const store = createAppStore({ engine: recording, storage: memoryStorage() });
  // The graph asks for its first layout once the store holds the first cluster.
  const state = await new Promise<AppState>((resolve) => {
    const stop = store.subscribe((s) => {
      if (!s.cluster) return;
      stop();
      resolve(s);
    });
  });
  const cluster = recorded?.reply.cluster;
  if (!recorded || !cluster || state.cluster !== cluster)
    throw new Error("the store's first cluster is not its first build's");
  const options = layoutOptionsOf(state);
  // As the worker receives it (JSON text) and answers it first.
  const request: LayoutRequest = { id: 0, cluster, ...options };
  const laidOut = createLayoutService()(JSON.parse(layoutMessage(request)) as LayoutRequest);
  return { ...recorded, layout: { options, laidOut } };
}
