import { describe, expect, it, vi } from "vitest";
import "../commands/traffic.ts";
import { runCommand } from "../commands/registry.ts";
import { createInProcessEngineClient } from "../engine/client.inprocess.ts";
import { memoryStorage } from "../persist/memoryStorage.ts";
import { writeStored } from "../persist/storage.ts";
import { createAppStore } from "./index.ts";

async function timeStore(storage = memoryStorage()) {
  const store = createAppStore({ engine: createInProcessEngineClient(), storage, rebuildDelayMs: 60_000 });
  await store.getState().rebuild();
  store.getState().setTimeMode(true);
  const lbIP = store.getState().cluster?.services.find((s) => s.name === "web-lb")?.loadBalancerIPs[0];
  store.getState().addStream({ name: "via LB", from: "external", to: `http://${lbIP}/`, rate: 10 });
  await vi.waitFor(() => expect(store.getState().simulation?.streams).toEqual(["via-lb"]));
  return store;
}

describe("the time slice", () => {
  it("simulates the learner's streams second by second", async () => {
    const store = await timeStore();
    const buckets = store.getState().simulation?.buckets ?? [];
    expect(buckets).toHaveLength(120);
    expect(buckets.every((b) => b.outcomes.delivered === 10)).toBe(true);
  });

  it("records the Fail node command as an event at the clock's second, and the load balancer ejects the node at 33 s", async () => {
    const store = await timeStore();
    store.getState().seek(10.4);
    store.getState().select("node/node-2");
    expect(await runCommand("fail-node", store)).toBe(true);
    expect(store.getState().scenario.events).toEqual([
      { at: 10, action: "fail-node", target: "node/node-2" },
    ]);
    // The node is failed from then on: failing it again is not offered, recovering it is.
    expect(await runCommand("fail-node", store)).toBe(false);
    await vi.waitFor(() =>
      expect(store.getState().simulation?.events.map((e) => `${e.t} ${e.reason}`)).toContain(
        "33 LoadBalancerBackendRemoved",
      ),
    );
    const timeouts = store.getState().simulation?.buckets.filter((b) => b.outcomes.timeout) ?? [];
    // Second 9's last requests are in flight when node-2 fails at 10 s, and are lost at it.
    expect(timeouts[0]?.t).toBe(9);
    // The sandbox's web-lb is externalTrafficPolicy Cluster: other nodes still pick the dead pod
    // until its endpoint is removed (NotReady at 60 s: grace 50 s since 1.32) and kube-proxy resyncs (61 s).
    expect(timeouts.at(-1)?.t).toBe(60);
  });

  it("shows the state recomputed at the clock's second when the learner scrubs", async () => {
    const store = await timeStore();
    store.getState().seek(10);
    store.getState().select("node/node-2");
    store.getState().recordNodeEvent("fail-node");
    await vi.waitFor(() => expect(store.getState().simulation?.events.length).toBeGreaterThan(0));
    store.getState().seek(40);
    await vi.waitFor(() => expect(store.getState().timeState?.t).toBe(40));
    const at40 = store.getState().timeState;
    expect(at40?.cluster.nodes.find((n) => n.name === "node-2")).toMatchObject({ failed: true, ready: true });
    const lb = at40?.lbHealth.find((l) => l.lb === "lb/default/web-lb");
    expect(lb?.backends.find((b) => b.node === "node-2")?.healthy).toBe(false);
    const pool = new Map(at40?.lbPools).get("lb/default/web-lb");
    expect(pool?.find((m) => m.node === "node-2")?.inPool).toBe(false);
    store.getState().seek(65);
    await vi.waitFor(() => expect(store.getState().timeState?.t).toBe(65));
    // No node entered or left a pool between 40 s and 65 s: the graph is handed the same pools.
    expect(store.getState().timeState?.lbPools).toBe(at40?.lbPools);
    expect(store.getState().timeState?.cluster.nodes.find((n) => n.name === "node-2")?.ready).toBe(false);
    store.getState().seek(5);
    await vi.waitFor(() => expect(store.getState().timeState?.t).toBe(5));
    expect(store.getState().timeState?.cluster.nodes.find((n) => n.name === "node-2")?.failed).toBe(false);
  });

  it("moves the clock at its speed and stops at the end", async () => {
    const store = await timeStore();
    store.getState().setClockSpeed(60);
    store.getState().playClock();
    store.getState().advanceClock(0.5);
    expect(store.getState().clock).toBe(30);
    store.getState().advanceClock(10);
    expect(store.getState()).toMatchObject({ clock: 120, horizon: 120, clockPlaying: false });
  });

  it("holds the packets a real second of play ahead of the clock, adding the next stretch to those held", async () => {
    const store = await timeStore();
    store.getState().setClockSpeed(60);
    store.getState().playClock();
    store.getState().advanceClock(0.5);
    // At 60x a real second is 60 s of clock: the packets held reach that far ahead of 30 s, and half as far again.
    await vi.waitFor(() => expect(store.getState().timePackets).toMatchObject({ from: 29, to: 120 }));
    store.getState().advanceClock(0.5);
    // 60 s: still a real second in hand, nothing asked.
    expect(store.getState().timePackets).toMatchObject({ from: 29, to: 120 });
    store.getState().advanceClock(40 / 60);
    // 100 s: the next stretch is asked for and added; what the clock has passed is let go.
    await vi.waitFor(() => expect(store.getState().timePackets).toMatchObject({ from: 99, to: 190 }));
    const sent = store.getState().timePackets?.packets.map((p) => p.sentAt) ?? [];
    expect(Math.min(...sent)).toBeGreaterThanOrEqual(99);
    expect(new Set(sent.map(Math.floor))).toEqual(new Set(Array.from({ length: 21 }, (_, i) => 99 + i)));
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
  });

  it("keeps the scenario across reloads", async () => {
    const storage = memoryStorage();
    await timeStore(storage);
    const again = createAppStore({ engine: createInProcessEngineClient(), storage, rebuildDelayMs: 60_000 });
    expect(again.getState().scenario.traffic.map((s) => s.name)).toEqual(["via-lb"]);
  });

  it("keeps the clock where the learner left it across reloads, within the scenario", async () => {
    const storage = memoryStorage();
    const store = await timeStore(storage);
    store.getState().seek(95.5);
    store.getState().seek(40);
    const reload = () =>
      createAppStore({ engine: createInProcessEngineClient(), storage, rebuildDelayMs: 60_000 });
    expect(reload().getState()).toMatchObject({ clock: 40, horizon: 95.5, clockPlaying: false });

    // Playing, the clock is kept when the page is hidden (useShareLink), and when it stops at the end.
    store.getState().playClock();
    store.getState().advanceClock(0.5);
    store.getState().keepClock();
    expect(reload().getState().clock).toBe(45);
    store.getState().advanceClock(60);
    expect(reload().getState()).toMatchObject({ clock: 120, horizon: 120 });

    // A scenario made shorter (here, in another tab) holds the clock at its end.
    writeStored(storage, "time.scenario", { ...store.getState().scenario, duration: 30 });
    expect(reload().getState()).toMatchObject({ clock: 30, horizon: 30 });
  });

  it("reports a stream the cluster cannot send as a diagnostic", async () => {
    const store = await timeStore();
    store.getState().addStream({ name: "ghost", from: "pod/default/nobody", to: "http://web/", rate: 1 });
    await vi.waitFor(() => expect(store.getState().simulationDiagnostics.length).toBeGreaterThan(0));
    expect(store.getState().simulation).toBeNull();
    expect(store.getState().simulationDiagnostics[0]?.path).toBe("spec.traffic[1].from");
  });
});
