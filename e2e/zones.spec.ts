import { expect, test } from "@playwright/test";
import { GatewayView } from "./pages/GatewayView.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { IngressView } from "./pages/IngressView.ts";
import { JapaneseRequests } from "./pages/JapaneseRequests.ts";
import { LabPage } from "./pages/LabPage.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
  const sandbox = new IngressView(page);
  await sandbox.openSandbox();
  await sandbox.loadSample("Zones: staying in the client's zone");
});

test("nodes show their zone; PreferSameZone keeps 100 requests from the client in us-east-1a, and a Service without it crosses zones, said in the hop", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const graph = new GraphPanel(page);
  const sandbox = new IngressView(page);
  const batch = new GatewayView(page);
  await expect(graph.node("node-1")).toContainText("zone us-east-1a");
  await expect(graph.node("node-3")).toContainText("zone us-east-1b");

  // One request: kube-proxy on node-1 follows the zone hints.
  await graph.sendRequest("pod/default/client", "http://api/");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 30_000 });
  await graph.log.getByRole("listitem").last().click();
  await expect(sandbox.inspector).toContainText(
    "kube-proxy on node-1 (zone us-east-1a) follows the EndpointSlice hints (trafficDistribution PreferSameZone): 2 of 3 ready endpoint(s) are hinted for us-east-1a",
  );

  // A hundred: every one answered by the two pods in us-east-1a (on node-1 and node-2), none by node-3's.
  await graph.sendBatch(100);
  await expect(batch.spread(100)).toContainText("delivered: 100", { timeout: 90_000 });
  const local = await batch
    .spread(100)
    .getByRole("listitem")
    .filter({ hasText: "default/api-" })
    .allTextContents();
  expect(local).toHaveLength(2);
  expect(await batch.reached(100, "default/api-")).toBe(100);
  await lab.screenshot("zones-prefer-same-zone");

  // Without trafficDistribution the third pod, in us-east-1b, answers about a third, and its hop says it crossed zones.
  await graph.to.fill("http://api-any/");
  await graph.sendMany.click();
  await expect(batch.spread(100)).toContainText("api-any", { timeout: 90_000 });
  const names = (texts: string[]) => texts.map((t) => t.replace(/:\s*\d+$/, "").trim());
  const every = names(
    await batch.spread(100).getByRole("listitem").filter({ hasText: "default/api-" }).allTextContents(),
  );
  const remote = every.find((pod) => !names(local).includes(pod)) ?? "";
  expect(every).toHaveLength(3);
  const crossed = await batch.reached(100, remote);
  expect(crossed).toBeGreaterThan(15);
  expect(crossed).toBeLessThan(50);
  await graph.log.getByRole("listitem").filter({ hasText: remote }).last().click();
  await expect(sandbox.inspector).toContainText("crossing from zone us-east-1a to zone us-east-1b");
});

test("in Japanese: the zone label and the hint kube-proxy follows", async ({ page }) => {
  const graph = new JapaneseRequests(page);
  await page.getByLabel("Language").selectOption("ja");
  await expect(page.getByRole("region", { name: /node-1$/ })).toContainText("ゾーン us-east-1a");
  await graph.sendRequest("pod/default/client", "http://api/");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 30_000 });
  await graph.log.getByRole("listitem").last().click();
  await expect(graph.inspector).toContainText(
    "node-1（ゾーン us-east-1a）の kube-proxy は EndpointSlice のヒントに従います",
  );
});
