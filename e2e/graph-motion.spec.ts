import { expect, type Page, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

// The marks last 300 ms (src/app/graph/motion.ts MOTION_MS); the page's clock is held so that the test
// sees them as long as it looks, and CSS animations are slowed so that a screenshot catches one midway.
const MOTION_MS = 300;
const REBUILD_DELAY_MS = 300;

const webPods = (page: Page) => page.getByRole("article", { name: /^Pod web-/ });
/** Every drawn web pod box, fading ones included (those are hidden from assistive technology). */
const webPodBoxes = (page: Page) => page.locator('.react-flow__node[data-id^="pod/default/web-"]');

async function podRefs(page: Page): Promise<string[]> {
  const labels = await webPods(page).evaluateAll((pods) =>
    pods.map((p) => p.getAttribute("aria-label") ?? ""),
  );
  return labels.map((label) => `pod/default/${label.replace(/^Pod /, "")}`).sort();
}

const refsOf = async (boxes: ReturnType<typeof webPodBoxes>) =>
  (await boxes.evaluateAll((all) => all.map((b) => b.getAttribute("data-id") ?? ""))).sort();

/** Where the Services and the nodes are on screen. */
async function frame(page: Page) {
  const boxes = page
    .getByRole("article", { name: /^Service / })
    .or(page.getByRole("region", { name: /^Node / }));
  return boxes.evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return `${e.getAttribute("aria-label")} ${Math.round(r.x)},${Math.round(r.y)}`;
    }),
  );
}

/** The node group a pod is drawn in (the one whose box holds the pod's centre) and the IP it shows. */
async function placeOf(graph: GraphPanel, pod: string): Promise<string> {
  const box = await graph.pod(pod).boundingBox();
  const groups = graph.page.getByRole("region", { name: /^Node / });
  const rects = await groups.evaluateAll((elements) =>
    elements.map((e) => ({
      name: e.getAttribute("aria-label") ?? "",
      rect: e.getBoundingClientRect().toJSON(),
    })),
  );
  const x = (box?.x ?? 0) + (box?.width ?? 0) / 2;
  const y = (box?.y ?? 0) + (box?.height ?? 0) / 2;
  const group = rects.find(
    ({ rect }) => x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height,
  );
  const ip = await graph.pod(pod).locator("p").first().textContent();
  return `${group?.name ?? "no node"} ${ip?.split(":")[0] ?? ""}`;
}

async function open(page: Page) {
  await page.clock.install();
  await new LabPage(page).open();
  const editor = new EditorPanel(page);
  await editor.show();
  await editor.expectNoErrors();
  await expect(webPods(page)).toHaveCount(3);
  return { editor, graph: new GraphPanel(page) };
}

/**
 * Edits a line with the page's clock held, then lets exactly the rebuild's debounce pass (300 ms,
 * src/app/store/index.ts): the cluster is rebuilt, and the clock stays where the marks were set.
 */
async function edit(page: Page, editor: EditorPanel, line: string, value: string) {
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  await editor.replaceLineEnd(line, 1, value);
  await page.clock.runFor(REBUILD_DELAY_MS);
}

/**
 * Holds the page's CSS animations and transitions as they start, so a screenshot can show them midway:
 * `at(ms)` puts every one started since at that point of its course.
 */
async function holdAnimations(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const started: string[] = [];
  cdp.on("Animation.animationStarted", ({ animation }) => started.push(animation.id));
  await cdp.send("Animation.enable");
  await cdp.send("Animation.setPlaybackRate", { playbackRate: 0 });
  return {
    async at(ms: number) {
      const animations = started.splice(0);
      await cdp.send("Animation.seekAnimations", { animations, currentTime: ms });
      return animations.length;
    },
  };
}

test("scaling in the editor: new pods grow in, removed ones fade where they were, the rest stay put", async ({
  page,
}) => {
  const { editor, graph } = await open(page);
  const three = await podRefs(page);
  const before = await frame(page);
  const db0 = await placeOf(graph, "db-0");
  expect(db0).toMatch(/^Node node-\d \d+\.\d+\.\d+\.\d+$/);
  const animations = await holdAnimations(page);

  await edit(page, editor, "replicas: 3", "5");
  await expect(webPods(page)).toHaveCount(5);
  // A real cluster never moves a running pod: the StatefulSet's db-0 stays on its node with its IP.
  expect(await placeOf(graph, "db-0")).toBe(db0);
  const five = await podRefs(page);
  const added = five.filter((ref) => !three.includes(ref));
  expect(added).toHaveLength(2);
  await expect(graph.motion("entering")).toHaveCount(2);
  expect(await refsOf(graph.motion("entering"))).toEqual(added);
  expect(await animations.at(120)).toBeGreaterThan(0);
  await graph.screenshot("graph-motion-entering");
  // Then it settles; no Service or node has moved.
  await page.clock.runFor(MOTION_MS);
  await expect(graph.motion("entering")).toHaveCount(0);
  expect(await frame(page)).toEqual(before);
  await graph.screenshot("graph-motion-settled");

  await edit(page, editor, "replicas: 5", "1");
  await expect(webPods(page)).toHaveCount(1);
  const [kept] = await podRefs(page);
  const removed = five.filter((ref) => ref !== kept);
  // The removed pods are still drawn, fading, where they were: a picture only, not in the page's roles.
  await expect(graph.motion("leaving")).toHaveCount(4);
  expect(await refsOf(graph.motion("leaving"))).toEqual(removed);
  await expect(graph.motion("entering")).toHaveCount(0);
  expect(await animations.at(120)).toBeGreaterThan(0);
  await graph.screenshot("graph-motion-leaving");
  await page.clock.runFor(MOTION_MS);
  await expect(graph.motion("leaving")).toHaveCount(0);
  await expect(webPodBoxes(page)).toHaveCount(1);
});

test("with reduced motion asked for, a scale redraws the pods at once, unmarked", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const { editor, graph } = await open(page);
  await edit(page, editor, "replicas: 3", "5");
  await expect(webPods(page)).toHaveCount(5);
  await expect(graph.motion("entering")).toHaveCount(0);
  await edit(page, editor, "replicas: 5", "2");
  await expect(webPodBoxes(page)).toHaveCount(2);
  await expect(graph.motion("leaving")).toHaveCount(0);
});
