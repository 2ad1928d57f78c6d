import { useStoreApi, ViewportPortal } from "@xyflow/react";
import { useEffect, useRef, useState } from "react";
import type { Outcome, Trace } from "../../engine/index.ts";
import type { PacketSketch } from "../engine/protocol.ts";
import type { GraphModel } from "../graph/layout.ts";
import { useT } from "../i18n/useT.ts";
import type { AppState } from "../store/index.ts";
import type { SentRequest } from "../store/trafficSlice.ts";
import { appStore } from "../store/useAppStore.ts";
import { MAX_FRAME_SECONDS } from "../time/useClockLoop.ts";
import { PacketAnimator } from "./animator.ts";
import { MS_PER_SECOND, packetClock } from "./clock.ts";
import { outcomeText } from "./outcome.ts";
import { planPacket } from "./plan.ts";
import { drawEvery, firstAfter, timeViewPacketSpeed } from "./sampling.ts";
import { packetSteps } from "./steps.ts";
import "./packets.css";

/**
 * The Requests view's requests put on the graph, with the trace each was planned from. It outlives the
 * layer: a request sent before the graph was drawn (its layout still in the worker), or while the graph
 * was away, is drawn when a layer mounts, and one a layer already drew is not drawn twice.
 */
const drawnRequests = new Map<number, Trace>();

/** Forgets requests no longer in the log: a new document's requests start their numbers over. */
function forgetGone(state: AppState): void {
  const kept = new Set(state.requests.map((r) => r.id));
  for (const id of drawnRequests.keys()) if (!kept.has(id)) drawnRequests.delete(id);
}

/** How long (ms of packet clock) a finished packet of the Time view stays where it ended. */
const TIME_VIEW_KEEP_MS = 2500;

/**
 * The packets: drawn on a canvas over the graph, following its pan and zoom, with a button each in
 * React Flow's viewport. React renders the layer once; the animator adds, moves and marks packets.
 * In the Requests view there is one per request sent, leaving at its instant on the page's clock
 * (clock.ts), and a node failure re-plans the ones the engine says it caught. In the Time view they
 * are the simulation's sampled requests, launched as the clock passes the instant each left, or, on a
 * paused or scrubbed clock, the last second's, shown where they ended.
 */
