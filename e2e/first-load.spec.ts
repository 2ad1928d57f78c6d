import { expect, type Page, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

/** Holds the browser's fetch of one of the build's workers' code until released; notes whether it was asked for. */
async function holdWorkerCode(page: Page, worker: "engine" | "layout") {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const state = { asked: false, release };
  await page.context().route(new RegExp(`/assets/${worker}\\.worker-[^/]*\\.js$`), async (route) => {
    state.asked = true;
    await held;
    await route.continue();
  });
  return state;
}

// Issue 15 (first load): a first visit draws its cluster from the build's snapshot of it, without
// waiting for the engine's code, which then arrives for the first request the learner sends.
test("a first visit shows the cluster while the engine's code is still on its way, and the first request then travels", async ({
  page,
}) => {
  const engine = await holdWorkerCode(page, "engine");
  // Issue 15: the first screen (the lesson list, in English) fetches no lesson's text, each coming with its
  // lesson, and no Japanese text, which only a learner reading Japanese fetches.
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));

  const lab = new LabPage(page);
  await lab.open();
  const graph = new GraphPanel(page);
  await expect(graph.node("node-1")).toContainText("Ready");
  await expect(graph.service("web")).toBeVisible();
  await expect(graph.pod("db-0")).toBeVisible();
  await expect(page.getByRole("article", { name: /^Pod web-/ })).toHaveCount(3);
  await lab.screenshot("first-load-before-engine");
  expect(fetched.filter((path) => /\/assets\/(lesson-|japanese-)/.test(path))).toEqual([]);

  engine.release();
  await graph.send.click();
  await expect(graph.lastFinishedPacket()).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  expect(engine.asked).toBe(true);
});

// Issue 15 (first load): a first visit's first drawing is laid out when the app is built, so the page
// draws it without the layout worker's code, which arrives after it and lays out what the learner changes.
test("a first visit draws its cluster while the layout's code is still on its way, and a failed node is then redrawn", async ({
  page,
}) => {
  const layout = await holdWorkerCode(page, "layout");

  const lab = new LabPage(page);
  await lab.open();
  const graph = new GraphPanel(page);
  await expect(graph.node("node-2")).toContainText("Ready");
  await expect(graph.pod("db-0")).toBeVisible();
  await expect(page.getByRole("article", { name: /^Pod web-/ })).toHaveCount(3);

  layout.release();
  await graph.selectNode("node-2");
  await graph.inspector.getByRole("button", { name: "Fail node" }).click();
  await expect(graph.node("node-2")).toContainText("Down");
  await expect(
    page.getByRole("article", { name: /^Pod / }).filter({ hasText: "unreachable" }).first(),
  ).toBeVisible();
  expect(layout.asked).toBe(true);
});
