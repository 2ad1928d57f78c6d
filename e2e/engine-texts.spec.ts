import { expect, test } from "@playwright/test";
import { EngineTextsFetch } from "./pages/EngineTextsFetch.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { JapaneseRequests } from "./pages/JapaneseRequests.ts";
import { LabPage } from "./pages/LabPage.ts";

// Issue 15 (first load): the engine's English templates are not part of the first screen. The page fetches
// them once the graph is drawn, or when a text first needs them; what shows an engine text meanwhile
// shows a pending mark, never a code or nothing, and reads in English as soon as they arrive.
const PENDING = "…";
const CODE = /\bhop\.[a-z-]+/;

test("a cold visit draws the graph before the engine's English texts arrive; a hop told meanwhile reads in English once they do", async ({
  page,
}) => {
  const templates = await EngineTextsFetch.hold(page);
  await new LabPage(page).open();
  const graph = new GraphPanel(page);
  await expect(graph.pod("db-0")).toBeVisible();

  await graph.sendRequest("pod/default/db-0", "http://web/");
  await expect(graph.lastFinishedPacket()).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  await graph.openHops(0);
  const send = graph.hops().filter({ hasText: /^\s*\d+\. send\b/ });
  await expect(send).toContainText(PENDING);
  await expect(graph.inspector).not.toContainText(CODE);

  templates.release();
  await expect(send).toContainText(
    /connect to [\d.]+:80 \(web\.default\.svc\.cluster\.local\), TCP from [\d.]+:\d+/,
  );
  await expect(graph.inspector).not.toContainText(PENDING);
  expect(await templates.askedAfterFirstPod()).toBeGreaterThanOrEqual(0);
});

test.describe("a learner whose browser reads Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("a cold visit tells a hop in Japanese without waiting for the engine's English texts", async ({
    page,
  }) => {
    const templates = await EngineTextsFetch.hold(page);
    const requests = new JapaneseRequests(page);
    await page.goto("./");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(requests.pod("db-0")).toBeVisible();

    await requests.sendAndWait("pod/default/db-0", "http://web/", "delivered");
    await requests.openHops(0);
    const send = requests.hops().filter({ hasText: /^\s*\d+\. 送信 / });
    await expect(send).toContainText(
      /[\d.]+:80（web\.default\.svc\.cluster\.local） へ接続、送信元 [\d.]+:\d+（TCP）/,
    );
    await expect(requests.inspector).not.toContainText(PENDING);
    await expect(requests.inspector).not.toContainText(CODE);
    templates.release();
  });
});
