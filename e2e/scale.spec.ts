import { expect, type Page, test } from "@playwright/test";
import { generatedCluster, kubectlDump, LARGE, MANY_SERVICES, manyServices } from "../bench/generated.ts";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

// Issue 15: a real cluster's size, pasted as a learner pastes `kubectl get -o yaml` output.
const nodeNames = Array.from({ length: LARGE.nodes }, (_, i) => `worker-${String(i + 1).padStart(2, "0")}`);

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
});

/** Pastes `text` into the editor, then clicks the Lessons tab and sees it open: the page answers while the cluster loads. */
async function pasteThenClickTab(page: Page, text: string): Promise<GraphPanel> {
  const editor = new EditorPanel(page);
  await editor.show();
  await editor.paste(text);
  const lessons = page.getByRole("tab", { name: "Lessons" });
  await lessons.click();
  await expect(lessons).toHaveAttribute("aria-selected", "true");
  return new GraphPanel(page);
}

test("a pasted 1,000-pod cluster shows every node with its pod count, answers a tab click while it loads, and finds a pod", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const graph = await pasteThenClickTab(page, generatedCluster(LARGE));

  // At this size each node is drawn closed, with its pod count; together they hold every pod.
  await expect(graph.node("worker-50")).toBeVisible({ timeout: 30_000 });
  let total = 0;
  for (const name of nodeNames) {
    const text = (await graph.node(name).textContent()) ?? "";
    const count = Number(text.match(/(\d+) pods?/)?.[1]);
    expect(count, `${name} shows its pod count`).toBeGreaterThan(0);
    total += count;
  }
  expect(total).toBe(LARGE.pods);
  await expect(page.getByRole("article", { name: /^Pod app-/ })).toHaveCount(0);
  await expect(graph.service("app-199")).toContainText("5/5 ready");
  await graph.screenshot("scale-1000-pods");

  // A request to the Service travels to one of its pods (or the closed node holding it): the way across a
  // drawing this size is long at a packet's reading speed.
  await graph.sendRequest("client/external", "http://198.51.100.10/");
  await expect(graph.packets.last()).toHaveAttribute("data-hop", /^[1-9]/);
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 60_000 });
  const entry = graph.log.getByRole("listitem").last();
  await expect(entry).toContainText(/pod\/default\/app-000-/);

  // Search finds the pod that answered: its node opens, the pod is drawn, selected and in view.
  const pod = (await entry.textContent())?.match(/pod\/default\/(app-000-[a-z0-9-]+)/)?.[1];
  expect(pod).toBeTruthy();
  await graph.find(pod ?? "");
  await expect(graph.pod(pod ?? "")).toBeInViewport();
  await expect(graph.inspector.getByRole("heading", { name: `Pod ${pod}` })).toBeVisible();
  await graph.screenshot("scale-found-pod");
});

test("a real 1,000-pod cluster's kubectl get -o yaml (4 MiB, every status field) is drawn with that cluster's own pod addresses, and a request reaches one", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const dump = kubectlDump(LARGE);
  const graph = await pasteThenClickTab(page, dump);
  await expect(graph.node("worker-50")).toBeVisible({ timeout: 30_000 });
  let total = 0;
  for (const name of nodeNames)
    total += Number(((await graph.node(name).textContent()) ?? "").match(/(\d+) pods?/)?.[1]);
  expect(total).toBe(LARGE.pods);
  // The pasted EndpointSlices are the controller's: made again from the pods, one per Service, all ready.
  await expect(graph.service("app-199")).toContainText("5/5 ready");

  await graph.sendRequest("client/external", "http://198.51.100.10/");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 60_000 });
  const entry = graph.log.getByRole("listitem").last();
  const pod = (await entry.textContent())?.match(/pod\/default\/(app-000-[a-z0-9-]+)/)?.[1] ?? "";
  expect(pod).toBeTruthy();
  // The pod that answered is at the address the dump gave it, not one the simulator chose.
  const reported = new RegExp(`name: ${pod}\\n[\\s\\S]*?podIP: (\\S+)`).exec(dump)?.[1];
  await graph.find(pod);
  await expect(graph.inspector.getByRole("heading", { name: `Pod ${pod}` })).toBeVisible();
  await expect(graph.inspector).toContainText(reported ?? "no podIP in the dump");
});

test("zooming in on a large cluster shows each node's pods as squares; clicking one inspects that pod", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const editor = new EditorPanel(page);
  const graph = new GraphPanel(page);
  await editor.show();
  await editor.paste(generatedCluster(LARGE));
  await expect(graph.node("worker-01")).toContainText("20 pods", { timeout: 30_000 });
  // At fit the nodes show their counts alone (level of detail): no pod is drawn, not even as a square.
  await expect(page.getByRole("list", { name: /^Pods on / })).toHaveCount(0);
  await graph.screenshot("scale-1000-pods-fit");
  // The learner zooms in on a node with the mouse wheel: it shows one square per pod, each named after its pod.
  const squares = graph.podSquares("worker-10");
  await graph.zoomInOn(graph.node("worker-10"), squares.first());
  await graph.screenshot("scale-1000-pods-zoomed");
  await expect(squares).toHaveCount(20);
  const square = squares.nth(5);
  const name = (await square.getAttribute("aria-label"))?.replace(/^Pod /, "") ?? "";
  expect(name).toMatch(/^app-/);
  await square.click();
  await expect(graph.inspector.getByRole("heading", { name: `Pod ${name}` })).toBeVisible();
  // Still no pod box: the square stood for it.
  await expect(page.getByRole("article", { name: /^Pod app-/ })).toHaveCount(0);
});

test("opening a node of a large cluster draws its pods; folding it hides them again", async ({ page }) => {
  test.setTimeout(90_000);
  const editor = new EditorPanel(page);
  const graph = new GraphPanel(page);
  await editor.show();
  await editor.paste(generatedCluster(LARGE));
  const node = graph.node("worker-01");
  await expect(node).toContainText("20 pods", { timeout: 30_000 });
  await node.getByRole("button", { name: "Show its pods" }).click();
  // Its pods are drawn in a row and the view moves to the node: the first of them are in view.
  const pods = page.getByRole("article", { name: /^Pod app-/ });
  await expect(pods.first()).toBeInViewport();
  await expect(node).toBeInViewport();
  await node.getByRole("button", { name: "Fold its pods" }).click();
  await expect(page.getByRole("article", { name: /^Pod app-/ })).toHaveCount(0);
});

test("5,000 pasted Services are drawn as a box per namespace with its count; opening one draws its Services", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const graph = await pasteThenClickTab(page, manyServices(MANY_SERVICES));

  const team = graph.serviceGroup("team-03");
  await expect(team).toContainText("500 Services", { timeout: 60_000 });
  await expect(graph.service("api-0003")).toHaveCount(0);
  await graph.screenshot("scale-5000-services");
  await team.getByRole("button", { name: "Show its Services" }).click();
  // Its Services follow it in the column, and the view moves to it.
  await expect(graph.service("api-0003")).toBeInViewport();
  await expect(graph.service("api-0013")).toContainText("team-03");
  await team.getByRole("button", { name: "Fold its Services" }).click();
  await expect(graph.service("api-0003")).toHaveCount(0);
});
