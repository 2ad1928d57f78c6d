import { useStoreApi, ViewportPortal } from "@xyflow/react";
import { useEffect, useRef, useState } from "react";
import type { Outcome } from "../../engine/index.ts";
import type { GraphModel } from "../graph/layout.ts";
import { useT } from "../i18n/useT.ts";
import { appStore } from "../store/useAppStore.ts";
import { PacketAnimator } from "./animator.ts";
import { outcomeText } from "./outcome.ts";
import { planPacket } from "./plan.ts";
import "./packets.css";

/** A batch leaves one packet after another, this far apart at speed 1, within about two seconds. */
function batchDelay(index: number, size: number): number {
  return index * Math.min(120, 2000 / size);
}

/**
 * The packets, one per request sent: drawn on a canvas over the graph, following its pan and zoom, with
 * a button each in React Flow's viewport. React renders the layer once; the animator adds, moves and
 * marks packets from the store's requests.
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
      onSelect: (id) => appStore.getState().selectRequest(id),
      describe,
      viewport: () => {
        const [dx, dy, zoom] = flow.getState().transform;
        return { dx, dy, zoom };
      },
    });
    const unsubscribeFlow = flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform) animator.redraw();
    });
    const initial = appStore.getState();
    animator.setPlaying(initial.playing);
    animator.setSpeed(initial.speed);
    let seen = initial.requests.at(-1)?.id ?? 0;
    const unsubscribe = appStore.subscribe((state, previous) => {
      if (state.requests !== previous.requests) {
        if (state.requests.length === 0) animator.clear();
        const fresh = state.requests.filter((r) => r.id > seen);
        if (fresh.length > 0) animator.removeFinished();
        fresh.forEach((request, i) => {
          animator.add({
            id: request.id,
            plan: planPacket(request.trace, modelRef.current),
            outcome: request.trace.outcome,
            delay: batchDelay(i, fresh.length),
            name: tRef.current("packet.label", {
              id: request.id,
              to: request.trace.request.to,
              state: tRef.current("packet.inFlight"),
            }),
          });
        });
        seen = state.requests.at(-1)?.id ?? seen;
      }
      if (state.playing !== previous.playing) animator.setPlaying(state.playing);
      if (state.speed !== previous.speed) animator.setSpeed(state.speed);
      if (state.stepCount !== previous.stepCount) animator.step();
      if (state.selectedRequest !== previous.selectedRequest) animator.select(state.selectedRequest);
    });
    return () => {
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
