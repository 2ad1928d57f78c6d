import { expect, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

// Issue 16 item 1: `replicas: 2147483647` is valid for the API server but past the simulator's own
// limit; the editor says so at once on its line, and the next edit is applied as usual.
test("a replicas bomb is refused at once on its line, and a later edit still applies", async ({ page }) => {
  await new LabPage(page).open();
  const editor = new EditorPanel(page);
  const graph = new GraphPanel(page);
  await editor.show();
  await editor.expectNoErrors();
  const webPods = page.getByRole("article", { name: /^Pod web-/ });
  await expect(webPods).toHaveCount(3);

  await editor.replaceLineEnd("replicas: 3", 1, "2147483647");
  const problem = editor.problem(
    /line 10, column 3: spec\.replicas: Invalid value: 2147483647: the simulator runs at most 1000 pods per workload \(a limit of this simulator, not of Kubernetes\)/,
  );
  await expect(problem).toBeVisible();
  await expect(editor.markedLine("replicas: 2147483647")).toBeVisible();
  await expect(editor.staleBanner).toBeVisible();
  await expect(graph.service("web")).toBeVisible();
  await editor.screenshot("limits-replicas-bomb");

  await editor.replaceLineEnd("replicas: 2147483647", 10, "5");
  await editor.expectNoErrors();
  await expect(webPods).toHaveCount(5);
});

test("the Manifests tab states the simulator's limits as its own, in English and Japanese", async ({
  page,
}) => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(viewport);
    await new LabPage(page).open();
    const editor = new EditorPanel(page);
    await editor.show();
    const limits = await editor.openLimits();
    await expect(limits).toContainText(
      "This simulator's own limits, not Kubernetes': at most 1,000 pods per workload, and 10,000 pods, 200 Nodes, 5,000 Services, 10,000 Service ports and 50,000 endpoints in all.",
    );
    await editor.screenshot(`limits-en-${viewport.width}`);
    await page.getByLabel("Language").selectOption("ja");
    // The panel's own names change with the language: find the open disclosure by its Japanese summary.
    const japanese = page.getByRole("group").filter({ hasText: "シミュレーターの上限" });
    await expect(japanese).toContainText("このシミュレーター自身の上限です");
    await editor.screenshot(`limits-ja-${viewport.width}`);
    await page.getByRole("combobox").filter({ hasText: "日本語" }).selectOption("en");
  }
});
