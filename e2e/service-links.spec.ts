import { expect, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
});

test("each Service's links to its endpoints are drawn in a colour of its own", async ({ page }) => {
  const graph = new GraphPanel(page);
  await expect(graph.service("web")).toBeVisible();
  const web = await graph.linkColours("default/web");
  const lb = await graph.linkColours("default/web-lb");
  // One colour for all of a Service's links, and another Service's links to the same pods in another.
  expect(web).toHaveLength(1);
  expect(lb).toHaveLength(1);
  expect(web[0]).not.toBe(lb[0]);
});

test("hovering or focusing a Service lights exactly the endpoints its EndpointSlices list", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  await graph.service("web").hover();
  await expect(graph.litBoxes()).toHaveCount(3);
  for (const box of await graph.litBoxes().all()) await expect(box).toHaveAccessibleName(/^Pod web-/);
  // db selects the db pods: none of web's is lit any more.
  await graph.service("db").hover();
  await expect(graph.litBoxes()).toHaveCount(2);
  await expect(graph.pod("db-0")).toHaveAttribute("data-lit", "true");
  // The keyboard lights them the same way.
  await page.mouse.move(0, 0);
  await expect(graph.litBoxes()).toHaveCount(0);
  await graph.focusService("web");
  await expect(graph.litBoxes()).toHaveCount(3);
});

// kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors
test("a selector-less Service links to the address its EndpointSlice names, and lights it", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  await graph.service("legacy-db").hover();
  await expect(graph.litBoxes()).toHaveCount(1);
  await expect(graph.external("db.example.com").and(graph.litBoxes())).toHaveCount(1);
  expect(await graph.linkColours("default/legacy-db")).toHaveLength(1);
});

// kubernetes.io/docs/concepts/services-networking/service/#externalname: a CNAME record, no endpoints.
test("an ExternalName Service links to its CNAME target", async ({ page }) => {
  const graph = new GraphPanel(page);
  await expect(graph.service("docs")).toContainText("www.example.com");
  await expect(graph.external("www.example.com")).toBeVisible();
  await expect(graph.edgeLabels().filter({ hasText: "CNAME" })).toHaveCount(1);
});

test("the load balancer shows its pool of nodes, and a failed node out of it", async ({ page }) => {
  const graph = new GraphPanel(page);
  const pool = graph.loadBalancer("default/web-lb").getByRole("list", { name: "Health checks" });
  await expect(pool.getByRole("listitem")).toHaveText(["node-1", "node-2", "node-3"]);
  await expect(pool.getByRole("listitem", { name: "node-2: in the pool" })).toBeVisible();
  await graph.selectNode("node-2");
  await graph.inspector.getByRole("button", { name: "Fail node" }).click();
  await expect(pool.getByRole("listitem", { name: "node-2: out of the pool" })).toBeVisible();
  await graph.screenshot("service-links-pool");
});
