import { expect, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";

const keptService =
  "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: kept-on-reload\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n";

// Issue 14: a reload mid-edit brings back what was on screen — the last valid cluster (Send works on
// it), the failed node, the lesson step — with the broken draft in the editor and its errors marked.
test("a reload mid-edit with broken YAML shows the last valid cluster, the failed node, the step and the marked draft", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const graph = new GraphPanel(page);
  const editor = new EditorPanel(page);
  await lab.open();
  await lessons.openLesson(/Lesson 3: ClusterIP/);
  await lessons.button("Next step →").click();
  await expect(lessons.currentStep()).toContainText("Try the same address from outside");
  await graph.selectNode("node-2");
  await graph.inspector.getByRole("button", { name: "Fail node" }).click();
  await expect(graph.node("node-2")).toHaveAttribute("data-state", "down");

  await editor.show();
  await editor.appendText(keptService);
  await expect(graph.service("kept-on-reload")).toBeVisible();
  await editor.appendText("  broken: [\n");
  await expect(editor.staleBanner).toBeVisible();
  await expect(editor.panel.getByText("Saved in this browser")).toBeVisible();

  await page.reload();
  await expect(graph.service("kept-on-reload")).toBeVisible();
  await expect(graph.service("web")).toContainText(/10\.\d+\.\d+\.\d+/);
  await expect(graph.node("node-2")).toHaveAttribute("data-state", "down");
  await expect(graph.node("node-1")).toHaveAttribute("data-state", "ready");
  await editor.show();
  await expect(editor.staleBanner).toBeVisible();
  await editor.textbox.click();
  await page.keyboard.press("ControlOrMeta+End");
  await expect(editor.textbox).toContainText("broken: [");
  await expect(editor.problem(/YAML syntax error/)).toBeVisible();
  await expect(editor.panel.locator(".cm-lint-marker-error")).toBeVisible();
  await editor.screenshot("reload-broken-draft");

  await graph.sendRequest("pod/default/client", "http://kept-on-reload/");
  await expect(graph.lastFinishedPacket()).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  await page.getByRole("tab", { name: "Lessons" }).click();
  await expect(lessons.currentStep()).toContainText("Try the same address from outside");
});
