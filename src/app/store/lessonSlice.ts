import type { StateCreator } from "zustand";
import type { EngineMessage, NameLookup, Ref } from "../../engine/index.ts";
import type { Lesson, SessionRecord } from "../../lessons/index.ts";
import { lessonIds } from "../../lessons/outline.ts";
import type { EngineClient } from "../engine/client.ts";
import { course } from "../lessons/course.ts";
import { completedSteps, isProgress, type Progress, recordTraffic } from "../lessons/progress.ts";
import { type KeyValueStorage, readStored, writeStored } from "../persist/storage.ts";
import type { AppState } from "./index.ts";
import { simulationRecord } from "./timeSlice.ts";

export interface LessonPlace {
  mode: "lesson" | "sandbox";
  lessonId: string;
  stepIndex: number;
}

export interface LastLookup {
  from: Ref;
  name: string;
  lookup: NameLookup | null;
  error: EngineMessage | null;
}

export interface LessonSlice extends LessonPlace {
  /** Steps done, per lesson id: saved locally and kept across reloads. */
  completed: Progress;
  /** How many hints of the current step are shown. */
  hintsShown: number;
  /** What the learner did in this lesson (the goals judge it with the cluster as it stands). */
  lessonLog: Omit<SessionRecord, "cluster">;
  /** The id of the last traffic request copied into lessonLog. */
  lessonSeenRequest: number;
  /**
   * True from opening a lesson until a cluster built from its manifests lands: until then the
   * cluster on screen is the previous document's, and no goal may be judged against it.
   */
  lessonAwaitingBuild: boolean;
  lookupFrom: Ref;
  lookupName: string;
  lastLookup: LastLookup | null;
  /** True while "Show me" plays a step's solution. */
  showingSolution: boolean;
  setShowingSolution(on: boolean): void;
  goToStep(index: number): void;
  showHint(): void;
  setLookupFrom(from: Ref): void;
  setLookupName(name: string): void;
  /** Looks up the lookup form's name, or the given one (the console's nslookup and dig), as a lesson counts it. */
  lookup(request?: { from: Ref; name: string }): Promise<LastLookup | null>;
  /**
   * Keeps the lesson going as the learner acts: copies the requests sent since the last call (with the
   * cluster they met) into the lesson's log, ticks every step whose goal is now met, and saves progress.
   * Every action that sends, looks up, builds or simulates calls it once its result is in the store.
   */
  followLesson(): void;
}

const PLACE_KEY = "lessons.place";
const PROGRESS_KEY = "lessons.completed";

const isPlace = (v: unknown): v is LessonPlace => {
  const p = v as Partial<LessonPlace> | null;
  return (
    typeof p === "object" &&
    p !== null &&
    (p.mode === "lesson" || p.mode === "sandbox") &&
    typeof p.lessonId === "string" &&
    lessonIds.includes(p.lessonId) &&
    typeof p.stepIndex === "number"
  );
};

const firstLesson = lessonIds[0] ?? "";

/** The open lesson; none in the sandbox, or while a reload's lesson is still being fetched (course.ts). */
export function currentLesson(state: LessonPlace): Lesson | undefined {
  return state.mode === "lesson" ? course.loaded()?.lessonById(state.lessonId) : undefined;
}

/** A lesson's record of what the learner did, empty: where a lesson (or the sandbox) starts. */
export const freshLessonLog = (): Pick<LessonSlice, "hintsShown" | "lessonLog" | "lastLookup"> => ({
  hintsShown: 0,
  lessonLog: { requests: [], lookups: [] },
  lastLookup: null,
});

/** Saves where the learner is (a lesson and its step, or the sandbox), so that a reload comes back to it. */
export function savePlace(storage: KeyValueStorage | undefined, place: LessonPlace): void {
  writeStored(storage, PLACE_KEY, { mode: place.mode, lessonId: place.lessonId, stepIndex: place.stepIndex });
}

export function createLessonSlice(
  engine: EngineClient,
  storage: KeyValueStorage | undefined,
): StateCreator<AppState, [], [], LessonSlice> {
  const saved = readStored(storage, PLACE_KEY, isPlace);
  return (set, get) => ({
    mode: saved?.mode ?? "sandbox",
    lessonId: saved?.lessonId ?? firstLesson,
    stepIndex: saved?.stepIndex ?? 0,
    completed: readStored(storage, PROGRESS_KEY, isProgress) ?? {},
    ...freshLessonLog(),
    lessonSeenRequest: 0,
    lessonAwaitingBuild: false,
    lookupFrom: "pod/default/client",
    lookupName: "",
    showingSolution: false,
    setShowingSolution: (showingSolution) => set({ showingSolution }),
    goToStep(index) {
      const lesson = currentLesson(get());
      if (!lesson) return;
      set({ stepIndex: Math.max(0, Math.min(lesson.steps.length - 1, index)), hintsShown: 0 });
      savePlace(storage, get());
    },
    showHint: () => set((s) => ({ hintsShown: s.hintsShown + 1 })),
    setLookupFrom: (lookupFrom) => set({ lookupFrom }),
    setLookupName: (lookupName) => set({ lookupName }),
    async lookup(request) {
      const { from, name } = request ?? { from: get().lookupFrom, name: get().lookupName };
      const { cluster } = get();
      if (!name.trim()) return null;
      const reply = await engine.request({ type: "dns", from, name: name.trim() });
      const lastLookup = { from, name: name.trim(), lookup: reply.lookup, error: reply.error };
      set((s) => ({
        lastLookup,
        lessonLog:
          reply.lookup && cluster && s.mode === "lesson"
            ? {
                ...s.lessonLog,
                lookups: [
                  ...s.lessonLog.lookups,
                  { from, name: lastLookup.name, result: reply.lookup, cluster },
                ],
              }
            : s.lessonLog,
      }));
      get().followLesson();
      return lastLookup;
    },
    followLesson() {
      const state = get();
      // Requests sent meanwhile met the previous document's cluster: they are not the lesson's.
      if (state.lessonAwaitingBuild) return;
      const lesson = currentLesson(state);
      const lessons = course.loaded();
      const { cluster } = state;
      if (!lesson || !lessons || !cluster) return;
      const recorded = recordTraffic(state.lessonLog, state.lessonSeenRequest, state.requests, cluster);
      if (recorded) set(recorded);
      const { lessonLog, completed } = get();
      const session = { cluster, ...lessonLog, simulation: simulationRecord(get()) };
      const done = completedSteps(lesson, session, completed, lessons.goalMet);
      if (done === completed) return;
      set({ completed: done });
      writeStored(storage, PROGRESS_KEY, done);
    },
  });
}
