// Browser benchmark of the cluster graph: a production build served locally, driven in headless
// Chromium. Opens the page with `?testhook` (src/app/graph/testHook.ts), replaces the manifests with a
// 10-node / 100-pod cluster, and measures frames per second with 300 packets in flight and with 100
// while the view is panned; also the first load (bench/firstLoad.ts: time to the first drawn graph, the
// gzipped JavaScript and CSS fetched before it, the long tasks meanwhile) and the build's total JavaScript.
// Then, for the sample cluster and two generated ones (20 nodes / 300 pods / 60 Services and 50 / 1,000 /
// 200), pastes the manifests into the editor as a learner would and measures the time until every node
// is drawn, the longest main-thread task meanwhile, frames per second while panning and with 20 packets
// in flight, and the JavaScript heap once loaded (issue 15). Longest tasks are given in wall time and in CPU
// time (from a Chrome trace), which a busy machine does not inflate. Large pastes and imports into the
// editor are measured in editor.bench.ts.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../scripts/chromium.mjs";
import { measureFirstLoad } from "./firstLoad.ts";
import { type ClusterSize, generatedCluster, kubectlDump, LARGE, MEDIUM } from "./generated.ts";
import { median, type Report } from "./stats.ts";

const NODES = 10;
const PODS = 100;
const MEASURE_MS = 4000;

/** Ten `kind: Node` workers and a Deployment of 100 pods behind a LoadBalancer Service. */
export function benchManifests(nodes = NODES, pods = PODS): string {
  const docs = Array.from(
    { length: nodes },
    (_, i) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-${String(i + 1).padStart(2, "0")}\n`,
  );
  docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${pods}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports: [{containerPort: 80}]
`);
  docs.push(`apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
`);
  return docs.join("---\n");
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

export function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/")).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const gzipKB = (dist: string, files: readonly string[]) =>
  files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, "assets", f))).length, 0) / 1024;

/** Every script the build emitted. */
const scripts = (dist: string) => readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"));

// Plain JavaScript text, not a compiled function: tsx would wrap inner functions in its `__name` helper,
// which does not exist in the page.
const FPS_SCRIPT = `(duration) => new Promise((resolve) => {
  const stamps = [];
  const start = performance.now();
  const tick = (now) => {
    stamps.push(now);
    if (now - start < duration) { requestAnimationFrame(tick); return; }
    const windows = [];
    for (let t = stamps[0]; t + 500 <= stamps[stamps.length - 1]; t += 500) {
      windows.push(stamps.filter((s) => s >= t && s < t + 500).length * 2);
    }
    windows.sort((a, b) => a - b);
    resolve(windows[Math.floor(windows.length / 2)] ?? 0);
  };
  requestAnimationFrame(tick);
})`;

/** Median frames per second over half-second windows, counted with requestAnimationFrame in the page. */
export function medianFps(page: Page, ms: number): Promise<number> {
  return page.evaluate(`(${FPS_SCRIPT})(${ms})`) as Promise<number>;
}

export async function loadBenchCluster(page: Page): Promise<string> {
  await page.evaluate((text) => {
    const store = window.svclabStore;
    if (!store) throw new Error("open the page with ?testhook");
    store.getState().replaceFiles([{ name: "bench.yaml", text }]);
  }, benchManifests());
  await page.waitForFunction(
    (pods) => document.querySelectorAll('[data-id^="pod/default/web-"]').length >= pods,
    PODS,
    { timeout: 30_000 },
  );
  return page.evaluate(() => {
    const ip = window.svclabStore?.getState().cluster?.services.find((s) => s.name === "web")
      ?.loadBalancerIPs[0];
    if (!ip) throw new Error("the bench cluster has no load balancer address");
    return `http://${ip}/`;
  });
}

