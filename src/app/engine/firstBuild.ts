import { dequal } from "dequal";
import type { LayoutOptions } from "../graph/layoutOptions.ts";
import type { LaidOut, LayoutRequest } from "../graph/layoutService.ts";
import type { EngineClient, WithoutId } from "./client.ts";
import type { BuildReply, BuildRequest, EngineRequest, ReplyFor } from "./protocol.ts";

/**
 * A build request and the engine's reply to it, computed ahead of time (recordFirstBuild.ts), with the
 * layout worker's answer for the reply's cluster drawn with the page's first options.
 */
export interface KnownBuild {
  request: WithoutId<BuildRequest>;
  reply: BuildReply;
  layout: { options: LayoutOptions; laidOut: LaidOut };
}

/** A service's first request and its answer, known ahead, and which requests it answers. */
export interface KnownFirst<Q, A> {
  request: Q;
  answer: A;
  matches(request: Q): boolean;
}

/**
 * A service of the page (the engine, the layout) whose first answer may be known ahead (issue 15: a light
 * first load). A first request the known one matches is answered with the known answer, and the service's
 * code is not fetched for it: the service starts when `startLater` says (the page idle after the first
 * drawing) or with the first request it must answer itself; with nothing known, at once. Both services keep state (the engine the
 * cluster's running pods, the layout the drawing's order): one started after the known answer is given
 * the known request first, so that it holds what is on screen and later requests keep it in place, as if
 * it had answered it.
 */
export function withKnownFirstAnswer<Q, A>(
  known: KnownFirst<Q, A> | null,
  start: () => (request: Q) => Promise<A>,
  startLater: (start: () => void) => void,
): (request: Q) => Promise<A> {
  let service: ((request: Q) => Promise<A>) | null = null;
  let answered = false;
  const started = () => {
    if (service) return service;
    service = start();
    if (answered && known) void service(known.request);
    return service;
  };
  // With nothing known (the dev server), it starts at once, its code loading while the page gets ready.
  if (known) startLater(() => void started());
  else started();
  return (request) => {
    // Only once: each later answer is a new object, as from the service.
    if (!service && !answered && known?.matches(request)) {
      answered = true;
      return Promise.resolve(known.answer);
    }
    return started()(request);
  };
}

/** The engine client of the page, whose first build may already be known (withKnownFirstAnswer). */
export function withKnownFirstBuild(
  known: KnownBuild | null,
  start: () => EngineClient,
  startLater: (start: () => void) => void,
): EngineClient {
  const request = withKnownFirstAnswer<WithoutId<EngineRequest>, unknown>(
    known && { request: known.request, answer: known.reply, matches: (r) => dequal(r, known.request) },
    () => {
      const engine = start();
      return (r) => engine.request(r);
    },
    startLater,
  );
  return { request: <R extends WithoutId<EngineRequest>>(r: R) => request(r) as Promise<ReplyFor<R>> };
}

/**
 * The first build's cluster as the layout worker lays it out for the graph's first request, recorded with
 * the build: the answer to that very cluster object (the store's, from the known reply) with those options
 * only. Any other cluster, even an equal one, goes to the worker.
 */
export function knownFirstLayout(
  known: KnownBuild | null,
): KnownFirst<Omit<LayoutRequest, "id">, LaidOut> | null {
  const cluster = known?.reply.cluster;
  if (!known || !cluster) return null;
  const { options, laidOut } = known.layout;
  return {
    request: { cluster, ...options },
    answer: laidOut,
    matches: ({ cluster: asked, ...rest }) => asked === cluster && dequal(rest, options),
  };
}
