import { expect, type Page, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

// The packet layer's script is held back below; a service worker would fetch it where the test cannot.
test.use({ serviceWorkers: "block" });

/**
 * A slow network: the page opens with its graph drawn, but the layer that draws packets (fetched with the
 * first drawing, issue 15) arrives only when `release` is called, after the learner has pressed Send.
 */
async function openWithPacketLayerHeld(page: Page): Promise<{ graph: GraphPanel; release: () => void }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/PacketLayer-*.js", async (route) => {
    await held;
    await route.continue();
  });
  await new LabPage(page).open();
  const graph = new GraphPanel(page);
  await expect(graph.node("node-1")).toBeVisible();
  return { graph, release };
}

test("a request sent before the packets' layer has arrived is drawn once it has, and only once", async ({
  page,
}) => {
  const { graph, release } = await openWithPacketLayerHeld(page);
  await graph.sendRequest("pod/default/db-0", "http://web/");
  await expect(graph.log.getByRole("listitem")).toHaveCount(1);
  await expect(graph.packets).toHaveCount(0);

  release();
  await expect(graph.packets).toHaveCount(1);
  await expect(graph.lastFinishedPacket()).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  await expect(graph.packets).toHaveCount(1);

  // The next send draws its own packet, and the first is not drawn again.
  await graph.send.click();
  await expect(graph.log.getByRole("listitem")).toHaveCount(2);
  await expect(graph.lastFinishedPacket()).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  expect(
    await graph.packets.evaluateAll((all) => all.map((p) => (p as HTMLElement).dataset.request)),
  ).toEqual(["2"]);
});

test("a request sent and selected before the packets' layer has arrived is the one stepped once it has", async ({
  page,
}) => {
  const { graph, release } = await openWithPacketLayerHeld(page);
  await page.getByRole("button", { name: "Pause" }).click();
  await graph.sendRequest("pod/default/db-0", "http://web/");
  await expect(graph.log.getByRole("listitem")).toHaveCount(1);

  release();
  // Paused: the selected packet waits at its first hop, named over the graph and marked in its hop list.
  await expect(graph.stepCaption()).toContainText(/^Hop 1 of \d+/);
  await expect(graph.currentHop()).toContainText("1. ");
});