/** Sends `count` requests at half speed and waits until that many packets are in flight. */
async function launchPackets(page: Page, to: string, count: number): Promise<number> {
  await page.evaluate(
    async ([target, n]) => {
      const store = window.svclabStore;
      if (!store) return;
      store.getState().clearRequests();
      store.getState().setSpeed(0.5);
      store.getState().setRequestFrom("client/external");
      store.getState().setRequestTo(target as string);
      await store.getState().send(n as number);
    },
    [to, count] as const,
  );
  // A batch leaves over two seconds (at speed 1): wait until every packet has set off.
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="packet"]')].filter(
        (p) => p.style.visibility !== "hidden" && !p.dataset.outcome,
      ).length >= n,
    count,
    { timeout: 30_000 },
  );
  return page.evaluate(() => document.querySelectorAll('[data-testid="packet"]:not([data-outcome])').length);
}

async function panWhile(page: Page, ms: number): Promise<void> {
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) return;
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const start = Date.now();
  for (let i = 0; Date.now() - start < ms; i++) {
    await page.mouse.move(cx + Math.cos(i / 10) * 150, cy + Math.sin(i / 10) * 100);
  }
  await page.mouse.up();
}

/** Every Node, and the pods and Services, as the engine builds them: what "drawn" waits for. */
interface Expected {
  nodes: number;
  pods: number;
}

// Pastes into the editor as the clipboard does (CodeMirror's own paste handler, one transaction), then
// watches every animation frame until the cluster is built and every box of it is in the page: each node
// and Service, and each pod as its own box or counted in the box that stands for it (a closed node's, or
// kube-dns's for folded CoreDNS pods). A box still fading out of the drawing before is not counted: only
// the new cluster's. Resolves with the time that took and the longest task meanwhile (or in the second after).
/**
 * The clipboard's contents, put in the page in a task of their own: handing Chromium a 4 MiB argument
 * was a task of 80 ms of the harness's, not the app's, which the paste's observer counted as the app's.
 */
const CLIPBOARD_SCRIPT = `(text) => {
  window.svclabClipboard = new DataTransfer();
  window.svclabClipboard.setData("text/plain", text);
}`;

const PASTE_SCRIPT = `([pods, nodes]) => new Promise((resolve, reject) => {
  const longest = { ms: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
  });
  observer.observe({ type: "longtask" });
  const content = document.querySelector(".cm-content");
  if (!content) { reject(new Error("the editor is not open")); return; }
  const data = window.svclabClipboard;
  const start = performance.now();
  content.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  const drawn = (cluster) => {
    const boxes = new Map();
    for (const box of document.querySelectorAll('.react-flow__node:not([data-motion="leaving"])')) boxes.set(box.dataset.id, box);
    const closed = (node) => boxes.get("node/" + node)?.querySelector('[aria-expanded="false"]');
    return cluster.nodes.every((n) => boxes.has(n.ref)) &&
      cluster.services.every((s) => boxes.has(s.ref) || boxes.has("namespace/" + s.namespace)) &&
      cluster.pods.every((p) => boxes.has(p.ref) || (p.nodeName && closed(p.nodeName)) ||
        (p.namespace === "kube-system" && boxes.has("svc/kube-system/kube-dns")));
  };
  const check = () => {
    const cluster = window.svclabStore.getState().cluster;
    if (cluster && cluster.pods.length >= pods && cluster.nodes.length === nodes && drawn(cluster)) {
      const drawnAfter = performance.now() - start;
      setTimeout(() => { observer.disconnect(); resolve({ drawn: drawnAfter, longest: longest.ms }); }, 1000);
      return;
    }
    if (performance.now() - start > 60000) { reject(new Error("the pasted cluster was not drawn within 60 s")); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

/** Selects the editor's whole text and puts `text` on the page's clipboard (CLIPBOARD_SCRIPT), ready to paste. */
async function readyToPaste(page: Page, text: string): Promise<void> {
  await page.getByRole("tab", { name: "Manifests" }).click();
  const editor = page.getByRole("textbox", { name: /^YAML of / });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.evaluate(`(${CLIPBOARD_SCRIPT})(${JSON.stringify(text)})`);
}

/** Pastes what readyToPaste put on the clipboard; resolves once the cluster is drawn. */
async function pasteCluster(page: Page, expected: Expected): Promise<{ drawn: number; longest: number }> {
  return (await page.evaluate(`(${PASTE_SCRIPT})(${JSON.stringify([expected.pods, expected.nodes])})`)) as {
    drawn: number;
    longest: number;
  };
}

/** The first LoadBalancer address of the shown cluster, as a URL the external client can send to. */
function loadBalancerURL(page: Page): Promise<string> {
  return page.evaluate(() => {
    const ip = window.svclabStore?.getState().cluster?.services.find((s) => s.loadBalancerIPs.length > 0)
      ?.loadBalancerIPs[0];
    if (!ip) throw new Error("the cluster has no load balancer address");
    return `http://${ip}/`;
  });
}

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The events of the page's main thread while `action` runs, from a Chrome trace: each task's thread
 * time (tdur) does not grow when other processes share the machine's cores, unlike wall time, so
 * figures from it compare across runs on a busy machine.
 */
