import { expect, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { TimePanel } from "./pages/TimePanel.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
});

test("Time view at 60×: the packets on the graph are those of the clock's moment, not of a minute before", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  const time = new TimePanel(page);
  await time.open();
  const lbIP = (await graph.service("web-lb").textContent())?.match(/198\.51\.100\.\d+/)?.[0];
  await time.addStream("via-lb", "external", `http://${lbIP}/`, 10);
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
  const graph = new GraphPanel(page);
  const time = new TimePanel(page);
  await time.open();
  const lbIP = (await graph.service("web-lb").textContent())?.match(/198\.51\.100\.\d+/)?.[0];
  await time.addStream("via-lb", "external", `http://${lbIP}/`, 2);
  await time.seek(5);
  await expect(graph.packets.first()).toHaveAttribute("data-outcome", /./);
  await graph.packets.first().click();
  await expect(graph.inspector.getByRole("heading", { name: /^Request #\d+$/ })).toBeVisible();
  await expect(graph.inspector).toContainText(`http://${lbIP}/`);
  await expect(graph.inspector.getByText("Hops", { exact: true })).toBeVisible();
  await expect(graph.inspector.getByRole("listitem").filter({ hasText: /^1\. / })).toBeVisible();
  await graph.screenshot("time-packet-inspected");
});
