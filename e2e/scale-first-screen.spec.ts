import { expect, type Locator, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

// Issue 15: on a laptop's first screen the sample's every node is in view with all its pods, at a zoom
// where the graph's text is no smaller than the page's small text, and the minimap (drawn while part of
// the drawing is out of view) covers no box.
const NAMES = {
  en: { graph: "Cluster graph", node: "Node", minimap: "Minimap of the cluster" },
  ja: { graph: "クラスターのグラフ", node: "ノード", minimap: "クラスターのミニマップ" },
} as const;

type Box = { x: number; y: number; width: number; height: number };

const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxesOf(items: Locator): Promise<Box[]> {
  const found = await Promise.all((await items.all()).map((item) => item.boundingBox()));
  return found.filter((box): box is Box => box !== null);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  for (const language of ["en", "ja"] as const) {
    test(`at ${size.width}×${size.height} in ${language}, the first screen shows every node with its pods, readable, and the minimap over no box`, async ({
      page,
    }) => {
      const names = NAMES[language];
      await page.setViewportSize(size);
      await new LabPage(page).open();
      if (language === "ja") await page.getByLabel("Language").selectOption("ja");
      const pane = page.getByRole("application", { name: names.graph }).or(page.getByLabel(names.graph));
      const nodes = page.getByRole("region", { name: new RegExp(`^${names.node} node-\\d$`) });
      const pods = page.getByRole("article", { name: /^Pod / });
      await expect(nodes).toHaveCount(3);
      await expect(pods).toHaveCount(5);
      await expect(async () => {
        const frame = await pane.boundingBox();
        expect(frame).not.toBeNull();
        for (const box of await boxesOf(nodes.or(pods))) expect(within(box, frame as Box)).toBe(true);
      }).toPass({ timeout: 10_000 });
      const { graph: inGraph, page: onPage } = await new GraphPanel(page).smallestText();
      expect(inGraph).toBeGreaterThanOrEqual(onPage);
      const minimap = page.getByRole("img", { name: names.minimap });
      if (await minimap.isVisible()) {
        const map = (await minimap.boundingBox()) as Box;
        const boxes = await boxesOf(pane.getByRole("article").or(nodes));
        expect(boxes.filter((box) => overlap(box, map))).toEqual([]);
      }
      await page.screenshot({ path: `test-results/screenshots/first-screen-${size.width}-${language}.png` });
    });
  }
}