export function PacketLayer({ model }: { model: GraphModel }) {
  // React Flow mounts the viewport portal after its first render: a callback ref sees the layer arrive.
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  const modelRef = useRef(model);
  modelRef.current = model;
  const t = useT();
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    if (!element || !canvas.current) return;
    const describe = (outcome: Outcome) => outcomeText(tRef.current, outcome);
    const animator = new PacketAnimator(element, canvas.current, {
      // A Time view packet is no request of the log: the inspector shows it on its own.
      onSelect: (id) => {
        const state = appStore.getState();
        if (!state.timeMode) return state.selectRequest(id);
        animator.select(id);
        const packet = timeTraces.get(id);
        if (!packet) return state.selectTimePacket(null);
        // The graph holds each packet's path only: its whole trace comes from the engine when opened.
        void state.packetTrace(packet.n).then((trace) => {
          if (trace && timeTraces.get(id) === packet)
            appStore.getState().selectTimePacket({ id, trace, stream: packet.stream });
        });
      },
      onHop: (hop) => appStore.getState().setHopAt(hop),
      describe,
      viewport: () => {
        const [dx, dy, zoom] = flow.getState().transform;
        return { dx, dy, zoom };
      },
      onClock: (ms) => {
        if (!appStore.getState().timeMode) packetClock.now = ms / MS_PER_SECOND;
      },
    });
    const unsubscribeFlow = flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform) animator.redraw();
    });
    const name = (id: number, to: string) =>
      tRef.current("packet.label", { id, to, state: tRef.current("packet.inFlight") });

    /** Puts a request of the log on the graph, leaving at its instant on the page's clock. */
    const draw = (request: SentRequest) => {
      drawnRequests.set(request.id, request.trace);
      animator.add({
        id: request.id,
        plan: planPacket(request.trace, modelRef.current),
        outcome: request.trace.outcome,
        start: request.sentAt * MS_PER_SECOND,
        name: name(request.id, request.trace.request.to),
      });
    };
    /**
     * A layer mounted (the graph drawn at last, or again) draws every request the page has not drawn
     * yet, and those still on their way, from where the clock has them; one that ended while drawn is
     * not drawn again.
     */
    const live = (state: AppState) => {
      animator.setPlaying(state.playing);
      animator.setSpeed(state.speed);
      animator.setClock(packetClock.now * MS_PER_SECOND);
      forgetGone(state);
      for (const request of state.requests) {
        const ended =
          request.sentAt * MS_PER_SECOND + planPacket(request.trace, modelRef.current).total <=
          animator.now();
        if (!drawnRequests.has(request.id) || !ended) draw(request);
      }
    };
    const onRequests = (state: AppState) => {
      if (state.requests.length === 0) animator.clear();
      forgetGone(state);
      const fresh = state.requests.filter((r) => !drawnRequests.has(r.id));
      if (fresh.length > 0) animator.removeFinished();
      for (const request of state.requests) {
        const known = drawnRequests.get(request.id);
        if (known === request.trace) continue;
        if (!known) {
          draw(request);
          continue;
        }
        drawnRequests.set(request.id, request.trace);
        animator.replace(request.id, planPacket(request.trace, modelRef.current), request.trace.outcome);
      }
    };

    /** The Time view: where its feed has got to on the simulation's clock, and the packets' own numbers. */
    let fed = 0;
    let nextTimeId = 1;
    /** The Time view's drawn packets by their number, for the inspector. */
    const timeTraces = new Map<number, PacketSketch>();
    const streamCounts = new Map<string, number>();
    const launch = (packet: PacketSketch, finished: boolean) => {
      const plan = planPacket(packet, modelRef.current);
      const id = nextTimeId++;
      timeTraces.set(id, packet);
      // Long gone from the graph by then; the inspector keeps its own copy of the one it shows.
      const oldest = timeTraces.keys().next().value;
      if (timeTraces.size > 1000 && oldest !== undefined) timeTraces.delete(oldest);
      animator.add({
        id,
        plan,
        outcome: packet.outcome,
        start: finished ? animator.now() - plan.total - 1 : animator.now(),
        name: name(id, packet.to),
        stream: packet.stream,
        sentAt: packet.sentAt,
      });
    };
    const thinned = (state: AppState, packet: PacketSketch) => {
      const index = state.simulation?.streams.indexOf(packet.stream) ?? -1;
      const every = drawEvery(state.simulation?.rates[index] ?? 1, state.clockSpeed);
      const n = streamCounts.get(packet.stream) ?? 0;
      streamCounts.set(packet.stream, n + 1);
      return n % every === 0;
    };
    const timeFeed = (state: AppState, jumped: boolean) => {
      const packets = state.timePackets?.packets ?? [];
      if (jumped || !state.clockPlaying) {
        // A paused or scrubbed clock: the traffic of the second before it, where each request ended.
        animator.clear();
        streamCounts.clear();
        for (const p of packets) if (p.sentAt >= state.clock - 1 && p.sentAt < state.clock) launch(p, true);
      } else {
        animator.removeFinished(TIME_VIEW_KEEP_MS);
        // The packets are in the order they left: those since the last frame are a run of them.
        for (let i = firstAfter(packets, fed); i < packets.length; i++) {
          const p = packets[i];
          if (!p || p.sentAt > state.clock) break;
          if (thinned(state, p)) launch(p, false);
        }
      }
      fed = state.clock;
    };
    const time = (state: AppState) => {
      animator.clear();
      animator.setPlaying(state.clockPlaying);
      animator.setSpeed(timeViewPacketSpeed(state.clockSpeed));
      fed = state.clock;
      timeFeed(state, true);
    };

    const initial = appStore.getState();
    if (initial.timeMode) time(initial);
    else live(initial);
    // A request sent and selected before the layer mounted (its code still on the way) is selected on it.
    animator.select(initial.timeMode ? null : initial.selectedRequest);
    const unsubscribe = appStore.subscribe((state, previous) => {
      if (state.timeMode !== previous.timeMode) {
        animator.clear();
        animator.select(state.timeMode ? null : state.selectedRequest);
        if (state.timeMode) time(state);
        else live(state);
        return;
      }
      if (state.selectedRequest !== previous.selectedRequest) animator.select(state.selectedRequest);
      if (state.timeMode) {
        if (state.clockPlaying !== previous.clockPlaying) animator.setPlaying(state.clockPlaying);
        if (state.clockSpeed !== previous.clockSpeed)
          animator.setSpeed(timeViewPacketSpeed(state.clockSpeed));
        const moved = state.clock !== previous.clock;
        if (
          moved ||
          state.timePackets !== previous.timePackets ||
          state.clockPlaying !== previous.clockPlaying
        ) {
          // A clock that went back, or leapt further than a frame can carry it, was scrubbed. A slow
          // frame at 60× carries it 15 s: counted as a jump, each such frame redrew the last second.
          const jumped =
            state.clock < fed || state.clock - fed > Math.max(2, MAX_FRAME_SECONDS * state.clockSpeed);
          if (moved || !state.clockPlaying || state.timePackets !== previous.timePackets)
            timeFeed(state, jumped);
        }
        return;
      }
      if (state.requests !== previous.requests) onRequests(state);
      if (state.playing !== previous.playing) animator.setPlaying(state.playing);
      if (state.speed !== previous.speed) animator.setSpeed(state.speed);
    });
    // Stepping moves the Requests view's packets; the Time view's follow its clock instead.
    const detachSteps = packetSteps.attach({
      step: () => {
        if (!appStore.getState().timeMode) animator.step();
      },
      stepBack: () => {
        if (!appStore.getState().timeMode) animator.stepBack();
      },
    });
    return () => {
      detachSteps();
      unsubscribe();
      unsubscribeFlow();
      animator.destroy();
    };
  }, [element, flow]);

  return (
    <>
      <canvas ref={canvas} className="packet-canvas" />
      <ViewportPortal>
        <div ref={setElement} className="packet-layer" />
      </ViewportPortal>
    </>
  );
}
