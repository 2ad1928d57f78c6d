// First load of the app (issue 15): a cold visit (new browser context: no HTTP cache, no service worker)
// to a production build, timed from navigation to the first pod drawn in the graph, with the gzipped size
// of every script and stylesheet the browser fetched before that moment — the page's and its workers',
// whether named in index.html or imported lazily — and the main thread's long tasks meanwhile.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "@playwright/test";
import { median, type Report } from "./stats.ts";

const RUNS = 7;

// Plain JavaScript text run before the page's own scripts (see ui.bench.ts FPS_SCRIPT): notes the
// instant the first pod box is in the page, sums the long tasks before it, and tells the bench.
const WATCH_SCRIPT = `(() => {
  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: "longtask", buffered: true });
  const seen = () => {
    if (!document.querySelector('.react-flow__node[data-id^="pod/"]')) return false;
    const drawn = performance.now();
    const blocked = longTasks.filter((t) => t.startTime < drawn).reduce((sum, t) => sum + t.duration, 0);
    window.svclabBenchDrawn(drawn, blocked);
    return true;
  };
  const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
  document.addEventListener("DOMContentLoaded", () => observer.observe(document.body, { childList: true, subtree: true }));
})()`;

interface Visit {
  drawn: number;
  blocked: number;
  files: string[];
}

async function visit(chrome: Browser, base: string): Promise<Visit> {
  const context = await chrome.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const files = new Set<string>();
    let done = false;
    context.on("requestfinished", (request) => {
      // The service worker's own fetches fill the offline cache in the background: not what the page waits for.
      const path = new URL(request.url()).pathname;
      if (!done && !request.serviceWorker() && /\/assets\/.*\.(js|css)$/.test(path)) {
        files.add(path.slice(path.lastIndexOf("/assets/") + 1));
      }
    });
    const drawn = new Promise<{ drawn: number; blocked: number }>((resolve) => {
      void context.exposeFunction("svclabBenchDrawn", (at: number, blocked: number) => {
        done = true;
        resolve({ drawn: at, blocked });
      });
    });
    await context.addInitScript(WATCH_SCRIPT);
    const page = await context.newPage();
    await page.goto(base);
    return { ...(await drawn), files: [...files] };
  } finally {
    await context.close();
  }
}

/** `ui.load_to_graph`, `ui.js_initial_gzip` and `ui.load_long_tasks`: medians of `RUNS` cold visits. */
export async function measureFirstLoad(chrome: Browser, base: string, dist: string, report: Report) {
  const visits: Visit[] = [];
  for (let i = 0; i < RUNS; i++) visits.push(await visit(chrome, base));
  const fileKiB = (file: string) => gzipSync(readFileSync(join(dist, file))).length / 1024;
  const gzipKiB = (files: readonly string[]) => files.reduce((sum, f) => sum + fileKiB(f), 0);
  // What the figure is made of, largest first: where the next cut should come from.
  const last = visits[visits.length - 1];
  for (const file of [...(last?.files ?? [])].sort((a, b) => fileKiB(b) - fileKiB(a)))
    console.log(`# before the graph: ${file} ${fileKiB(file).toFixed(1)} KiB gzipped`);
  report("ui.load_to_graph.ms", median(visits.map((v) => v.drawn)), "ms");
  report("ui.js_initial_gzip.kb", median(visits.map((v) => gzipKiB(v.files))), "KiB");
  report("ui.load_long_tasks.ms", median(visits.map((v) => v.blocked)), "ms");
}