export async function tracedMainThread<T>(
  chrome: Browser,
  page: Page,
  action: () => Promise<T>,
  moreCategories: readonly string[] = [],
): Promise<[T, TraceEvent[]]> {
  await chrome.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", ...moreCategories],
  });
  const result = await action();
  const trace = JSON.parse((await chrome.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };
  const main = trace.traceEvents.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  return [result, trace.traceEvents.filter((e) => e.pid === main?.pid && e.tid === main?.tid)];
}

/** The CPU time of the longest of the main thread's tasks among `events`, in milliseconds. */
export function longestCpu(events: readonly TraceEvent[]): number {
  const tasks = events.filter((e) => e.ph === "X" && e.name === "RunTask");
  return Math.max(0, ...tasks.map((e) => (e.tdur ?? 0) / 1000));
}

/** The CPU time of the longest task on the page's main thread while `action` runs. */
export async function longestTaskCpu<T>(
  chrome: Browser,
  page: Page,
  action: () => Promise<T>,
): Promise<[T, number]> {
  const [result, events] = await tracedMainThread(chrome, page, action);
  return [result, longestCpu(events)];
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

const SCALE_RUNS = 3;

/** One cluster pasted into a fresh page, measured `SCALE_RUNS` times; medians reported under `ui.NAME.*`. */
async function measureCluster(
  chrome: Browser,
  base: string,
  name: string,
  text: string,
  expected: Expected,
  report: Report,
): Promise<void> {
  const runs: {
    drawn: number;
    longest: number;
    cpu: number;
    pan: number;
    panCpu: number;
    packets: number;
    heap: number;
  }[] = [];
  for (let i = 0; i < SCALE_RUNS; i++) {
    const page = await chrome.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(`${base}?testhook`);
      await page.waitForSelector('.react-flow__node[data-id^="node/"]', { timeout: 30_000 });
      // Start from an empty document, so that pasting the sample changes the cluster too.
      await readyToPaste(page, "# nothing yet\n");
      await pasteCluster(page, { nodes: 3, pods: 0 });
      await readyToPaste(page, text);
      const [{ drawn, longest }, cpu] = await longestTaskCpu(chrome, page, () =>
        pasteCluster(page, expected),
      );
      await page.locator(".react-flow__controls-fitview").click();
      const heap = await heapMB(page);
      const [[pan], panCpu] = await longestTaskCpu(chrome, page, () =>
        Promise.all([medianFps(page, MEASURE_MS), panWhile(page, MEASURE_MS)]),
      );
      await launchPackets(page, await loadBalancerURL(page), 20);
      const packets = await medianFps(page, MEASURE_MS);
      runs.push({ drawn, longest, cpu, pan, panCpu, packets, heap });
    } finally {
      await page.close();
    }
  }
  const of = (key: keyof (typeof runs)[number]) => median(runs.map((r) => r[key]));
  report(`ui.${name}.paste_to_graph`, of("drawn"), "ms");
  report(`ui.${name}.longest_task`, of("longest"), "ms");
  report(`ui.${name}.longest_task_cpu`, of("cpu"), "ms");
  report(`ui.${name}.pan_fps`, of("pan"), "fps");
  report(`ui.${name}.pan_longest_task_cpu`, of("panCpu"), "ms");
  report(`ui.${name}.fps_20_packets`, of("packets"), "fps");
  report(`ui.${name}.heap`, of("heap"), "MB");
}

