import type { StateCreator } from "zustand";
import {
  type Ref,
  type SourceFile,
  type SourcePosition,
  type Trace,
  type TraceRequest,
  toNodeRef,
} from "../../engine/index.ts";
import type { EngineClient } from "../engine/client.ts";
import { course } from "../lessons/course.ts";
import { packetClock } from "../packets/clock.ts";
import { SANDBOX_DOCUMENT } from "../persist/documents.ts";
import { screenKeeper } from "../persist/screen.ts";
import type { KeyValueStorage } from "../persist/storage.ts";
import type { PageAddress } from "../share/address.ts";
import type { SharedState } from "../share/shareLink.ts";
import type { AppState } from "./index.ts";
import { currentLesson, freshLessonLog, type LessonPlace, savePlace } from "./lessonSlice.ts";
import { SANDBOX_STARTING } from "./manifestsSlice.ts";
import { isStale } from "./selectors.ts";
import { DEFAULT_REQUEST } from "./trafficSlice.ts";

/**
 * The actions that span slices. Each slice's own actions write only that slice's fields; whatever
 * changes several at once (opening a lesson or a shared link, a send that selects its request, a
 * node failing with packets in flight) is composed here, so that no slice writes another's fields.
 * There are no store subscribers: every effect (a save, a rebuild, a simulation, a lesson's progress)
 * is called by the action that causes it, here or in the slice that owns it.
 */
export interface Orchestration {
  /**
   * The store's first moments (and a reload's): the lesson the learner was in with their manifests
   * for it, the screen saved with them (failed nodes, the last valid manifests), then the first build.
   */
  resume(): Promise<void>;
  /**
   * Builds the manifests, then what follows from a new cluster: an opened lesson starts counting,
   * the screen is saved, the time view plays the scenario again, and the lesson's goals are judged.
   */
  rebuild(options?: { evict?: Ref[] }): Promise<void>;
  /**
   * What an edit of the manifests causes: the screen saved (the text's origin may have changed), a
   * rebuild once typing settles, or at once for a `whole` change (a paste, a drop, an import, a reset, a
   * link or a document opened): nothing more is coming.
   */
  manifestsChanged(whole?: boolean): void;
  /**
   * Opens a lesson, once the course's data has arrived (course.ts); resolves to false when it could not
   * be fetched. A lesson that arrives after the learner went elsewhere is not opened.
   */
  openLesson(id: string): Promise<boolean>;
  /** Back to the learner's sandbox; with a sample, the sample replaces it (the previous work is the backup). */
  openSandbox(sample?: SourceFile[]): void;
  /** Shows what a share link carried (its lesson, manifests and failed nodes), unsaved until edited. */
  openShared(state: SharedState): Promise<void>;
  /** Leaves a share link's manifests for the learner's own saved work of the same lesson or sandbox. */
  openOwnWork(): void;
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
  /** Opens the Time view (or goes back to requests one at a time), kept for a reload. */
  showTimeView(on: boolean): void;
  /** Selects an object in the graph (or nothing) and inspects it. */
  inspectObject(ref: Ref | null): void;
  /**
   * Back to the state the store was created with, then resumed and built as it was then. Storage is
   * left as it is: the learner's saved work and progress are not the store's to forget.
   */
  reset(): Promise<void>;
}

/**
 * The view a lesson or the sandbox opens on: nothing selected, the request view, the lessons tab. A
 * lesson closes it at the click, before its data arrives: what the learner does meanwhile (opens the
 * Time view, selects a node) is about the lesson that opens, and stays.
 */
const cleanView = {
  selectedRef: null,
  inspecting: "object",
  timeMode: false,
  clockPlaying: false,
  sideTab: "lessons",
} satisfies Partial<AppState>;

/** The cluster's side of a fresh screen: no failed node, the request bar of the lesson or the sandbox. */
function cleanScreen(request: { from: string; to: string }): Partial<AppState> {
  return { failedNodes: [], requestFrom: request.from, requestTo: request.to, sendError: null };
}

export interface OrchestrationDeps {
  engine: EngineClient;
  storage?: KeyValueStorage;
  /** How long edits settle before the cluster is rebuilt (issue 6: about 300 ms). */
  rebuildDelayMs?: number;
  address?: PageAddress;
}

const samePlace = (a: LessonPlace, b: LessonPlace) => a.mode === b.mode && a.lessonId === b.lessonId;

