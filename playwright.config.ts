import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./scripts/chromium.mjs";

const PORT = Number(process.env.PW_PORT ?? 4317);
const isCI = Boolean(process.env.CI);
const chromium = findChromium();

export default defineConfig({
  testDir: "e2e",
  // e2e/support holds helpers with their own vitest unit tests (*.test.ts); Playwright runs specs only.
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e",
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: isCI ? 1 : 2,
  reporter: isCI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromium?.path, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } } },
  ],
  webServer: {
    command: `npm run -s build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !isCI,
    timeout: 120_000,
  },
});
