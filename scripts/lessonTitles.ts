import { readFile } from "node:fs/promises";
import type { Plugin } from "vite";
import { parseLessonText } from "../src/lessons/text.ts";

/**
 * `./NN-name/LANG.md?title`: a lesson's title alone, read from its markdown while the app is built, so
 * that the lesson list (src/lessons/titles.ts) does not fetch every lesson's text (issue 15). The whole
 * file is read as the app reads it, so a lesson whose layout is broken fails the build.
 */
export function lessonTitles(): Plugin {
  return {
    name: "svclab-lesson-titles",
    load: {
      filter: { id: /\.md\?title$/ },
      async handler(id) {
        const file = id.slice(0, -"?title".length);
        this.addWatchFile(file);
        const { title } = parseLessonText(file, await readFile(file, "utf8"));
        return `export default ${JSON.stringify(title)};`;
      },
    },
  };
}
