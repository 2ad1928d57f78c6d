import { useState } from "react";
import "../commands/lessons.ts";
import { Lazy, lazyNamed } from "../layout/Lazy.tsx";
import { useAppStore } from "../store/useAppStore.ts";
import { LessonList } from "./LessonList.tsx";

// A lesson's page (its Markdown, rendered with marked and sanitised with DOMPurify) loads when a lesson
// is opened: the first screen shows the list of lessons, which needs only their titles.
const LessonView = lazyNamed(() => import("./LessonView.tsx"), "LessonView");

/** The course in the side panel: the current lesson, or the list of lessons and the sandbox. */
export function LessonPanel() {
  const mode = useAppStore((s) => s.mode);
  const [listOpen, setListOpen] = useState(false);
  return mode === "lesson" && !listOpen ? (
    <Lazy>
      <LessonView onBack={() => setListOpen(true)} />
    </Lazy>
  ) : (
    <LessonList onOpen={() => setListOpen(false)} />
  );
}
