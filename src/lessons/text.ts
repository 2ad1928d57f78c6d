import type { LessonText, StepText } from "./types.ts";

/**
 * Reads a lesson's markdown (`en.md`, `ja.md`). The layout, kept by every lesson:
 *
 *   # Title
 *   Introduction (its first paragraph is the lesson list's summary).
 *   <!-- step: ID -->
 *   ## What to do, in a line
 *   Explanation and task.
 *   <!-- hint -->
 *   A hint (as many as helps).
 *   <!-- try -->
 *   What the "Try it on a real cluster" commands show.
 *
 * A file that breaks the layout is a bug in the lesson, reported with its name.
 */
export function parseLessonText(file: string, markdown: string): LessonText {
  const fail = (message: string): never => {
    throw new Error(`${file}: ${message}`);
  };
  const sections = markdown.split(/^<!--\s*(step:\s*[\w-]+|hint|try)\s*-->\s*$/m);
  const [head = "", ...rest] = sections;
  const heading = /^# (.+)\n/.exec(head.trimStart());
  if (!heading?.[1]) return fail("the file must start with a '# Title' line");
  const intro = head.trimStart().slice(heading[0].length).trim();
  const summary = intro.split(/\n\s*\n/)[0]?.trim() ?? "";
  if (!summary) return fail("the introduction is empty");

  const steps: Record<string, StepText> = {};
  let current: StepText | undefined;
  let tryIt: string | undefined;
  for (let i = 0; i < rest.length; i += 2) {
    const marker = rest[i] ?? "";
    const content = (rest[i + 1] ?? "").trim();
    if (marker.startsWith("step:")) {
      const id = marker.slice("step:".length).trim();
      const title = /^## (.+)\n?/.exec(content);
      if (!title?.[1]) return fail(`step ${id} must start with a '## What to do' line`);
      if (steps[id]) return fail(`step ${id} appears twice`);
      current = { title: title[1].trim(), body: content.slice(title[0].length).trim(), hints: [] };
      steps[id] = current;
    } else if (marker === "hint") {
      if (!current || tryIt !== undefined) return fail("a hint must follow a step");
      current.hints.push(content);
    } else {
      tryIt = content;
    }
  }
  if (tryIt === undefined) return fail("the '<!-- try -->' section is missing");
  return { title: heading[1].trim(), summary, intro, steps, tryIt };
}
