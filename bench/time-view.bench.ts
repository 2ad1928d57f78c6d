// Browser benchmark of the Time view (issue 13): a production build in headless Chromium, the
// 10-node / 100-pod bench cluster, three streams of 10 requests/s (through the load balancer, to a
// NodePort on a node, and from a pod to the ClusterIP), one node failing at 10 s, played at 60×.
// Reports the median frames per second while it plays and the longest main-thread task meanwhile, and,
// from a Chrome trace, the main thread's CPU time per frame: fps falls when other processes share the
// machine's cores, CPU time does not, so it compares across runs on a busy machine.

import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../scripts/chromium.mjs";
import type { Report } from "./stats.ts";
import { buildApp, loadBenchCluster, medianFps, serve, tracedMainThread } from "./ui.bench.ts";

const MEASURE_MS = 4000;
const FAILING = "node/worker-03";

// Plain JavaScript text (see ui.bench.ts FPS_SCRIPT): the longest task while `duration` ms pass.
const LONGEST_TASK_SCRIPT = `(duration) => new Promise((resolve) => {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: "longtask" });
  setTimeout(() => { observer.disconnect(); resolve(longest); }, duration);
})`;

/** The page's main-thread CPU time per frame drawn while `duration` ms pass. */
async function cpuPerFrame(chrome: Browser, page: Page, duration: number): Promise<number> {
  const [, onMain] = await tracedMainThread(chrome, page, () => page.waitForTimeout(duration));
  const cpu = onMain
    .filter((e) => e.ph === "X" && e.name === "RunTask")
    .reduce((sum, e) => sum + (e.tdur ?? 0), 0);
  // The main thread commits each frame it drew to the compositor once.
  const frames = onMain.filter((e) => e.name === "Commit").length;
  return frames === 0 ? Number.NaN : cpu / 1000 / frames;
}

export async function run(report: Report): Promise<void> {
  const browser = findChromium();
  if (!browser) throw new Error("no Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH");
  const dist = join(tmpdir(), `svclab-time-bench-${process.pid}`);
  buildApp(dist);
  const server = await serve(dist);
  const chrome = await chromium.launch({ executablePath: browser.path, args: CHROMIUM_ARGS });
  try {
    const page = await chrome.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/?testhook`);
    await page.waitForSelector('.react-flow__node[data-id^="pod/"]', { timeout: 30_000 });
    const lb = await loadBenchCluster(page);
    await page.evaluate(
      ([lbURL, failing]) => {
        const store = window.svclabStore;
        if (!store) throw new Error("open the page with ?testhook");
        const s = store.getState();
        const cluster = s.cluster;
        const web = cluster?.services.find((x) => x.name === "web");
        const node = cluster?.nodes.find((n) => n.ref === failing);
        const pod = cluster?.pods.find((p) => p.name.startsWith("web-") && p.nodeName !== node?.name);
        if (!web || !node || !pod) throw new Error("the bench cluster lacks its Service, node or pods");
        s.openScenario({
          ...s.scenario,
          duration: 600,
          traffic: [
            { name: "via-lb", from: "external", to: lbURL as string, rate: 10 },
            {
              name: "nodeport",
              from: "external",
              to: `http://${node.internalIP}:${web.ports[0]?.nodePort}/`,
              rate: 10,
            },
            { name: "clusterip", from: pod.ref, to: "http://web/", rate: 10 },
          ],
          events: [{ at: 10, action: "fail-node", target: failing as string }],
        });
        s.setTimeMode(true);
      },
      [lb, FAILING] as const,
    );
    await page.waitForFunction(() => window.svclabStore?.getState().simulation !== null, null, {
      timeout: 120_000,
    });
    await page.evaluate(() => {
      const s = window.svclabStore?.getState();
      s?.setClockSpeed(60);
      s?.playClock();
    });
    // Packets on the graph once the clock has run past the failure.
    await page.waitForFunction(() => (window.svclabStore?.getState().clock ?? 0) > 12, null, {
      timeout: 60_000,
    });
    const [fps, longest] = await Promise.all([
      medianFps(page, MEASURE_MS),
      page.evaluate(`(${LONGEST_TASK_SCRIPT})(${MEASURE_MS})`) as Promise<number>,
    ]);
    const drawn = await page.evaluate(() => document.querySelectorAll('[data-testid="packet"]').length);
    const clock = await page.evaluate(() => window.svclabStore?.getState().clock ?? 0);
    console.log(`# Time view at 60×: ${drawn} packets drawn, clock at ${clock.toFixed(0)} s`);
    report("ui.time_view_60x.fps_median", fps, "fps");
    report("ui.time_view_60x.longest_task", longest, "ms");
    report("ui.time_view_60x.main_cpu_per_frame", await cpuPerFrame(chrome, page, MEASURE_MS), "ms");
    await page.close();
  } finally {
    await chrome.close();
    server.close();
  }
}
