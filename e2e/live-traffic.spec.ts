import { expect, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { TimePanel } from "./pages/TimePanel.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
});

test("Time view: node-2 fails at 10 s under LB and NodePort traffic; LB packets die at node-2 only until it is ejected, NodePort packets until the end", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  const time = new TimePanel(page);
  await graph.selectNode("node-2");
  const node2 = (await graph.node("node-2").textContent())?.match(/192\.168\.\d+\.\d+/)?.[0];
  await time.open();
  const lbIP = (await graph.service("web-lb").textContent())?.match(/198\.51\.100\.\d+/)?.[0];
  await time.addStream("via-lb", "external", `http://${lbIP}/`, 10);
  await time.addStream("nodeport", "external", `http://${node2}:30080/`, 10);
  await time.seek(10);
  await graph.selectNode("node-2");
  await page.getByRole("button", { name: "Fail node-2 at 0:10" }).click();
  await expect(page.getByText(/sampled/)).toBeVisible();

  /** The packets a paused clock shows for the second before `second`: where each ended, and how. */
  const seen = async (second: number) => {
    await time.seek(second);
    await expect(graph.packets.first()).toHaveAttribute("data-outcome", /./);
    return graph.packetStates();
  };
  const before: Awaited<ReturnType<typeof seen>> = [];
  for (const s of [12, 14, 16, 18, 20, 22, 24, 26]) before.push(...(await seen(s)));
  // Before the load balancer's health checks eject node-2 (at 33 s), some of its packets still go there and die.
  expect(before).toContainEqual(
    expect.objectContaining({ stream: "via-lb", at: "node/node-2", outcome: "timeout" }),
  );
  const after: Awaited<ReturnType<typeof seen>> = [];
  // web-lb is externalTrafficPolicy Cluster: after the ejection (33 s) other nodes still forward to the
  // dead node's pod until its endpoint goes (NotReady at 50 s, kube-proxy resync at 51 s).
  for (const s of [53, 56, 59]) after.push(...(await seen(s)));
  const lbAfter = after.filter((p) => p.stream === "via-lb");
  expect(lbAfter.length).toBeGreaterThan(0);
  expect(lbAfter.filter((p) => p.at === "node/node-2")).toEqual([]);
  expect(lbAfter.every((p) => p.outcome === "delivered")).toBe(true);
  // The NodePort client has no one to eject node-2: its packets keep dying there.
  const npAfter = after.filter((p) => p.stream === "nodeport");
  expect(npAfter.length).toBeGreaterThan(0);
  expect(npAfter.every((p) => p.at === "node/node-2" && p.outcome === "timeout")).toBe(true);
  // The load balancer's link to node-2 is drawn cut, with when the health checks ejected it.
  await expect(page.getByText("ejected at 0:33")).toBeVisible();
  await page.getByText("Legend", { exact: true }).click();
  await expect(page.getByText("endpoint removed, or node ejected")).toBeVisible();
  await graph.screenshot("time-packets-after-ejection");
});

test("Requests view: failing the node a batch is heading to kills the packets not yet past it, and the counters agree with the log", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  await page.getByRole("button", { name: "Pause" }).click();
  await graph.from.selectOption("client/external");
  await graph.to.fill("http://198.51.100.10/");
  await graph.sendMany.click();
  await expect(graph.packets).toHaveCount(20);
  for (let i = 0; i < 8; i++) await page.getByRole("button", { name: "Step one hop" }).click();
  await graph.selectNode("node-2");
  await graph.inspector.getByRole("button", { name: "Fail node" }).click();
  await expect(graph.node("node-2")).toContainText("Down");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(graph.packets.filter({ hasNot: page.locator(":scope:not([data-outcome])") })).toHaveCount(20, {
    timeout: 30_000,
  });
  const packets = await graph.packetStates();
  const lost = packets.filter((p) => p.outcome === "timeout");
  expect(lost.length).toBeGreaterThan(0);
  expect(lost.every((p) => p.at === "node/node-2")).toBe(true);
  // Some had passed node-2 (or never went there) before it failed, and were answered.
  expect(packets.some((p) => p.outcome === "delivered")).toBe(true);
  const spread = page.getByRole("region", { name: "Last 20 requests" });
  await expect(spread).toContainText(`timeout: ${lost.length}`);
  await expect(graph.log.getByRole("listitem").filter({ hasText: "timeout" })).toHaveCount(lost.length);
  await graph.screenshot("requests-fail-mid-flight");
});