const label = (size: ClusterSize) => `${size.nodes}n_${size.pods}pods_${size.services}svc`;

/** A production build of the app into `dist`. */
export function buildApp(dist: string): void {
  execFileSync("npx", ["vite", "build", "--outDir", dist, "--emptyOutDir", "--logLevel", "error"], {
    stdio: "inherit",
  });
}

/** The production build the browser benchmarks share: built once per `npm run bench`. */
export function benchBuild(): string {
  const dist = join(tmpdir(), `svclab-ui-bench-${process.pid}`);
  if (!existsSync(join(dist, "index.html"))) buildApp(dist);
  return dist;
}

/** Runs `measure` against the benchmarks' build, served locally, in headless Chromium. */
export async function withServedApp(
  measure: (chrome: Browser, base: string, dist: string) => Promise<void>,
): Promise<void> {
  const browser = findChromium();
  if (!browser) throw new Error("no Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH");
  const dist = benchBuild();
  const server = await serve(dist);
  const chrome = await chromium.launch({ executablePath: browser.path, args: CHROMIUM_ARGS });
  try {
    await measure(chrome, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, dist);
  } finally {
    await chrome.close();
    server.close();
  }
}

export async function run(report: Report): Promise<void> {
  await withServedApp(async (chrome, base, dist) => {
    report("ui.js_gzip.kb", gzipKB(dist, scripts(dist)), "KB");
    await measureFirstLoad(chrome, base, dist, report);

    const page = await chrome.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}?testhook`);
    await page.waitForSelector('.react-flow__node[data-id^="pod/"]', { timeout: 30_000 });

    const target = await loadBenchCluster(page);
    await page.locator(".react-flow__controls-fitview").click();

    const inFlight300 = await launchPackets(page, target, 300);
    console.log(`# ${inFlight300} packets in flight`);
    report("ui.fps.median_300_packets", await medianFps(page, MEASURE_MS), "fps");

    const inFlight100 = await launchPackets(page, target, 100);
    console.log(`# ${inFlight100} packets in flight while panning`);
    const [fps] = await Promise.all([medianFps(page, MEASURE_MS), panWhile(page, MEASURE_MS)]);
    report("ui.fps.median_100_packets_panning", fps, "fps");
    await page.close();

    const sample = readFileSync(join(import.meta.dirname, "../src/samples/sandbox.yaml"), "utf8");
    const sampleCluster = await sampleSize(chrome, base);
    await measureCluster(chrome, base, "sample", sample, sampleCluster, report);
    for (const size of [MEDIUM, LARGE]) {
      await measureCluster(chrome, base, label(size), generatedCluster(size), size, report);
    }
    // The issue-15 paste as a real cluster prints it: every field an API server fills in, about 4 MiB.
    await measureCluster(chrome, base, `kubectl_dump_${label(LARGE)}`, kubectlDump(LARGE), LARGE, report);
  });
}

/** How many nodes and pods the sample cluster has, as the page builds it. */
async function sampleSize(chrome: Browser, base: string): Promise<Expected> {
  const page = await chrome.newPage();
  try {
    await page.goto(`${base}?testhook`);
    await page.waitForSelector('.react-flow__node[data-id^="node/"]', { timeout: 30_000 });
    return await page.evaluate(() => {
      const cluster = window.svclabStore?.getState().cluster;
      if (!cluster) throw new Error("no cluster");
      return { nodes: cluster.nodes.length, pods: cluster.pods.length };
    });
  } finally {
    await page.close();
  }
}
