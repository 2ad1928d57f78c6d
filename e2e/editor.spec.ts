import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

const sandboxLines = readFileSync(new URL("../src/samples/sandbox.yaml", import.meta.url), "utf8").split(
  "\n",
).length;

const newService = `---
apiVersion: v1
kind: Service
metadata:
  name: typed-svc
spec:
  selector:
    app: web
  ports:
    - port: 8080
      targetPort: 80
`;

async function openEditor(page: import("@playwright/test").Page) {
  const lab = new LabPage(page);
  await lab.open();
  const editor = new EditorPanel(page);
  await editor.show();
  await editor.expectNoErrors();
  return { lab, editor, graph: new GraphPanel(page) };
}

test("typing a new Service makes it appear in the graph", async ({ page }) => {
  const { editor, graph } = await openEditor(page);
  await editor.appendText(newService);
  await expect(graph.service("typed-svc")).toBeVisible();
  await editor.expectNoErrors();
  await editor.screenshot("editor-new-service");
});

test("an invalid edit marks the right line with the engine's message and leaves the graph as it was", async ({
  page,
}) => {
  const { editor, graph } = await openEditor(page);
  await expect(graph.service("web")).toBeVisible();
  await editor.appendText(newService.replace("- port: 8080", "- port: 99999").replace("typed-svc", "broken"));
  // The appended "---" is the sample's last line; the port is 9 lines below it.
  const line = sandboxLines + 9;
  const problem = editor.problem(
    new RegExp(
      `sandbox\\.yaml line ${line}, column 7: spec\\.ports\\[0\\]\\.port: Invalid value: 99999: must be between 1 and 65535`,
    ),
  );
  await expect(problem).toBeVisible();
  await expect(editor.staleBanner).toBeVisible();
  await expect(editor.markedLine("port: 99999")).toBeVisible();
  await expect(graph.service("web")).toBeVisible();
  await expect(graph.service("broken")).toHaveCount(0);
  await editor.markedLine("port: 99999").locator(".cm-lintRange-error").hover();
  await expect(page.locator(".cm-tooltip-lint")).toContainText("must be between 1 and 65535");
  await expect(page.locator(".cm-tooltip-lint")).toContainText("spec.ports[0].port");
  await editor.screenshot("editor-invalid-edit");
  // Fixing it brings the graph up to date again.
  await problem.click();
  await page.keyboard.press("End");
  for (let i = 0; i < 5; i++) await page.keyboard.press("Backspace");
  await page.keyboard.insertText("8081");
  await expect(graph.service("broken")).toBeVisible();
  await expect(editor.staleBanner).toBeHidden();
});

test("reload keeps the text", async ({ page }) => {
  const { editor, graph } = await openEditor(page);
  await editor.appendText(newService);
  await expect(graph.service("typed-svc")).toBeVisible();
  await expect(editor.panel.getByText("Saved in this browser")).toBeVisible();
  await page.reload();
  await editor.show();
  await expect(graph.service("typed-svc")).toBeVisible();
  await editor.textbox.click();
  await page.keyboard.press("ControlOrMeta+End");
  await expect(editor.textbox).toContainText("name: typed-svc");
});

test("a share link round-trips into a fresh browser context", async ({ page, browser, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { editor, graph } = await openEditor(page);
  await editor.appendText(newService);
  await expect(graph.service("typed-svc")).toBeVisible();
  await editor.button("Share").click();
  const link = await editor.panel.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(link).toMatch(/#share=/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  const sharedEditor = new EditorPanel(other);
  await sharedEditor.show();
  await expect(new GraphPanel(other).service("typed-svc")).toBeVisible();
  await expect(sharedEditor.panel.getByText(/manifests from a shared link/)).toBeVisible();
  await sharedEditor.screenshot("editor-shared-link");
  // This browser has no saved work: going back to it shows the sandbox's sample, and the link leaves the address.
  await sharedEditor.panel.getByRole("button", { name: "Back to my saved work" }).click();
  await expect(new GraphPanel(other).service("typed-svc")).toHaveCount(0);
  await expect(new GraphPanel(other).service("web")).toBeVisible();
  await expect(sharedEditor.panel.getByText(/manifests from a shared link/)).toBeHidden();
  expect(new URL(other.url()).hash).toBe("");
  await fresh.close();
});

test("a corrupted link shows the message and keeps the saved work", async ({ page }) => {
  const { editor, graph } = await openEditor(page);
  await editor.appendText(newService);
  await expect(graph.service("typed-svc")).toBeVisible();
  await expect(editor.panel.getByText("Saved in this browser")).toBeVisible();
  for (const hash of [
    "#share=N4IgdghgtgpiBcIBKB7AJhAziA",
    "#share=%%%garbage",
    `#share=${"A".repeat(20_000)}`,
  ]) {
    await page.goto(`./${hash}`);
    await expect(page.getByRole("alert")).toContainText(/share link is (damaged|too large)/);
    await expect(page.getByRole("alert")).toContainText("Your saved work is untouched");
    await expect(graph.service("typed-svc")).toBeVisible();
  }
  await editor.screenshot("editor-corrupted-link");
});

test("importing a kubectl List file adds its objects", async ({ page }) => {
  const { editor, graph } = await openEditor(page);
  const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: imported-svc
      namespace: default
    spec:
      selector:
        app: web
      ports:
        - port: 9090
          targetPort: 80
metadata:
  resourceVersion: ""
`;
  await editor.importFile("kubectl-get.yaml", list);
  await expect(editor.panel.getByRole("tab", { name: "kubectl-get.yaml" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(graph.service("imported-svc")).toBeVisible();
  await editor.expectNoErrors();
  await editor.screenshot("editor-import-list");
});
