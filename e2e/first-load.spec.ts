import { expect, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

// Issue 15 (first load): a first visit draws its cluster from the build's snapshot of it, without
// waiting for the engine's code, which then arrives for the first request the learner sends.
test("a first visit shows the cluster while the engine's code is still on its way, and the first request then travels", async ({
  page,
}) => {
  let releaseEngine: () => void = () => {};
  const engineHeld = new Promise<void>((resolve) => {
    releaseEngine = resolve;
  });
  let engineAsked = false;
  // Issue 15: the first screen (the lesson list, in English) fetches no lesson's text, each coming with its
  // lesson, and no Japanese text, which only a learner reading Japanese fetches.
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await page.context().route(/\/assets\/engine\.worker-[^/]*\.js$/, async (route) => {
    engineAsked = true;
    await engineHeld;
    await route.continue();
  });

  const lab = new LabPage(page);
  await lab.open();
  const graph = new GraphPanel(page);
  await expect(graph.node("node-1")).toContainText("Ready");
  await expect(graph.service("web")).toBeVisible();
  await expect(graph.pod("db-0")).toBeVisible();
  await expect(page.getByRole("article", { name: /^Pod web-/ })).toHaveCount(3);
  await lab.screenshot("first-load-before-engine");
  expect(fetched.filter((path) => /\/assets\/(lesson-|japanese-)/.test(path))).toEqual([]);

  releaseEngine();
  await graph.send.click();
  await expect(graph.lastFinishedPacket()).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  expect(engineAsked).toBe(true);
});
