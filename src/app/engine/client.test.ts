import { describe, expect, it } from "vitest";
import { createWorkerEngineClient, type EngineWorker } from "./client.ts";
import type { EngineReply, EngineRequest } from "./protocol.ts";

/** A worker that answers only when told to, as a real one busy with a long build would. */
class FakeWorker implements EngineWorker {
  readonly received: EngineRequest[] = [];
  terminated = false;
  onmessage: EngineWorker["onmessage"] = null;
  onerror: EngineWorker["onerror"] = null;
  postMessage(message: EngineRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(reply: EngineReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<EngineReply>);
  }
}

const build = { type: "build" as const, files: [], failedNodes: [] };
const reply = (id: number, marker: string): EngineReply => ({
  id,
  type: "build",
  cluster: null,
  diagnostics: [
    {
      file: marker,
      line: 1,
      column: 1,
      severity: "error",
      path: "",
      text: { code: "yaml.unreadable", params: { reason: marker } },
      message: marker,
    },
  ],
  ingresses: [],
});

function fakeWorkers() {
  const workers: FakeWorker[] = [];
  const client = createWorkerEngineClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  return { workers, client };
}

// Issue 16 item 1: a newer edit supersedes a build still running, instead of waiting behind it.
describe("the engine worker client", () => {
  it("stops a worker busy with a build when a newer build comes, and answers both callers with the newer one", async () => {
    const { workers, client } = fakeWorkers();
    const older = client.request(build);
    const lookup = client.request({ type: "dns", from: "pod/default/a", name: "web" });
    const newer = client.request({ ...build, failedNodes: ["node-2"] });
    const [first, second] = workers;
    expect(first?.terminated).toBe(true);
    // The replacement gets the newer build first, then the call that was waiting behind the old one.
    expect(second?.received.map((m) => [m.type, m.id])).toEqual([
      ["build", 3],
      ["dns", 2],
    ]);
    second?.answer(reply(3, "newer"));
    second?.answer({ id: 2, type: "dns", lookup: null, error: { code: "request.noCluster", params: {} } });
    expect((await older).diagnostics[0]?.message).toBe("newer");
    expect((await newer).diagnostics[0]?.message).toBe("newer");
    expect((await lookup).type).toBe("dns");
  });

  it("keeps the worker when nothing is being built", async () => {
    const { workers, client } = fakeWorkers();
    const first = client.request(build);
    workers[0]?.answer(reply(1, "first"));
    await first;
    void client.request(build);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received).toHaveLength(2);
  });
});
