import { dequal } from "dequal";
import { uneval } from "devalue";
import { describe, expect, it } from "vitest";
import { createLayoutService, layoutInput } from "../graph/layoutService.ts";
import { createInProcessEngineClient } from "./client.inprocess.ts";
import type { EngineClient, WithoutId } from "./client.ts";
import {
  type KnownBuild,
  knownFirstLayout,
  withKnownFirstAnswer,
  withKnownFirstBuild,
} from "./firstBuild.ts";
import type { EngineRequest } from "./protocol.ts";
import { recordFirstBuild } from "./recordFirstBuild.ts";

/** An engine that notes what it was asked, started (or not) by the client under test. */
function recordingEngine() {
  const asked: WithoutId<EngineRequest>[] = [];
  let starts = 0;
  const inner = createInProcessEngineClient();
  const start = (): EngineClient => {
    starts++;
    return {
      request: (request) => {
        asked.push(request);
        return inner.request(request);
      },
    };
  };
  let later: (() => void) | undefined;
  return {
    asked,
    starts: () => starts,
    start,
    startLater: (run: () => void) => (later = run),
    idle: () => later?.(),
  };
}

// Issue 15 (first load): the first cluster comes from the build's snapshot; the engine's code loads later.
describe("the page's first build, known ahead", () => {
  it("is what the engine answers to the store's first build on a first visit, unchanged in the page's code", async () => {
    const known = await recordFirstBuild();
    expect(known.request.type).toBe("build");
    expect(known.reply.cluster?.pods.length).toBeGreaterThan(0);
    expect(await createInProcessEngineClient().request(known.request)).toEqual(known.reply);
    // vite.config.ts writes it into the page as code: read back, it is what a worker's reply would be (Maps and all).
    const written = new Function(`return ${uneval(known)}`)() as KnownBuild;
    expect(dequal(written, structuredClone(known))).toBe(true);
  });

  it("answers the known first build without starting the engine, then gives it that build first", async () => {
    const known = await recordFirstBuild();
    const engine = recordingEngine();
    const client = withKnownFirstBuild(known, engine.start, engine.startLater);
    expect(await client.request(structuredClone(known.request))).toBe(known.reply);
    expect(engine.starts()).toBe(0);
    const lookup = await client.request({ type: "dns", from: "client/external", name: "example.com" });
    expect(lookup.type).toBe("dns");
    expect(engine.starts()).toBe(1);
    expect(engine.asked.map((r) => r.type)).toEqual(["build", "dns"]);
    expect(engine.asked[0]).toEqual(known.request);
  });

  it("starts the engine when the page is idle, with the known build first", async () => {
    const known = await recordFirstBuild();
    const engine = recordingEngine();
    const client = withKnownFirstBuild(known, engine.start, engine.startLater);
    await client.request(known.request);
    engine.idle();
    expect(engine.starts()).toBe(1);
    expect(engine.asked).toEqual([known.request]);
  });

  it("asks the engine for any other first build, and for the known one a second time", async () => {
    const known: KnownBuild = await recordFirstBuild();
    const engine = recordingEngine();
    const client = withKnownFirstBuild(known, engine.start, engine.startLater);
    const other = { ...known.request, failedNodes: ["node-2"] };
    await client.request(other);
    const again = await client.request(known.request);
    expect(again).not.toBe(known.reply);
    expect(engine.asked).toEqual([other, known.request]);
  });
});

// Issue 15 (first load): the first drawing comes from the build's record of it; the layout worker's code loads later.
describe("the page's first layout, known ahead", () => {
  it("is what a fresh layout worker answers for the first build's cluster with a first visit's options", async () => {
    const known = await recordFirstBuild();
    const cluster = known.reply.cluster;
    if (!cluster) throw new Error("the first build has no cluster");
    // A first visit: DNS folded, no request sent yet, every node closed, the build's Ingresses.
    const options = { foldDns: true, externalHosts: [], ingresses: known.reply.ingresses, openNodes: [] };
    expect(known.layout.options).toEqual(options);
    // As the worker receives a request (copied) and the page its answer (copied): never a stale record.
    const fresh = createLayoutService()({
      id: 0,
      cluster: structuredClone(layoutInput(cluster)),
      ...options,
    });
    expect(structuredClone(known.layout.laidOut)).toEqual(structuredClone(fresh));
    expect(known.layout.laidOut.model.nodes.some((n) => n.id.startsWith("pod/"))).toBe(true);
  });

  it("answers only that cluster object with those options, and only as the first request", async () => {
    const known = await recordFirstBuild();
    const first = knownFirstLayout(known);
    if (!first) throw new Error("no known layout");
    const { request } = first;
    expect(first.matches({ ...request, externalHosts: [], openNodes: [] })).toBe(true);
    expect(first.matches({ ...request, cluster: structuredClone(request.cluster) })).toBe(false);
    expect(first.matches({ ...request, foldDns: false })).toBe(false);
    expect(first.matches({ ...request, openNodes: ["node/node-1"] })).toBe(false);
    expect(knownFirstLayout(null)).toBeNull();
    // With nothing known (the dev server), the service starts at once, as the page did before (issue 15).
    let starts = 0;
    withKnownFirstAnswer(
      null,
      () => {
        starts++;
        return async () => first.answer;
      },
      () => {},
    );
    expect(starts).toBe(1);

    const asked: unknown[] = [];
    let later: (() => void) | undefined;
    const layout = withKnownFirstAnswer(
      first,
      () => async (r) => {
        asked.push(r);
        return first.answer;
      },
      (run) => (later = run),
    );
    expect(await layout(request)).toBe(first.answer);
    expect(asked).toEqual([]);
    // Started once the first screen is drawn, given the known request first: it holds the drawing's order.
    later?.();
    expect(asked).toEqual([request]);
    await layout(request);
    expect(asked).toEqual([request, request]);
  });
});
