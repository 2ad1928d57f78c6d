import type { Page } from "@playwright/test";

// The engine's English templates: the page's lazy import of them (englishTemplates-*.js) and the chunk
// that holds them (english-*.js), which the editor's and kubectl's chunks also import.
const TEMPLATES = /\/assets\/english(Templates)?-[^/]*\.js$/;

// Plain JavaScript run before the page's scripts: the instant the first pod box is in the page (as
// bench/firstLoad.ts watches it).
const WATCH_FIRST_POD = `(() => {
  const seen = () => {
    if (!document.querySelector('.react-flow__node[data-id^="pod/"]')) return false;
    window.svclabFirstPodAt = performance.now();
    return true;
  };
  const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
  document.addEventListener("DOMContentLoaded", () => observer.observe(document.body, { childList: true, subtree: true }));
})()`;

/**
 * A cold visit's fetch of the engine's English templates (issue 15: fetched after the first graph is
 * drawn, or when a text first needs them), held back until `release` so that a test sees the page
 * both before and after they arrive.
 */
export class EngineTextsFetch {
  private releaseHeld: () => void = () => {};
  private readonly held = new Promise<void>((resolve) => {
    this.releaseHeld = resolve;
  });
  asked = false;

  private constructor(readonly page: Page) {}

  /** Holds the templates back; call before the page is opened. */
  static async hold(page: Page): Promise<EngineTextsFetch> {
    const fetch = new EngineTextsFetch(page);
    await page.addInitScript(WATCH_FIRST_POD);
    await page.route(TEMPLATES, async (route) => {
      fetch.asked = true;
      await fetch.held;
      await route.continue();
    });
    return fetch;
  }

  release(): void {
    this.releaseHeld();
  }

  /**
   * When the page asked for the templates, in milliseconds after the first pod box was drawn (negative:
   * before it), from the browser's own resource timings; null when it has not asked for them.
   */
  async askedAfterFirstPod(): Promise<number | null> {
    return this.page.evaluate((source) => {
      const pattern = new RegExp(source);
      const starts = performance
        .getEntriesByType("resource")
        .filter((entry) => pattern.test(new URL(entry.name).pathname))
        .map((entry) => entry.startTime);
      const podAt = (window as unknown as { svclabFirstPodAt?: number }).svclabFirstPodAt;
      if (starts.length === 0 || podAt === undefined) return null;
      return Math.min(...starts) - podAt;
    }, TEMPLATES.source);
  }
}
