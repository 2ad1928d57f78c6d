import { expect, test } from "@playwright/test";
import { ConsolePanel } from "./pages/ConsolePanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";
import { JAPANESE_TIME_NAMES, TimePanel } from "./pages/TimePanel.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
});

test("lesson 14: the same node failure under a cloud load balancer and under MetalLB layer 2, with Show me", async ({
  page,
}) => {
  const lessons = new LessonPanel(page);
  const time = new TimePanel(page);
  await lessons.openLesson(/Lesson 14: Where a LoadBalancer comes from/);
  await lessons.button("Show me").click();
  await expect(time.clock).toBeVisible();
  await expect(page.getByRole("list", { name: "Events" })).toContainText("at 10s: fail-node node/node-3");
  await lessons.expectStepDone(/A cloud load balancer loses a share/);
  await time.playUntil(40);
  const cloud = (await time.seconds()).filter((r) => r.stream === "lb" && r.t >= 10);
  // A share is lost until the third failed check at 33 s; the other nodes answer all along.
  expect(cloud.filter((r) => r.delivered < r.sent).at(-1)?.t).toBe(32);
  expect(cloud.every((r) => r.delivered > 0)).toBe(true);

  await lessons.button("Next step →").click();
  await lessons.button("Show me").click();
  await page.getByRole("tab", { name: "Settings" }).click();
  await expect(page.getByLabel("Load balancer provider")).toHaveValue("metallb-l2");
  await expect(page.getByText("one elected node answers ARP for the address")).toBeVisible();
  await lessons.expectStepDone(/MetalLB layer 2: everything, but only for seconds/);
  await time.playUntil(20);
  const layer2 = (await time.seconds()).filter((r) => r.stream === "lb" && r.t >= 10 && r.t < 20);
  // Every request enters through node-3 until memberlist declares it dead, 5 s after it failed.
  expect(layer2.filter((r) => r.delivered === 0).map((r) => r.t)).toEqual([10, 11, 12, 13, 14]);
  expect(layer2.filter((r) => r.t >= 15).every((r) => r.delivered === r.sent)).toBe(true);
  await time.seek(16);
  await expect(time.events).toContainText('announcing from node "node-2" with protocol "layer2"');
  await time.screenshot("lb-providers-layer2-16s");
});

test("with no load-balancer provider the Service stays <pending>, in the console and on the graph; in Japanese too", async ({
  page,
}) => {
  const time = new TimePanel(page);
  const consolePanel = new ConsolePanel(page);
  await time.open();
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Load balancer provider").selectOption("none");
  await expect(page.getByText("nobody: EXTERNAL-IP stays <pending> for ever.")).toBeVisible();
  const lb = page.getByRole("article", { name: "Load balancer default/web-lb" });
  await expect(lb).toContainText("address pending");
  await consolePanel.open();
  await consolePanel.run("kubectl get svc web-lb");
  await expect(consolePanel.line(/^web-lb\s+LoadBalancer\s+\S+\s+<pending>\s+/)).toBeVisible();
  await time.screenshot("lb-providers-none");
  // The choice is a cluster setting kept across a reload.
  await page.reload();
  await page.getByLabel("Language").selectOption("ja");
  await page.getByRole("group", { name: "表示" }).getByRole("button", { name: "時間" }).click();
  await page.getByRole("tab", { name: "設定" }).click();
  await expect(page.getByLabel("ロードバランサーの提供元")).toHaveValue("none");
  await expect(page.getByText("誰も応えません。EXTERNAL-IP はずっと <pending> のままです。")).toBeVisible();
  await time.screenshot("lb-providers-none-ja");
});

