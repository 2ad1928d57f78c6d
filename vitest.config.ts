import { defineConfig } from "vitest/config";
import { lessonTitles } from "./scripts/lessonTitles.ts";

export default defineConfig({
  // The lesson list's titles are read from the lessons' markdown as the app's build reads them.
  plugins: [lessonTitles()],
  test: {
    include: [
      "src/**/*.test.ts",
      "src/**/*.test.tsx",
      "bench/**/*.test.ts",
      "scripts/**/*.test.ts",
      "e2e/support/**/*.test.ts",
    ],
    environment: "node",
  },
});
