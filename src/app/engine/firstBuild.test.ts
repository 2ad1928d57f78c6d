import { dequal } from "dequal";
import { uneval } from "devalue";
import { describe, expect, it } from "vitest";
import { createInProcessEngineClient } from "./client.inprocess.ts";
import type { EngineClient, WithoutId } from "./client.ts";
import { type KnownBuild, withKnownFirstBuild } from "./firstBuild.ts";
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