test("a ClusterIP request from a pod: kube-proxy's DNAT happens at the client's node, never inside the Service box", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  await page.getByRole("button", { name: "Pause" }).click();
  await graph.from.selectOption("pod/default/db-0");
  await graph.to.fill("http://web/");
  await graph.send.click();
  const packet = graph.packets.last();
  const service = await graph.service("web").boundingBox();
  const at: string[] = [];
  for (let i = 0; i < 14; i++) {
    await page.getByRole("button", { name: "Step one hop" }).click();
    at.push((await packet.getAttribute("data-at")) ?? "");
    const box = await packet.boundingBox();
    if (box && service) {
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const inside =
        x > service.x && x < service.x + service.width && y > service.y && y < service.y + service.height;
      expect(inside).toBe(false);
    }
  }
  expect(at.some((a) => a.startsWith("svc/"))).toBe(false);
  // After db-0 sends, the packet's next place is a node: the DNAT hop, where that node's kube-proxy acted.
  const sent = at.lastIndexOf("pod/default/db-0");
  const dnatAt = at[sent + 1] ?? "";
  expect(dnatAt).toMatch(/^node\//);
  await expect(graph.inspector).toContainText(`kube-proxy (iptables) on ${dnatAt.slice("node/".length)}`);
  // The Service is lit as what was consulted there, not as a stop on the way.
  await expect(graph.service("web")).toHaveAttribute("data-consulted", "true");
  await expect(graph.service("web")).toContainText(`rules consulted on ${dnatAt.slice("node/".length)}`);
});

test("a batch of 20 draws at most one address label at a time unless the learner selects a packet", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  await graph.from.selectOption("client/external");
  await graph.to.fill("http://198.51.100.10/");
  await graph.sendMany.click();
  await expect(graph.packets).toHaveCount(20);
  // Watched over the batch's whole flight: the most labels drawn at once, until every packet has ended.
  let mostLabelled = 0;
  await expect
    .poll(
      async () => {
        const states = await graph.packetStates();
        mostLabelled = Math.max(mostLabelled, states.filter((p) => p.labelled).length);
        return states.filter((p) => p.outcome !== "").length;
      },
      { timeout: 60_000 },
    )
    .toBe(20);
  expect(mostLabelled).toBeLessThanOrEqual(1);
  // The batch reads as flows: each segment says how many packets took it; all 20 entered through the
  // load balancer, which spread them over the nodes.
  const flows = await graph.flows();
  expect(flows.find((f) => /^client\/.*->lb\//.test(f.segment))?.count).toBe("20");
  const spread = flows.filter((f) => /^lb\/.*->node\//.test(f.segment));
  expect(spread.length).toBeGreaterThan(1);
  expect(spread.reduce((sum, f) => sum + Number(f.count), 0)).toBe(20);
  await graph.screenshot("batch-flows");
});

test("a share link carries the Time view's scenario: the fresh page opens the same failure demo", async ({
  page,
  browser,
}) => {
  const graph = new GraphPanel(page);
  const time = new TimePanel(page);
  await time.open();
  await time.addStream("via-lb", "external", "http://198.51.100.10/", 10);
  await time.seek(10);
  await graph.selectNode("node-2");
  await page.getByRole("button", { name: "Fail node-2 at 0:10" }).click();
  const editor = new EditorPanel(page);
  await editor.show();
  await editor.button("Share").click();
  const link = await editor.panel.getByRole("textbox", { name: "Share link" }).inputValue();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  const shared = new TimePanel(other);
  await expect(shared.clock).toBeVisible();
  await expect(shared.streams).toContainText("via-lb:");
  await expect(other.getByRole("list", { name: "Events" })).toContainText("at 10s: fail-node node/node-2");
  await shared.seek(20);
  await expect(new GraphPanel(other).packets.first()).toHaveAttribute("data-stream", "via-lb");
  await fresh.close();
});
