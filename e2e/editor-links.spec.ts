import { expect, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

async function openEditor(page: import("@playwright/test").Page) {
  await new LabPage(page).open();
  const editor = new EditorPanel(page);
  await editor.show();
  await editor.expectNoErrors();
  return { editor, graph: new GraphPanel(page) };
}

test("selecting a Service in the graph reveals its YAML, and the cursor in a document selects its object", async ({
  page,
}) => {
  const { editor, graph } = await openEditor(page);
  await graph.service("web-lb").click();
  await expect(editor.panel.locator(".cm-activeLine")).toHaveText("apiVersion: v1");
  await expect(editor.textbox).toContainText("name: web-lb");
  await editor.screenshot("editor-graph-selection");

  await editor.textbox.getByText("name: web-nodeport", { exact: true }).click();
  await expect(graph.inspector.getByRole("heading", { name: /web-nodeport/ })).toBeVisible();
});

test("the Add menu inserts valid templates after the cursor's document, renaming taken names", async ({
  page,
}) => {
  const { editor, graph } = await openEditor(page);
  await editor.textbox.getByText("replicas: 3", { exact: true }).click();
  for (const item of ["Service (ClusterIP)", "Service (NodePort)", "Service (NodePort)", "Ingress"]) {
    await editor.button("Add ▾").click();
    await page.getByRole("menuitem", { name: item }).click();
  }
  await expect(graph.service("web-nodeport")).toBeVisible();
  await expect(graph.service("web-nodeport-2")).toBeVisible();
  await editor.expectNoErrors();
  await editor.screenshot("editor-add-templates");
});

test("completion offers the fields of the kind being written, with Kubernetes' descriptions", async ({
  page,
}) => {
  const { editor } = await openEditor(page);
  await editor.appendText("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: completed\nspec:\n  ");
  // The Service has no ports yet: the banner above the editor says so before the learner types on.
  await expect(editor.staleBanner).toBeVisible();
  await page.keyboard.type("externalTr");
  const option = page.getByRole("option", { name: /externalTrafficPolicy/ });
  await expect(option).toBeVisible();
  await expect(page.locator(".cm-completionInfo")).toContainText(
    "describes how nodes distribute service traffic",
  );
  // Accept it with a click, as a person reading the list would. (Enter is a choice only once the list
  // has settled: CodeMirror ignores it for 75 ms after each update, and while a newer query is pending,
  // which a test pressing it at once sometimes hit.)
  await expect(option).toHaveAttribute("aria-selected", "true");
  await option.click();
  await expect(editor.textbox).toContainText("externalTrafficPolicy:");
  await page.keyboard.type("Lo");
  // Ctrl-Space asks for completion explicitly, as a learner would when the list is not open.
  await page.keyboard.press("Control+Space");
  await expect(page.getByRole("option", { name: "Local" })).toBeVisible();
  await editor.screenshot("editor-completion");
});

test("a hop's cause in the packet inspector jumps to the manifest line that sent the packet there", async ({
  page,
}) => {
  await new LabPage(page).open();
  const graph = new GraphPanel(page);
  const editor = new EditorPanel(page);
  await graph.sendRequest("pod/default/db-0", "http://web/");
  await expect(graph.log).toContainText("delivered");
  await graph.inspector
    .getByRole("button", { name: /^Show spec\.ports\[0\]\.targetPort in sandbox\.yaml/ })
    .last()
    .click();
  await expect(editor.tab).toHaveAttribute("aria-selected", "true");
  await expect(editor.panel.locator(".cm-activeLine")).toHaveText("targetPort: http");
  await editor.screenshot("editor-hop-cause");
});
