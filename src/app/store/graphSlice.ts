import type { StateCreator } from "zustand";
import type { Ref, Trace } from "../../engine/index.ts";
import { packetSteps } from "../packets/steps.ts";
import type { AppState } from "./index.ts";

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/** What the graph shows and how packets play: never per-frame positions, which live outside React. */
export interface GraphSlice {
  /** The Service under the pointer (or keyboard focus): its endpoints and selector light up. */
  hoveredRef: Ref | null;
  /** CoreDNS pods folded into the kube-dns Service. */
  foldDns: boolean;
  /** The request whose packet the inspector can show, by id. */
  selectedRequest: number | null;
  /** What the inspector shows: the selected object, or the selected request's packet. */
  inspecting: "object" | "request";
  playing: boolean;
  speed: number;
  /** The hop the selected packet is at (the last one that acted), as the packet layer reports it. */
  hopAt: number | null;
  /** A Time view packet the learner clicked: the inspector shows it as it shows a request's packet. */
  timePacket: { id: number; trace: Trace; stream: string } | null;
  /** In a compact drawing of a large cluster, the nodes whose pods are drawn and the namespaces whose Services are (refs). */
  openNodes: readonly Ref[];
  /** Draws a node's pods (or a namespace's Services) in a compact drawing, or folds them back into its count. */
  setNodeOpen(ref: Ref, open: boolean): void;
  hover(ref: Ref | null): void;
  toggleDnsFold(): void;
  selectRequest(id: number | null): void;
  togglePlaying(): void;
  setSpeed(speed: number): void;
  /** Pauses and moves the packets on one hop (packets/steps.ts). */
  stepOnce(): void;
  /** Pauses and moves the packets back one hop. */
  stepBack(): void;
  setHopAt(hop: number | null): void;
  selectTimePacket(packet: { id: number; trace: Trace; stream: string } | null): void;
}

export const createGraphSlice: StateCreator<AppState, [], [], GraphSlice> = (set, _get) => ({
  hoveredRef: null,
  foldDns: true,
  selectedRequest: null,
  inspecting: "object",
  playing: true,
  speed: 1,
  hopAt: null,
  timePacket: null,
  openNodes: [],
  setNodeOpen: (ref, open) =>
    set((s) =>
      s.openNodes.includes(ref) === open
        ? s
        : { openNodes: open ? [...s.openNodes, ref] : s.openNodes.filter((r) => r !== ref) },
    ),
  hover: (hoveredRef) => set({ hoveredRef }),
  toggleDnsFold: () => set((s) => ({ foldDns: !s.foldDns })),
  selectRequest: (selectedRequest) =>
    set(selectedRequest === null ? { selectedRequest } : { selectedRequest, inspecting: "request" }),
  togglePlaying: () => set((s) => ({ playing: !s.playing })),
  setSpeed: (speed) => set({ speed }),
  // Stepping pauses: a learner stepping wants the packet to stay where the step left it.
  stepOnce: () => {
    set({ playing: false });
    packetSteps.step();
  },
  stepBack: () => {
    set({ playing: false });
    packetSteps.stepBack();
  },
  setHopAt: (hopAt) => set((s) => (s.hopAt === hopAt ? s : { hopAt })),
  selectTimePacket: (timePacket) =>
    set(timePacket ? { timePacket, inspecting: "request", hopAt: null } : { timePacket }),
});
