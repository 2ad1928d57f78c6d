import type { ClusterSettings, LoadBalancerProvider, Ref, SettingPath, SourceFile } from "../engine/index.ts";
import type { Goal } from "./goals.ts";

export type LessonLanguage = "en" | "ja";

/**
 * What a learner can do, as a record: the same records drive the UI's buttons, "Show me" playback
 * and the headless replayer. Refs follow DESIGN.md (`pod/default/client`, `node/node-2`).
 */
export type LessonCommand =
  /** Writes whole files into the manifests (creating a file that does not exist yet). */
  | { id: "editManifests"; files: SourceFile[] }
  | { id: "send"; from: Ref; to: string }
  | { id: "sendMany"; from: Ref; to: string; count: number }
  | { id: "failNode"; node: Ref }
  | { id: "recoverNode"; node: Ref }
  | { id: "dns"; name: string; from: Ref }
  /** Adds a stream of requests to the scenario on the virtual clock (`to` may hold placeholders). */
  | { id: "addStream"; name: string; from: string; to: string; rate: number }
  /** Fails or recovers a node at a second of the virtual clock. */
  | { id: "scenarioEvent"; at: number; action: "fail-node" | "recover-node"; node: Ref }
  /** Changes one timing of the simulation (spec.settings), by its path. */
  | { id: "simulationSetting"; path: SettingPath; value: number }
  /** Changes the cluster setting of who provides LoadBalancers. */
  | { id: "loadBalancerProvider"; provider: LoadBalancerProvider };

/** One step's words in one language, read from the lesson's markdown. */
export interface StepText {
  /** The step's heading: what to do, in a line (also the goal's label). */
  title: string;
  /** Markdown: the explanation and the task. */
  body: string;
  /** Markdown, shown one at a time on request. */
  hints: string[];
}

/** One lesson's words in one language, read from its `en.md` or `ja.md`. */
export interface LessonText {
  title: string;
  /** The first paragraph of the introduction: one line for the lesson list. */
  summary: string;
  /** Markdown shown above the steps. */
  intro: string;
  steps: Record<string, StepText>;
  /** Markdown introducing the kubectl commands of "Try it on a real cluster". */
  tryIt: string;
}

export interface LessonStep {
  id: string;
  goal: Goal;
  /** The commands a learner could use to meet the goal, played by "Show me" and the replay test. */
  solution: LessonCommand[];
}

export interface Lesson {
  /** Also the folder name: `03-clusterip`. */
  id: string;
  /** The manifests the lesson starts from: real objects that `kubectl apply` would take unchanged. */
  manifests: SourceFile[];
  settings?: Partial<ClusterSettings>;
  steps: LessonStep[];
  /** The kubectl commands that show the same thing on a real cluster. */
  tryIt: string[];
}
