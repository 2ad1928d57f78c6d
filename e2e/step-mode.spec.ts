import { expect, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
});

test("stepping a packet forward and back keeps its hop list and the graph in step", async ({ page }) => {
  const graph = new GraphPanel(page);
  await page.getByRole("button", { name: "Pause" }).click();
  await graph.sendRequest("pod/default/db-0", "http://web/");
  // Paused: the packet waits at its first hop, marked in the list, over the graph and on the box.
  await expect(graph.stepCaption()).toContainText(/^Hop 1 of (\d+)/);
  await expect(graph.currentHop()).toContainText("1. ");
  const hops = await graph.inspector
    .getByRole("listitem")
    .filter({ hasText: /^\d+\. / })
    .count();
  expect(hops).toBeGreaterThan(3);

  const stepOne = page.getByRole("button", { name: "Step one hop" });
  const stepBack = page.getByRole("button", { name: "Step back" });
  for (let n = 2; n <= 4; n++) {
    await stepOne.click();
    await expect(graph.stepCaption()).toContainText(`Hop ${n} of ${hops}`);
    await expect(graph.currentHop()).toContainText(`${n}. `);
    // The box marked on the graph is the one the packet is at.
    const at = await graph.packets.last().getAttribute("data-at");
    await expect(graph.steppedBox()).toHaveCount(1);
    expect(at).not.toBe("");
  }
  // The rule that acted is named in both.
  const rule = (await graph.currentHop().locator("p").nth(1).textContent()) ?? "";
  await expect(graph.stepCaption()).toContainText(rule.slice(0, 30));

  await stepBack.click();
  await expect(graph.stepCaption()).toContainText(`Hop 3 of ${hops}`);
  await expect(graph.currentHop()).toContainText("3. ");
  await stepBack.click();
  await stepBack.click();
  await expect(graph.stepCaption()).toContainText(`Hop 1 of ${hops}`);
  await expect(graph.currentHop()).toContainText("1. ");

  // Forward to its end: the packet shows how it ended, and a step back takes it on its way again.
  for (let n = 2; n <= hops; n++) await stepOne.click();
  await expect(graph.stepCaption()).toContainText(`Hop ${hops} of ${hops}`);
  await expect(graph.packets.last()).not.toHaveAttribute("data-outcome");
  // One more step and the last hop has done its work: the packet has arrived.
  await stepOne.click();
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered");
  await stepBack.click();
  await expect(graph.packets.last()).not.toHaveAttribute("data-outcome");
  await graph.screenshot("step-mode");
});
