import { expect, type Locator, type Page, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 80, key = "Tab"): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return presses;
  }
  throw new Error(`${limit} presses of ${key} did not reach ${target}`);
}

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
  await expect(new GraphPanel(page).service("web")).toBeVisible();
});

test("by keyboard alone: send a request, fail the node it went to, see it time out, recover the node, see it delivered", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  const ip = (await graph.node("node-2").textContent())?.match(/192\.168\.\d+\.\d+/)?.[0];
  expect(ip).toBeTruthy();

  // The first Tab reaches the skip button; following it puts the request bar next in the tab order.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("button", { name: "Skip to the cluster" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(graph.from).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(graph.to).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(`http://${ip}:30080/`);
  await page.keyboard.press("Enter");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  await expect(graph.log.getByRole("listitem").last()).toContainText("delivered");

  // On to node-2 in the graph: Enter selects it, F fails it.
  const node2 = page.getByRole("group", { name: "Node node-2" });
  await tabTo(page, node2);
  await graph.screenshot("keyboard-node-focused");
  await page.keyboard.press("Enter");
  await expect(graph.inspector.getByRole("heading", { name: "Node node-2" })).toBeVisible();
  await page.keyboard.press("f");
  await expect(graph.node("node-2")).toContainText("Down");
  await expect(node2).toBeFocused();

  // S sends the request in the bar again: the NodePort on the failed node times out.
  await page.keyboard.press("s");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "timeout", { timeout: 20_000 });
  await expect(graph.log.getByRole("listitem").last()).toContainText("timeout");
  await graph.screenshot("keyboard-node-failed");

  // R recovers it, and the same request is delivered again.
  await page.keyboard.press("r");
  await expect(graph.node("node-2")).toContainText("Ready");
  await page.keyboard.press("s");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  await expect(graph.log.getByRole("listitem").last()).toContainText("delivered");
  await graph.screenshot("keyboard-node-recovered");
});

test("the side panel's tabs follow the arrow keys, and Tab moves into the chosen panel", async ({ page }) => {
  const lessons = page.getByRole("tab", { name: "Lessons" });
  const manifests = page.getByRole("tab", { name: "Manifests" });
  await tabTo(page, lessons, 10);
  await expect(lessons).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await expect(manifests).toBeFocused();
  await expect(manifests).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("region", { name: "Manifests" })).toBeVisible();
  // Tab leaves the tab list for the panel: the editor's toolbar comes first.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /^Add/ })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("ArrowLeft");
  await expect(lessons).toBeFocused();
  await expect(lessons).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowLeft");
  await expect(manifests).toBeFocused();
});
