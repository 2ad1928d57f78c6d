// Finds the Chromium the browser tests drive. Playwright cannot download its own browsers on these
// machines, so the order is: $CHROMIUM_PATH, Debian's /usr/bin/chromium, a Playwright-managed one.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function playwrightManaged() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** @returns {{ path: string, source: string } | undefined} */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    return existsSync(env.CHROMIUM_PATH) ? { path: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" } : undefined;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: "Debian package" };
  const managed = playwrightManaged();
  return managed ? { path: managed, source: "Playwright" } : undefined;
}

/** Arguments that keep headless Chromium quiet on a closed network (see shared/RECIPE.md). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
