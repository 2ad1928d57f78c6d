import { expect, type Page, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { TimePanel } from "./pages/TimePanel.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
});

/** The Time view open with one stream from outside through the sample's load balancer. */
async function streamThroughLoadBalancer(page: Page, rate: number) {
  const graph = new GraphPanel(page);
  const time = new TimePanel(page);
  await time.open();
  const lbIP = (await graph.service("web-lb").textContent())?.match(/198\.51\.100\.\d+/)?.[0];
  const url = `http://${lbIP}/`;
  await time.addStream("via-lb", "external", url, rate);
  return { graph, time, url };
}

test("Time view at 60×: the packets on the graph are those of the clock's moment, not of a minute before", async ({
  page,
}) => {
  const { graph, time } = await streamThroughLoadBalancer(page, 10);
  await time.playUntil(40, 60);
  const clock = Number(await time.slider.inputValue());
  const sent = await graph.packetsSentAt();
  expect(sent.length).toBeGreaterThan(0);
  // Each drawn packet left within the last few seconds of the clock (its drawn life is a few clock seconds).
  for (const at of sent) expect(clock - at).toBeLessThan(6);
});

test("Time view: clicking a packet opens it in the inspector, hop by hop, as a Requests view packet", async ({
  page,
}) => {
  const { graph, time, url } = await streamThroughLoadBalancer(page, 2);
  await time.seek(5);
  await expect(graph.packets.first()).toHaveAttribute("data-outcome", /./);
  await graph.packets.first().click();
  await expect(graph.inspector.getByRole("heading", { name: /^Request #\d+$/ })).toBeVisible();
  await expect(graph.inspector).toContainText(url);
  await expect(graph.inspector.getByText("Hops", { exact: true })).toBeVisible();
  await expect(graph.inspector.getByRole("listitem").filter({ hasText: /^1\. / })).toBeVisible();
  await graph.screenshot("time-packet-inspected");
});
