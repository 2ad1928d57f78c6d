import { expect, test } from "@playwright/test";
import { GatewayView } from "./pages/GatewayView.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { IngressView } from "./pages/IngressView.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";

test("an HTTPRoute splitting 90/10 sends most of a batch to v1 and some to v2, drawn with its Gateway", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const graph = new GraphPanel(page);
  const sandbox = new IngressView(page);
  const gw = new GatewayView(page);
  await lab.open();
  await sandbox.openSandbox();
  await sandbox.loadSample("Gateway API: a 90/10 canary");

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
