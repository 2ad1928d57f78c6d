import { expect, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
});

test("the sample cluster draws its nodes, pods and Services", async ({ page }) => {
  const graph = new GraphPanel(page);
  for (const name of ["node-1", "node-2", "node-3"]) await expect(graph.node(name)).toBeVisible();
  for (const name of [
    "web",
    "web-nodeport",
    "web-lb",
    "web-external-ip",
    "db",
    "docs",
    "legacy-db",
    "orphan",
  ]) {
    await expect(graph.service(name)).toBeVisible();
  }
  await expect(graph.pod("db-0")).toBeVisible();
  await expect(page.getByRole("article", { name: /^Pod web-/ })).toHaveCount(3);
  await expect(page.getByRole("article", { name: "Load balancer default/web-lb" })).toContainText(
    "198.51.100.",
  );
  await graph.screenshot("graph-sample-cluster");
});

test("a request to a Service travels as a packet, ends at a pod and is logged as delivered", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  await graph.sendRequest("pod/default/db-0", "http://web/");
  const packet = graph.packets.last();
  await expect(packet).toBeVisible();
  // It moves: its hop advances while it is in flight.
  await expect(packet).toHaveAttribute("data-hop", /^[1-9]/);
  await graph.screenshot("graph-packet-in-flight");
  await expect(packet).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  const entry = graph.log.getByRole("listitem").last();
  await expect(entry).toContainText("delivered");
  const backend = (await entry.textContent())?.match(/pod\/default\/(web-[a-z0-9-]+)/)?.[1];
  expect(backend).toBeTruthy();
  // It ends on the pod that answered.
  const pod = graph.pod(backend ?? "");
  const [p, b] = [await packet.boundingBox(), await pod.boundingBox()];
  expect(
    p && b && p.x >= b.x - 20 && p.x <= b.x + b.width + 20 && p.y >= b.y - 20 && p.y <= b.y + b.height + 20,
  ).toBe(true);
  await expect(graph.inspector.getByRole("heading", { name: /Request #\d+/ })).toBeVisible();
  await expect(graph.inspector).toContainText("dnat");
  await graph.screenshot("graph-delivered");
});

test("a Service without endpoints refuses the connection", async ({ page }) => {
  const graph = new GraphPanel(page);
  await graph.sendRequest("pod/default/db-0", "http://orphan/");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "refused", { timeout: 20_000 });
  await expect(graph.packets.last()).toContainText("connection refused");
  await expect(graph.log.getByRole("listitem").last()).toContainText("refused");
  await graph.screenshot("graph-refused");
});

test("failing the node a NodePort request targets makes it time out; recovering restores delivery", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  await graph.selectNode("node-2");
  const ip = (await graph.node("node-2").textContent())?.match(/192\.168\.\d+\.\d+/)?.[0];
  expect(ip).toBeTruthy();
  const target = `http://${ip}:30080/`;

  await graph.inspector.getByRole("button", { name: "Fail node" }).click();
  await expect(graph.node("node-2")).toContainText("Down");
  await expect(
    page.getByRole("article", { name: /^Pod / }).filter({ hasText: "unreachable" }).first(),
  ).toBeVisible();
  await graph.sendRequest("client/external", target);
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "timeout", { timeout: 20_000 });
  await expect(graph.log.getByRole("listitem").last()).toContainText("timeout");
  await graph.screenshot("graph-node-failed-timeout");

  await graph.selectNode("node-2");
  await page.keyboard.press("r");
  await expect(graph.node("node-2")).toContainText("Ready");
  await graph.send.click();
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  await expect(graph.log.getByRole("listitem").last()).toContainText("delivered");
  await graph.screenshot("graph-node-recovered");
});

test("sending twenty shows the spread across pods as counters", async ({ page }) => {
  const graph = new GraphPanel(page);
  await graph.from.selectOption("pod/default/db-0");
  await graph.to.fill("http://web/");
  await graph.sendMany.click();
  const spread = page.getByRole("region", { name: "Last 20 requests" });
  await expect(spread).toContainText("delivered: 20");
  await expect(spread.getByRole("listitem").filter({ hasText: /pod\/default\/web-/ })).not.toHaveCount(0);
  await expect(graph.packets).toHaveCount(20);
  await graph.screenshot("graph-send-many");
});

test("hovering a Service lights its pods and marks the labels its selector matched", async ({ page }) => {
  const graph = new GraphPanel(page);
  await graph.service("web").hover();
  await expect(graph.service("web")).toContainText("selector app=web");
  const chosen = page.getByRole("article", { name: /^Pod web-/ });
  await expect(chosen).toHaveCount(3);
  for (const pod of await chosen.all()) await expect(pod.locator("mark")).toHaveText("app=web");
  await expect(graph.pod("db-0").locator("mark")).toHaveCount(0);
  await graph.screenshot("graph-hover-selector");
});

test("the side panels hide from the header and resize from the keyboard, giving the graph room", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  const canvas = page.getByLabel("Cluster graph");
  const before = (await canvas.boundingBox())?.width ?? 0;
  const separator = page.getByRole("separator", { name: "Resize the lessons and manifests panel" });
  const width = Number(await separator.getAttribute("aria-valuenow"));
  await separator.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(separator).toHaveAttribute("aria-valuenow", String(width - 16));

  const side = page.getByRole("button", { name: "Lessons & manifests" });
  await side.click();
  await expect(side).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("tab", { name: "Lessons" })).toBeHidden();
  await page.getByRole("button", { name: "Inspector panel" }).click();
  await expect(graph.inspector).toBeHidden();
  // The lessons panel's 336 px and the empty inspector's 144 px.
  await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0).toBeGreaterThan(before + 470);
  await expect(graph.service("web")).toBeVisible();
  await graph.screenshot("graph-panels-hidden");

  await page.reload();
  await expect(side).toHaveAttribute("aria-expanded", "false");
  await side.click();
  await expect(page.getByRole("tab", { name: "Lessons" })).toBeVisible();
});

test("kube-dns shows its CoreDNS pods on a click and folds them again, its ready count in sight", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  const dns = graph.service("kube-dns");
  const coredns = page.getByRole("article", { name: /^Pod coredns-/ });
  await expect(dns).toContainText("2/2 ready");
  await expect(coredns).toHaveCount(0);
  await dns.getByRole("button", { name: "Show CoreDNS pods (2)" }).click();
  await expect(coredns).toHaveCount(2);
  await dns.getByRole("button", { name: "Fold CoreDNS pods" }).click();
  await expect(coredns).toHaveCount(0);
  // The count is read on the box, not cut short by the button beside it (it read "2/…").
  const ready = dns.getByText(/^2\/2 ready/);
  const countFits = await ready.evaluate((p) => {
    const range = document.createRange();
    range.setStart(p.firstChild as Node, 0);
    range.setEnd(p.firstChild as Node, "2/2 ready".length);
    return range.getBoundingClientRect().right <= p.getBoundingClientRect().right;
  });
  expect(countFits).toBe(true);
});
