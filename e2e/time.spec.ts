import { expect, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";
import { TimePanel } from "./pages/TimePanel.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
});

test("a node fails under steady load-balancer traffic: failures until the control plane reacts, then only successes; scrubbing back shows the earlier state", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  const time = new TimePanel(page);
  await time.open();
  const lb = page.getByRole("article", { name: "Load balancer default/web-lb" });
  const lbIP = (await lb.textContent())?.match(/198\.51\.100\.\d+/)?.[0];
  expect(lbIP).toBeTruthy();
  await time.addStream("via-lb", "external", `http://${lbIP}/`, 10);
  await time.seek(10);
  await graph.selectNode("node-2");
  await page.getByRole("button", { name: "Fail node-2 at 0:10" }).click();
  await expect(page.getByRole("list", { name: "Events" })).toContainText("at 10s: fail-node node/node-2");
  await time.playUntil(70);
  const rows = (await time.seconds()).filter((r) => r.stream === "via-lb");
  const failing = rows.filter((r) => r.delivered < r.sent).map((r) => r.t);
  // The last requests sent before 10 s are still in flight when node-2 fails: those not yet past it are lost there.
  expect(failing[0]).toBe(9);
  // web-lb is externalTrafficPolicy Cluster: the LB ejects node-2 at 33 s, but other nodes still
  // send to its pod until the pod's endpoint goes (NotReady at 60 s: node-monitor-grace-period 50 s since 1.32; kube-proxy resync at 61 s).
  expect(failing.at(-1)).toBe(60);
  expect(rows.filter((r) => r.t >= 61).every((r) => r.delivered === r.sent)).toBe(true);
  await time.seek(40);
  await expect(time.eventRow("LoadBalancerBackendRemoved")).toContainText("lb/default/web-lb");
  await expect(time.eventRow("LoadBalancerBackendRemoved")).toContainText("7s");
  await expect(lb.getByLabel("node-2: out of the pool")).toBeVisible();
  await expect(graph.node("node-2")).toContainText("API: Ready");
  // The inspector shows the same moment as the graph: node-2 is down at 0:40 though the API has not noticed.
  await expect(graph.inspector).toContainText("Down");
  await time.screenshot("time-node-2-failed-40s");
  await lb.screenshot({ path: "test-results/screenshots/time-lb-health-40s.png" });
  await time.seek(65);
  await expect(graph.node("node-2")).toContainText("API: NotReady");
  await expect(time.eventRow("NodeNotReady").first()).toBeVisible();
  // Back before the failure: the node is up, every check passes, no event yet.
  await time.seek(5);
  await expect(graph.node("node-2")).toHaveAttribute("data-state", "ready");
  await expect(graph.inspector).not.toContainText("Down");
  await expect(lb.getByLabel("node-2: in the pool")).toBeVisible();
  await expect(time.events).toContainText("No events yet.");
  await expect(time.summary).toContainText("via-lb: 10 sent, 10 delivered");
  await time.screenshot("time-scrubbed-back-5s");
  // What the learner built is the CLI's Scenario: svclab simulate runs the same thing.
  const yaml = await time.exportedScenario();
  expect(yaml).toContain("apiVersion: svclab.dev/v1\nkind: Scenario\n");
  expect(yaml).toContain(`- {name: via-lb, from: external, to: http://${lbIP}/, rate: 10}`);
  expect(yaml).toContain("- {at: 10s, action: fail-node, target: node/node-2}");
  expect(yaml).toContain(
    "loadBalancerHealthCheck: {interval: 8s, timeout: 1s, unhealthyThreshold: 3, healthyThreshold: 1}",
  );
});

