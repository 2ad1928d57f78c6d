import { expect, type Page, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";
import { TimePanel } from "./pages/TimePanel.ts";

/** The screens a learner uses, each reached as a person would from a fresh page. */
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
    await graph.sendRequest("pod/default/db-0", "http://web/");
    await expect(graph.lastFinishedPacket()).toHaveAttribute("data-outcome", "delivered", {
      timeout: 20_000,
    });
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

for (const size of sizes) {
  for (const [view, reach] of Object.entries(views)) {
    test(`${view} at ${size.width}×${size.height}: nothing wider than the window`, async ({ page }) => {
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
    });
  }
}
