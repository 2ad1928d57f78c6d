import type { StateCreator } from "zustand";
import {
  type Ref,
  type SourceFile,
  type SourcePosition,
  type Trace,
  type TraceRequest,
  toNodeRef,
} from "../../engine/index.ts";
import { lessonById, startingRequest } from "../../lessons/index.ts";
import type { EngineClient } from "../engine/client.ts";
import { packetClock } from "../packets/clock.ts";
import { SANDBOX_DOCUMENT } from "../persist/documents.ts";
import type { SharedState } from "../share/shareLink.ts";
import type { AppState } from "./index.ts";
import { freshLessonLog } from "./lessonSlice.ts";
import { SANDBOX_STARTING } from "./manifestsSlice.ts";
import { DEFAULT_REQUEST } from "./trafficSlice.ts";

/**
 * The actions that span slices. Each slice's own actions write only that slice's fields; whatever
 * changes several at once (opening a lesson or a shared link, a send that selects its request, a
 * node failing with packets in flight) is composed here, so that no slice writes another's fields.
 */
export interface Orchestration {
  openLesson(id: string): void;
  /** Back to the learner's sandbox; with a sample, the sample replaces it (the previous work is the backup). */
  openSandbox(sample?: SourceFile[]): void;
  /** Shows what a share link carried (its lesson, manifests and failed nodes), unsaved until edited. */
  openShared(state: SharedState): void;
  /** Moves the editor to a place in the manifests; a jump the learner asked for brings the editor forward. */
  revealPosition(position: SourcePosition, focus?: boolean): void;
  /**
   * Sends `count` requests from the request bar's source to its destination, or the given request
   * (the console's curl), and selects the last one. Resolves to the traces.
   */
  send(count?: number, request?: TraceRequest): Promise<Trace[]>;
  clearRequests(): void;
  /** Fails a node (`node/NAME`) at this instant of the clock: the engine says which packets in flight die. */
  failNode(node: Ref): Promise<void>;
  recoverNode(node: Ref): Promise<void>;
  /** Selects an object in the graph (or nothing) and inspects it. */
  inspectObject(ref: Ref | null): void;
  /** Back to the state the store was created with. */
  reset(): void;
}

/** The screen a lesson or the sandbox opens on: no failed node, nothing selected, the request view. */
function cleanScreen(request: { from: string; to: string }): Partial<AppState> {
  return {
    failedNodes: [],
    requestFrom: request.from,
    requestTo: request.to,
    sendError: null,
    selectedRef: null,
    inspecting: "object",
    timeMode: false,
    clockPlaying: false,
    sideTab: "lessons",
  };
}

export function createOrchestration(engine: EngineClient): StateCreator<AppState, [], [], Orchestration> {
  return (set, get, api) => ({
    openLesson(id) {
      const lesson = lessonById(id);
      if (!lesson) return;
      // A lesson starts clean: nothing left of the previous one on screen (its request bar, inspector,
      // request numbers, time view), so what the learner sees is this lesson's cluster only.
      set({
        ...freshLessonLog(),
        mode: "lesson",
        lessonId: id,
        stepIndex: 0,
        lessonSeenRequest: 0,
        lessonAwaitingBuild: true,
        ...cleanScreen(startingRequest(lesson)),
        loadBalancerProvider: lesson.settings?.loadBalancerProvider ?? "gcp",
        // A lesson's clock starts at real time, a speed a person can act at (the sandbox keeps its own).
        clockSpeed: 1,
      });
      get().openDocument(lesson.id, lesson.manifests);
      get().clearRequests();
      // A build of its own: any build still running for the previous document is then discarded.
      void get().rebuild();
    },
    openSandbox(sample) {
      set({ ...freshLessonLog(), mode: "sandbox", ...cleanScreen(DEFAULT_REQUEST) });
      get().openDocument(SANDBOX_DOCUMENT, SANDBOX_STARTING);
      if (sample) get().replaceFiles(sample);
      get().clearRequests();
    },
    openShared(state) {
      const lesson = state.lesson ? lessonById(state.lesson) : undefined;
      get().showSharedDocument(state, lesson);
      set({
        failedNodes: state.failedNodes.map(toNodeRef),
        ...(lesson
          ? { mode: "lesson" as const, lessonId: lesson.id, stepIndex: 0 }
          : { mode: "sandbox" as const }),
      });
    },
    revealPosition(position, focus = true) {
      get().showPosition(position, focus);
      if (focus) get().setSideTab("manifests");
    },
    async send(count = 1, request) {
      const sent = await get().sendRequests(count, request);
      const last = sent.at(-1);
      if (last) set({ selectedRequest: last.id, inspecting: "request" });
      return sent.map((r) => r.trace);
    },
    clearRequests() {
      get().clearLog();
      set({ selectedRequest: null });
    },
    async failNode(node) {
      if (get().failedNodes.includes(node)) return;
      set((s) => ({ failedNodes: [...s.failedNodes, node] }));
      // The engine decides what the failure does to the packets in flight, at this instant of the clock.
      const reply = await engine.request({ type: "failNode", node, at: packetClock.now });
      get().replaceTraces(reply.lost);
      await get().rebuild();
    },
    async recoverNode(node) {
      set((s) => ({ failedNodes: s.failedNodes.filter((n) => n !== node) }));
      await get().rebuild();
    },
    inspectObject(ref) {
      get().select(ref);
      set({ inspecting: "object" });
    },
    reset: () => api.setState(api.getInitialState(), true),
  });
}
