import type { ClusterSettings, SourceFile } from "../engine/index.ts";
import { parseLessonText } from "./text.ts";
import type { Lesson, LessonStep } from "./types.ts";

export interface LessonSource {
  id: string;
  manifests: SourceFile[];
  settings?: Partial<ClusterSettings>;
  steps: LessonStep[];
  tryIt: string[];
  /** The lesson's markdown in each language (see text.ts for its layout). */
  en: string;
  ja: string;
}

/** A lesson from its data and its markdown, the text read once when the course loads. */
export function defineLesson(source: LessonSource): Lesson {
  const { en, ja, ...data } = source;
  return {
    ...data,
    text: { en: parseLessonText(`${source.id}/en.md`, en), ja: parseLessonText(`${source.id}/ja.md`, ja) },
  };
}
