import type { StateCreator } from "zustand";
import type { Ref, Trace } from "../../engine/index.ts";
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
  /** Counts presses of "step one hop": the packet layer advances once per change. */
  stepCount: number;
  /** Counts presses of "step back": the packet layer goes back a hop once per change. */
  stepBackCount: number;
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
  stepOnce(): void;
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
  stepCount: 0,
  stepBackCount: 0,
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
  stepOnce: () => set((s) => ({ playing: false, stepCount: s.stepCount + 1 })),
  stepBack: () => set((s) => ({ playing: false, stepBackCount: s.stepBackCount + 1 })),
  setHopAt: (hopAt) => set((s) => (s.hopAt === hopAt ? s : { hopAt })),
  selectTimePacket: (timePacket) =>
    set(timePacket ? { timePacket, inspecting: "request", hopAt: null } : { timePacket }),
});
