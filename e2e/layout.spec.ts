import { expect, type Locator, type Page, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";
import { TimePanel } from "./pages/TimePanel.ts";

/** The screens a learner uses (issue 14's list), each reached as a person would from a fresh page. */
const views: Record<string, (page: Page) => Promise<void>> = {
  lessons: async (page) => {
    const lessons = new LessonPanel(page);
    await lessons.openLesson(/Lesson 11: Ingress/);
    // Lesson 11's intro is long: the step to do is below it, and a bar pinned in sight stands for it.
    const bar = page.getByRole("button", { name: /^Step 1 of 4 Route \/cart/ });
    await expect(bar).toBeInViewport();
    await bar.click();
    await expect(lessons.currentStep()).toBeInViewport();
    await expect(bar).toBeHidden();
  },
  sandbox: async (page) => {
    await page.getByRole("button", { name: "Load: Every Service type" }).click();
  },
  manifests: async (page) => {
    await new EditorPanel(page).show();
  },
  requests: async (page) => {
    const graph = new GraphPanel(page);
    await graph.from.selectOption("pod/default/db-0");
    await graph.to.fill("http://web/");
    await graph.sendMany.click();
    await expect(graph.log.getByRole("button")).toHaveCount(20, { timeout: 20_000 });
    await graph.log.getByRole("button").last().click();
    await expect(graph.inspector.getByRole("heading", { name: /Request #\d+/ })).toBeVisible();
  },
  time: async (page) => {
    const graph = new GraphPanel(page);
    const time = new TimePanel(page);
    await time.open();
    await time.addStream("a-stream-with-a-long-name-to-see-it-wrap", "pod/default/db-0", "http://web/", 5);
    await time.seek(10);
    await graph.selectNode("node-2");
    await page.getByRole("button", { name: "Fail node-2 at 0:10" }).click();
    await time.playUntil(120);
  },
};

const sizes = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
];

/** Whether two boxes share any area. */
function overlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The pods drawn on screen whose boxes the legend's button covers. */
async function podsUnder(page: Page, legend: Locator): Promise<string[]> {
  const box = await legend.boundingBox();
  if (!box) return [];
  const pods = await page.getByRole("article", { name: /^Pod / }).all();
  const covered: string[] = [];
  for (const pod of pods) {
    const podBox = await pod.boundingBox();
    if (podBox && overlap(box, podBox)) covered.push((await pod.getAttribute("aria-label")) ?? "?");
  }
  return covered;
}

for (const size of sizes) {
  for (const [view, reach] of Object.entries(views)) {
    test(`${view} at ${size.width}×${size.height}: nothing wider than the window, the legend over no pod`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      await new LabPage(page).open();
      await reach(page);
      await page.screenshot({ path: `test-results/screenshots/layout-${view}-${size.width}.png` });
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.window);
      // Issue 14: the Legend button covered node-1's pods; it now sits beside the zoom buttons.
      await expect(page.getByRole("article", { name: /^Pod / }).first()).toBeAttached();
      const legend = page.getByText("Legend", { exact: true });
      await expect(legend).toBeVisible();
      expect(await podsUnder(page, legend)).toEqual([]);
    });
  }
}

test("at 1280×720, the Time view with a failure gives the graph room, and its lower panel resizes and folds", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const lab = new LabPage(page);
  await lab.open();
  await views.time?.(page);
  // Issue 14: the graph was about 150 px tall between the clock and the timeline.
  const height = async () => (await lab.graph.boundingBox())?.height ?? 0;
  expect(await height()).toBeGreaterThanOrEqual(250);
  const separator = page.getByRole("separator", { name: "Resize the timeline, scenario and events" });
  const size = Number(await separator.getAttribute("aria-valuenow"));
  await separator.focus();
  await page.keyboard.press("ArrowDown");
  await expect(separator).toHaveAttribute("aria-valuenow", String(size - 16));
  await page.keyboard.press("ArrowUp");
  await expect(separator).toHaveAttribute("aria-valuenow", String(size));
  const before = await height();
  const fold = page.getByRole("button", { name: "Scenario, settings and events" });
  await expect(fold).toHaveAttribute("aria-expanded", "true");
  await fold.click();
  await expect(fold).toHaveAttribute("aria-expanded", "false");
  await expect(new TimePanel(page).events).toBeHidden();
  await expect.poll(height).toBeGreaterThan(before + 100);
  // The timeline stays, and a tab opens the panel again.
  await expect(new TimePanel(page).slider).toBeVisible();
  await page.getByRole("tab", { name: "Scenario" }).click();
  await expect(new TimePanel(page).events).toBeVisible();
  await lab.screenshot("layout-time-1280-resized");
});

test("at 1280×720, an empty inspector and an empty request log give their room to the graph", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await new LabPage(page).open();
  const graph = new GraphPanel(page);
  const inspectorWidth = async () => (await page.locator("#inspector-panel").boundingBox())?.width ?? 0;
  const logHeight = async () => (await graph.log.boundingBox())?.height ?? 0;
  expect(await inspectorWidth()).toBeLessThanOrEqual(160);
  expect(await logHeight()).toBeLessThanOrEqual(40);
  await graph.sendRequest("pod/default/db-0", "http://web/");
  await expect(graph.inspector.getByRole("heading", { name: /Request #\d+/ })).toBeVisible();
  expect(await inspectorWidth()).toBeGreaterThanOrEqual(240);
});

// Issue 14: "in lessons 6 and 9–12 the step to do is below the fold" on a laptop.
for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${size.width}×${size.height}, each lesson's current step, or the bar standing for it, is in sight`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await new LabPage(page).open();
    const lessons = new LessonPanel(page);
    for (const n of [1, 6, 9, 10, 11, 12]) {
      await lessons.openLesson(new RegExp(`^Lesson ${n}: `));
      await expect(page.getByText(`Lesson ${n} of 14`)).toBeVisible();
      // The bar is drawn only while the step itself is out of sight.
      const bar = page.getByRole("button", { name: /^Step 1 of \d+ / });
      await expect(async () => {
        const shown = (await bar.isVisible()) ? bar : lessons.currentStep();
        await expect(shown).toBeInViewport({ timeout: 500 });
      }).toPass({ timeout: 5000 });
      await page.getByRole("button", { name: "← All lessons" }).click();
    }
  });
}

test("the Manifests tab gives the editor a wider column than the lessons, and each keeps its width", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await new LabPage(page).open();
  const separator = page.getByRole("separator", { name: "Resize the lessons and manifests panel" });
  const lessonsWidth = Number(await separator.getAttribute("aria-valuenow"));
  await new EditorPanel(page).show();
  const editorWidth = Number(await separator.getAttribute("aria-valuenow"));
  expect(editorWidth).toBeGreaterThanOrEqual(lessonsWidth + 100);
  await separator.focus();
  await page.keyboard.press("ArrowRight");
  await expect(separator).toHaveAttribute("aria-valuenow", String(editorWidth + 16));
  await page.getByRole("tab", { name: "Lessons" }).click();
  await expect(separator).toHaveAttribute("aria-valuenow", String(lessonsWidth));
});
