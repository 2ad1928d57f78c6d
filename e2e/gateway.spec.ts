import { expect, type Page, test } from "@playwright/test";
import { GatewayView } from "./pages/GatewayView.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { IngressView } from "./pages/IngressView.ts";
import { JapaneseRequests } from "./pages/JapaneseRequests.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";

/** The sandbox with the 90/10 canary sample loaded, and the page objects the tests read it with. */
async function openCanary(page: Page) {
  const lab = new LabPage(page);
  const sandbox = new IngressView(page);
  await lab.open();
  await sandbox.openSandbox();
  await sandbox.loadSample("Gateway API: a 90/10 canary");
  return { lab, graph: new GraphPanel(page), sandbox, gw: new GatewayView(page) };
}

test("an HTTPRoute splitting 90/10 sends most of a batch to v1 and some to v2, drawn with its Gateway", async ({
  page,
}) => {
  const { lab, graph, sandbox, gw } = await openCanary(page);

  // The class, the Gateway with its address and listener, the route with its weighted backends.
  await expect(gw.gatewayClass("eg")).toContainText("Accepted");
  await expect(gw.gateway("shop")).toContainText("198.51.100.");
  await expect(gw.gateway("shop")).toContainText("Programmed");
  await expect(gw.gateway("shop")).toContainText("http: HTTP 80");
  await expect(gw.gateway("shop")).toContainText("1 route(s)");
  await expect(gw.httpRoute("web")).toContainText("shop.example.com");
  await expect(gw.httpRoute("web")).toContainText("web-v1:80 90%");
  await expect(gw.httpRoute("web")).toContainText("web-v2:80 10%");
  await lab.screenshot("gateway-sample");

  // Clicking the route shows the status Envoy Gateway wrote for it.
  await gw.httpRoute("web").click();
  await expect(graph.inspector.getByRole("heading", { name: "HTTPRoute web" })).toBeVisible();
  const parent = graph.inspector.getByRole("table", { name: "Parent Gateway default/shop" });
  await expect(parent.getByRole("row", { name: /Accepted True Accepted/ })).toBeVisible();
  await expect(parent.getByRole("row", { name: /ResolvedRefs True ResolvedRefs/ })).toBeVisible();

  // One request: its L7 hop names the rule and the weight that chose the backend.
  await graph.sendRequest("client/external", "http://shop.example.com/");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 30_000 });
  await expect(graph.log.getByRole("listitem").last()).toContainText(/pod\/default\/web-v[12]-/);
  await expect(sandbox.hop("l7-route")).toContainText("spec.rules[1]");
  await expect(graph.inspector).toContainText(
    "weighted backendRefs (web-v1:80 weight 90, web-v2:80 weight 10)",
  );

  // Twenty: the counters show the split.
  await graph.sendMany.click();
  await expect(gw.spread(20)).toContainText("delivered: 20");
  const v1 = await gw.reached(20, "default/web-v1-");
  const v2 = await gw.reached(20, "default/web-v2-");
  expect(v1 + v2).toBe(20);
  expect(v1).toBeGreaterThan(v2);
  await lab.screenshot("gateway-send-20");
});

test("the Gateway API lesson: “Show me” splits the storefront 90/10 and the canary step is ticked", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const gw = new GatewayView(page);
  await lab.open();
  await lessons.openLesson(/Lesson 13: From Ingress to Gateway API/);
  await expect(lessons.heading("From Ingress to Gateway API")).toBeVisible();
  await expect(gw.gateway("shop")).toContainText("1 route(s)");
  await lessons.button("Next step →").click();
  await expect(lessons.currentStep()).toContainText("Send one request in ten to the canary");
  await lessons.button("Show me").click();
  await lessons.expectStepDone(/Send one request in ten to the canary/);
  await expect(gw.httpRoute("shop")).toContainText("web-canary:80 10%");
  await expect(gw.spread(20)).toContainText("delivered: 20");
  await lab.screenshot("gateway-lesson-canary");
});

test("Send 100: the 90/10 HTTPRoute splits a hundred requests about 90 to 10; in Japanese too", async ({
  page,
}) => {
  const { lab, graph, gw } = await openCanary(page);
  await expect(gw.httpRoute("web")).toContainText("web-v2:80 10%");
  await graph.to.fill("http://shop.example.com/");
  await graph.sendBatch(100);
  await expect(gw.spread(100)).toContainText("delivered: 100", { timeout: 90_000 });
  const v1 = await gw.reached(100, "default/web-v1-");
  const v2 = await gw.reached(100, "default/web-v2-");
  // Envoy picks each request's backend by weight: 90 and 10 on average, a few either way in one hundred.
  expect(v1 + v2).toBe(100);
  expect(v1).toBeGreaterThanOrEqual(82);
  expect(v2).toBeGreaterThanOrEqual(3);
  await lab.screenshot("gateway-send-100");

  await page.getByLabel("Language").selectOption("ja");
  const ja = new JapaneseRequests(page);
  await expect(ja.sendMany).toHaveText("100 件送信");
  const spread = page.getByRole("region", { name: "直近 100 件のリクエスト" });
  await expect(spread).toContainText("到達: 100");
  await expect(spread.getByRole("listitem").filter({ hasText: "default/web-v2-" }).first()).toBeVisible();
  await lab.screenshot("gateway-send-100-ja");
});