export function createOrchestration({
  engine,
  storage,
  rebuildDelayMs = 300,
  address,
}: OrchestrationDeps): StateCreator<AppState, [], [], Orchestration> {
  return (set, get, api) => {
    const screen = screenKeeper(storage);
    let settling: ReturnType<typeof setTimeout> | undefined;
    /**
     * Where the learner now is (a lesson or the sandbox) is saved; a new place starts from a scenario
     * of its own.
     */
    const here = (): LessonPlace => {
      const { mode, lessonId, stepIndex } = get();
      return { mode, lessonId, stepIndex };
    };
    /** The lesson asked for last, while its data is on the way (openLesson). */
    let opening: string | undefined;
    /** Whether a share link's manifests were on screen unsaved when last looked. */
    let shared = false;
    /** A share link adopted by an edit, or left for other manifests, leaves the address (share/address.ts). */
    const leftShared = () => {
      const now = get().origin === "shared";
      if (shared && !now) address?.dropShareLink();
      shared = now;
    };
    const moved = (before: LessonPlace) => {
      savePlace(storage, get());
      if (!samePlace(before, get())) get().clearScenario();
      leftShared();
    };
    return {
      async resume() {
        // A reload in a lesson needs the lesson's manifests; offline before they were cached, the sandbox.
        if (get().mode === "lesson" && !course.loaded())
          await course.load().catch(() => set({ mode: "sandbox" }));
        const lesson = currentLesson(get());
        if (lesson) get().openDocument(lesson.id, lesson.manifests);
        const restored = screen.restore(get());
        if (restored) set(restored);
        screen.known(get());
        await get().rebuild();
      },
      async rebuild(options) {
        // A build now takes in every edit made so far: the one waiting for edits to settle is not needed.
        clearTimeout(settling);
        const before = get().cluster;
        if (!(await get().build(options))) return;
        const state = get();
        if (state.cluster !== before) {
          // The opened lesson's own cluster is in: from here on what the learner sends is the lesson's.
          if (state.lessonAwaitingBuild)
            set({ lessonAwaitingBuild: false, lessonSeenRequest: state.requests.at(-1)?.id ?? 0 });
          if (state.timeMode && !isStale(state)) void get().simulate();
        }
        screen.save(get());
        get().followLesson();
      },
      manifestsChanged(whole = false) {
        leftShared();
        screen.save(get());
        clearTimeout(settling);
        // Waiting for a paste to "settle" was 300 ms of the 490 from paste to graph at 300 pods (issue 15).
        if (whole) void get().rebuild();
        else settling = setTimeout(() => void get().rebuild(), rebuildDelayMs);
      },
      async openLesson(id) {
        opening = id;
        set(cleanView);
        const lessons = course.loaded() ?? (await course.load().catch(() => undefined));
        if (opening !== id) return true;
        opening = undefined;
        const lesson = lessons?.lessonById(id);
        if (!lessons || !lesson) return false;
        // A lesson starts clean: nothing left of the previous one on screen (its request bar, failed nodes,
        // request numbers; its view went at the click), so what the learner sees is this lesson's cluster only.
        const before = here();
        set({
          ...freshLessonLog(),
          mode: "lesson",
          lessonId: id,
          stepIndex: 0,
          lessonSeenRequest: 0,
          lessonAwaitingBuild: true,
          ...cleanScreen(lessons.startingRequest(lesson)),
          loadBalancerProvider: lesson.settings?.loadBalancerProvider ?? "gcp",
          // A lesson's clock starts at real time, a speed a person can act at (the sandbox keeps its own).
          clockSpeed: 1,
        });
        get().openDocument(lesson.id, lesson.manifests);
        get().clearRequests();
        moved(before);
        screen.save(get());
        // A build of its own: any build still running for the previous document is then discarded.
        void get().rebuild();
        return true;
      },
      openSandbox(sample) {
        opening = undefined;
        const before = here();
        set({ ...freshLessonLog(), mode: "sandbox", ...cleanView, ...cleanScreen(DEFAULT_REQUEST) });
        get().openDocument(SANDBOX_DOCUMENT, SANDBOX_STARTING);
        if (sample) get().replaceFiles(sample);
        get().clearRequests();
        moved(before);
        get().manifestsChanged(true);
      },
      async openShared(state) {
        opening = undefined;
        const lessons = state.lesson
          ? (course.loaded() ?? (await course.load().catch(() => undefined)))
          : undefined;
        const before = here();
        const lesson = state.lesson ? lessons?.lessonById(state.lesson) : undefined;
        get().showSharedDocument(state, lesson);
        set({
          failedNodes: state.failedNodes.map(toNodeRef),
          ...(lesson
            ? { mode: "lesson" as const, lessonId: lesson.id, stepIndex: 0 }
            : { mode: "sandbox" as const }),
        });
        moved(before);
        get().manifestsChanged(true);
      },
      openOwnWork() {
        const { documentId, startingFiles } = get();
        get().openDocument(documentId, startingFiles);
        get().manifestsChanged(true);
      },
      revealPosition(position, focus = true) {
        get().showPosition(position, focus);
        if (focus) get().setSideTab("manifests");
      },
      async send(count = 1, request) {
        const sent = await get().sendRequests(count, request);
        const last = sent.at(-1);
        if (last) set({ selectedRequest: last.id, inspecting: "request" });
        get().followLesson();
        return sent.map((r) => r.trace);
      },
      clearRequests() {
        get().clearLog();
        set({ selectedRequest: null });
      },
      async failNode(node) {
        if (get().failedNodes.includes(node)) return;
        set((s) => ({ failedNodes: [...s.failedNodes, node] }));
        screen.save(get());
        // The engine decides what the failure does to the packets in flight, at this instant of the clock.
        const reply = await engine.request({ type: "failNode", node, at: packetClock.now });
        get().replaceTraces(reply.lost);
        get().followLesson();
        await get().rebuild();
      },
      showTimeView(on) {
        get().setTimeMode(on);
        screen.save(get());
      },
      async recoverNode(node) {
        set((s) => ({ failedNodes: s.failedNodes.filter((n) => n !== node) }));
        screen.save(get());
        await get().rebuild();
      },
      inspectObject(ref) {
        get().select(ref);
        set({ inspecting: "object" });
      },
      async reset() {
        clearTimeout(settling);
        api.setState(api.getInitialState(), true);
        leftShared();
        await get().resume();
      },
    };
  };
}
