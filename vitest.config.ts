import { defineConfig } from "vitest/config";
import { lessonOutlines } from "./scripts/lessonOutlines.ts";

export default defineConfig({
  // The lesson list's outlines are read from the lessons' markdown as the app's build reads them.
  plugins: [lessonOutlines()],
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
