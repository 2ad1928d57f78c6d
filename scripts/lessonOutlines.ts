import { readFile } from "node:fs/promises";
import type { Plugin } from "vite";
import { parseLessonText } from "../src/lessons/text.ts";

/**
 * `./NN-name/LANG.md?outline`: a lesson's title and its steps' ids alone, read from its markdown while the
 * app is built, so that the lesson list (src/lessons/outline.ts) fetches neither every lesson's text nor
 * the lessons' manifests and goals (issue 15). The whole file is read as the app reads it, so a lesson
 * whose layout is broken fails the build.
 */
export function lessonOutlines(): Plugin {
  return {
    name: "svclab-lesson-outlines",
    load: {
      filter: { id: /\.md\?outline$/ },
      async handler(id) {
        const file = id.slice(0, -"?outline".length);
        this.addWatchFile(file);
        const { title, steps } = parseLessonText(file, await readFile(file, "utf8"));
        return `export default ${JSON.stringify({ title, steps: Object.keys(steps) })};`;
      },
    },
  };
}