test("the failover lesson: Show me plays each step on the clock; with externalTrafficPolicy Local the load balancer's client fails only in seconds 10–32", async ({
  page,
}) => {
  const lessons = new LessonPanel(page);
  const time = new TimePanel(page);
  await lessons.openLesson(/Lesson 12: Failover/);
  await lessons.button("Show me").click();
  await expect(time.clock).toBeVisible();
  await expect(time.streams).toContainText("lb:");
  await time.playUntil(6);
  await lessons.expectStepDone(/Send steady traffic three ways/);
  await lessons.button("Next step →").click();
  await lessons.button("Show me").click();
  await expect(page.getByRole("list", { name: "Events" })).toContainText("at 10s: fail-node node/node-2");
  await lessons.expectStepDone(/Fail node-2 while the traffic flows/);
  await lessons.button("Next step →").click();
  await lessons.button("Show me").click();
  await lessons.expectStepDone(/Shorten the loss to the detection window/);
  await time.playUntil(80);
  const rows = await time.seconds();
  const lb = rows.filter((r) => r.stream === "lb");
  expect(lb.filter((r) => r.delivered < r.sent).map((r) => r.t)).toEqual(expect.arrayContaining([10, 32]));
  const failing = lb.filter((r) => r.delivered < r.sent).map((r) => r.t);
  expect([failing[0], failing.at(-1)]).toEqual([10, 32]);
  expect(lb.filter((r) => r.t >= 33).every((r) => r.delivered === r.sent)).toBe(true);
  // The clients aimed at node-2 have nowhere else to go.
  const nodePort = rows.filter((r) => r.stream === "nodeport" && r.t >= 10);
  expect(nodePort.every((r) => r.delivered === 0)).toBe(true);
  await time.seek(34);
  await expect(time.eventRow("LoadBalancerBackendRemoved")).toContainText("lb/default/web-lb");
  await expect(time.summary).toContainText("lb: 10 sent, 10 delivered");
  await expect(time.summary).toContainText("nodeport: 10 sent, 0 delivered");
  await time.screenshot("time-failover-lesson-local-34s");
});

test("the settings say which Kubernetes release their defaults are: node-monitor-grace-period 50 s since 1.32", async ({
  page,
}) => {
  const time = new TimePanel(page);
  await time.open();
  await page.getByRole("tab", { name: "Settings" }).click();
  await expect(page.getByText("Every timing stands for a real default of Kubernetes 1.36")).toBeVisible();
  const grace = page.getByLabel("Node monitor grace period (s)");
  await expect(grace).toHaveValue("50");
  await expect(
    page.getByText("default 50s (kube-controller-manager --node-monitor-grace-period)"),
  ).toBeVisible();
});

test("a pod evicted from an unreachable node stays in its Service's EndpointSlice as not ready and Terminating", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  const time = new TimePanel(page);
  await time.open();
  await time.setDuration(400);
  await time.seek(10);
  await graph.selectNode("node-2");
  await page.getByRole("button", { name: "Fail node-2 at 0:10" }).click();
  // NotReady at 60 s (node-monitor-grace-period 50 s), evicted 300 s later (the default tolerationSeconds).
  await time.seek(370);
  await expect(time.eventRow("PodEvicted").first()).toBeVisible();
  await graph.selectService("web");
  const terminating = graph.inspector.getByRole("row").filter({ hasText: "Terminating" });
  await expect(terminating.first()).toContainText("no · Terminating");
  await expect(terminating.first()).toContainText("node-2");
});

test("a reload brings the Time view back where the clock was left, paused, whether it was paused or playing", async ({
  page,
}) => {
  const time = new TimePanel(page);
  await time.open();
  await time.seek(75);
  await page.reload();
  await expect(time.clock).toContainText("t = 1:15");
  await expect(time.clock.getByRole("button", { name: "Play" })).toBeVisible();

  // Playing at 1×, the page is reloaded mid-play: the clock comes back at the second it had reached.
  await time.clock.getByLabel("Speed").selectOption("1");
  await time.clock.getByRole("button", { name: "Play" }).click();
  await expect.poll(async () => Number(await time.slider.inputValue())).toBeGreaterThanOrEqual(77);
  const reached = Number(await time.slider.inputValue());
  await page.reload();
  await expect(time.clock).toBeVisible();
  const after = Number(await time.slider.inputValue());
  expect(after).toBeGreaterThanOrEqual(reached);
  expect(after).toBeLessThan(reached + 3);
  await expect(time.clock.getByRole("button", { name: "Play" })).toBeVisible();
});
