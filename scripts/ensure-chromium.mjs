// Makes sure a Chromium exists before the browser tests run; never lets them be skipped silently.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium } from "./chromium.mjs";

function fail(message) {
  console.error(`\nBrowser tests need Chromium.\n${message}\n`);
  process.exit(1);
}

const found = findChromium();
if (found) {
  console.log(`Chromium for the browser tests: ${found.path} (${found.source})`);
  process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
  fail(
    `CHROMIUM_PATH is set to "${process.env.CHROMIUM_PATH}", but no file is there. Fix the path or unset it.`,
  );
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && existsSync("/etc/debian_version")) {
  console.log("No Chromium found: installing Debian's chromium package with apt-get (about 30 s)...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  const installed = findChromium();
  if (installed) {
    console.log(`Installed ${installed.path}`);
    process.exit(0);
  }
  fail("apt-get finished but /usr/bin/chromium is still missing.");
}

fail(
  [
    "Install one of these, then run the tests again:",
    "  - on Debian or Ubuntu:  sudo apt-get install chromium   (gives /usr/bin/chromium)",
    "  - any Chromium or Chrome, and point to it:  export CHROMIUM_PATH=/path/to/chromium",
    "  - where Playwright can download browsers:  npx playwright install chromium",
  ].join("\n"),
);