test("in Japanese: the same node failure under a cloud load balancer and MetalLB layer 2, the layer-2 window in the Time view", async ({
  page,
}) => {
  await page.getByLabel("Language").selectOption("ja");
  const lessons = new LessonPanel(page);
  const time = new TimePanel(page, JAPANESE_TIME_NAMES);
  await lessons.openLesson(/レッスン 14：/);
  await lessons.button("お手本を見る").click();
  await expect(time.clock).toBeVisible();
  await lessons.expectStepDone(/クラウドのロードバランサーは、しばらく一部を失う/, "完了");
  await time.playUntil(40);
  const cloud = (await time.seconds()).filter((r) => r.stream === "lb" && r.t >= 10);
  expect(cloud.filter((r) => r.delivered < r.sent).at(-1)?.t).toBe(32);
  expect(cloud.every((r) => r.delivered > 0)).toBe(true);

  await lessons.button(/^次のステップ/).click();
  await lessons.button("お手本を見る").click();
  await lessons.expectStepDone(/MetalLB レイヤー2: 全部を失うが、数秒だけ/, "完了");
  await time.playUntil(20);
  const layer2 = (await time.seconds()).filter((r) => r.stream === "lb" && r.t >= 10 && r.t < 20);
  // The layer-2 window: nothing answers from 10 s to 14 s, until memberlist declares node-3 dead.
  expect(layer2.filter((r) => r.delivered === 0).map((r) => r.t)).toEqual([10, 11, 12, 13, 14]);
  await time.seek(16);
  await expect(time.events).toContainText("node-2");
  await time.screenshot("lb-providers-layer2-16s-ja");
});

test("the Settings tab offers the health-check settings only to a cloud's load balancer: kind's Envoy has fixed checks, MetalLB none; in Japanese too", async ({
  page,
}) => {
  const time = new TimePanel(page);
  await time.open();
  await page.getByRole("tab", { name: "Settings" }).click();
  const provider = page.getByLabel("Load balancer provider");
  const interval = page.getByLabel("LB health check interval (s)");
  await expect(provider).toHaveValue("gcp");
  await expect(interval).toHaveValue("8");
  await expect(page.getByRole("button", { name: "Use AWS NLB health-check defaults" })).toBeVisible();

  await provider.selectOption("kind");
  await expect(interval).toHaveCount(0);
  await expect(
    page.getByText("cloud-provider-kind's Envoy checks each node every 3 s (timeout 5 s)"),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Use AWS NLB health-check defaults" })).toHaveCount(0);
  await expect(page.getByLabel("Node monitor grace period (s)")).toHaveValue("50");

  await provider.selectOption("metallb-l2");
  await expect(interval).toHaveCount(0);
  await expect(page.getByText("This provider does not health-check the nodes")).toBeVisible();
  await time.screenshot("settings-metallb-no-health-check");

  await page.getByLabel("Language").selectOption("ja");
  await page.getByLabel("ロードバランサーの提供元").selectOption("kind");
  await expect(
    page.getByText("cloud-provider-kind の Envoy は各ノードを 3 秒ごとにチェックします"),
  ).toBeVisible();
  await time.screenshot("settings-kind-fixed-health-check-ja");
});

test("each provider's load balancer is drawn with the nodes it sends to: a cloud's checked pool, MetalLB's announcing node, none for Docker Desktop; in Japanese too", async ({
  page,
}) => {
  const time = new TimePanel(page);
  const graph = new GraphPanel(page);
  const lb = graph.loadBalancer("default/web-lb");
  await expect(lb.getByRole("list", { name: "Health checks" }).getByRole("listitem")).toHaveText([
    "node-1",
    "node-2",
    "node-3",
  ]);
  await expect(lb.getByLabel("node-2: in the pool")).toBeVisible();

  await time.open();
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Load balancer provider").selectOption("metallb-l2");
  // Layer 2: one elected node answers ARP for the address; no node is health-checked.
  const announced = lb.getByRole("list", { name: "Announced from" });
  await expect(announced.getByRole("listitem")).toHaveCount(1);
  await expect(announced.getByRole("listitem")).toHaveAttribute(
    "aria-label",
    /^node-\d: announces the address$/,
  );
  await expect(lb.getByRole("list", { name: "Health checks" })).toHaveCount(0);
  await time.screenshot("lb-metallb-l2-announcing");

  await page.getByLabel("Load balancer provider").selectOption("metallb-bgp");
  await expect(announced.getByRole("listitem")).toHaveCount(3);

  await page.getByLabel("Load balancer provider").selectOption("docker-desktop");
  await expect(lb).toContainText("localhost");
  await expect(lb.getByRole("list")).toHaveCount(0);

  await page.getByLabel("Load balancer provider").selectOption("metallb-l2");
  await page.getByLabel("Language").selectOption("ja");
  const lbInJapanese = page.getByRole("article", { name: "ロードバランサー default/web-lb", exact: true });
  await expect(
    lbInJapanese.getByRole("list", { name: "アドレスを広告するノード" }).getByRole("listitem"),
  ).toHaveAttribute("aria-label", /^node-\d: アドレスを広告中$/);
});
