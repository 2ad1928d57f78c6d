import { useState } from "react";
import "../commands/lessons.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { LessonList } from "./LessonList.tsx";
import { LessonView } from "./LessonView.tsx";

/** The course in the side panel: the current lesson, or the list of lessons and the sandbox. */
export function LessonPanel() {
  const mode = useAppStore((s) => s.mode);
  const [listOpen, setListOpen] = useState(false);
  return mode === "lesson" && !listOpen ? (
    <LessonView onBack={() => setListOpen(true)} />
  ) : (
    <LessonList onOpen={() => setListOpen(false)} />
  );
}
