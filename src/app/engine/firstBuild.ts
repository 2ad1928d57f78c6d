import { dequal } from "dequal";
import type { EngineClient, WithoutId } from "./client.ts";
import type { BuildReply, BuildRequest, EngineRequest, ReplyFor } from "./protocol.ts";

/** A build request and the engine's reply to it, computed ahead of time (recordFirstBuild.ts). */
export interface KnownBuild {
  request: WithoutId<BuildRequest>;
  reply: BuildReply;
}

/**
 * The engine client of the page, whose first build may already be known (issue 15: a light first load).
 * A first request equal to the known one is answered with its reply, and the engine, most of the page's
 * code, is not fetched for it: its worker starts when `startLater` says (the page idle after the first
 * drawing) or with the first request it must answer itself. A worker started after the known answer is
 * given the known build first, so that it holds the cluster on screen and later edits keep its pods in
 * place, as if it had built it.
 */
export function withKnownFirstBuild(
  known: KnownBuild | null,
  start: () => EngineClient,
  startLater: (start: () => void) => void,
): EngineClient {
  let engine: EngineClient | null = null;
  let answered = false;
  const started = (): EngineClient => {
    if (engine) return engine;
    engine = start();
    if (answered && known) void engine.request(known.request);
    return engine;
  };
  startLater(() => void started());
  return {
    request<R extends WithoutId<EngineRequest>>(request: R): Promise<ReplyFor<R>> {
      // Only once: each later build is a new reply object, as from the worker.
      if (!engine && !answered && known && dequal(request, known.request)) {
        answered = true;
        return Promise.resolve(known.reply as ReplyFor<R>);
      }
      return started().request(request);
    },
  };
}
