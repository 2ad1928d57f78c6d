import { expect, type Page, test } from "@playwright/test";
import { BrowserStorage } from "./pages/BrowserStorage.ts";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

// Issue 16 item 2: with the browser's storage full, no action replaces the only saved copy of the
// learner's work, and the learner is told that what is on screen is not saved.

const service = (name: string) =>
  `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n`;

/** Types a Service (and, for the learner's own work, a page of notes) and waits until it is saved. */
async function saveWork(page: Page, name: string, notes = "") {
  await new LabPage(page).open();
  const editor = new EditorPanel(page);
  await editor.show();
  await editor.appendText(notes + service(name));
  await expect(new GraphPanel(page).service(name)).toBeVisible();
  await expect(editor.panel.getByText("Saved in this browser")).toBeVisible();
  return editor;
}

async function expectSavedWorkBack(page: Page, name: string) {
  await page.reload();
  const editor = new EditorPanel(page);
  await expect(new GraphPanel(page).service(name)).toBeVisible();
  await editor.show();
  await editor.textbox.click();
  await page.keyboard.press("ControlOrMeta+End");
  await expect(editor.textbox).toContainText(`name: ${name}`);
}

test("storage full: Reset tells the learner it is not saved, and a reload brings the work back", async ({
  page,
}) => {
  const editor = await saveWork(page, "my-work");
  const storage = new BrowserStorage(page);
  await storage.fill();
  page.once("dialog", (dialog) => void dialog.accept());
  await editor.button("Reset").click();
  await expect(new GraphPanel(page).service("my-work")).toBeHidden();
  await expect(editor.textbox).not.toContainText("name: my-work");
  await expect(editor.notSaved).toBeVisible();
  await expect(editor.notSaved).toContainText("Your last saved version is kept");
  await expect(editor.button("Restore previous")).toBeVisible();
  await editor.screenshot("storage-full-reset");
  await expectSavedWorkBack(page, "my-work");
  await storage.clear();
});

test("storage full: editing a shared link tells the learner it is not saved, and a reload brings their own work back", async ({
  page,
  browser,
}) => {
  // Longer than the shared manifests, so that writing those over it alone would fit in the full storage.
  await saveWork(page, "my-work", `# my notes: ${"pods, services, endpoints; ".repeat(40)}\n`);
  const sharer = await browser.newContext();
  const sharerPage = await sharer.newPage();
  const sharerEditor = await saveWork(sharerPage, "from-a-friend");
  await sharerEditor.button("Share").click();
  const link = await sharerEditor.panel.getByRole("textbox", { name: "Share link" }).inputValue();
  await sharer.close();

  const storage = new BrowserStorage(page);
  await storage.fill();
  await page.goto(link);
  const editor = new EditorPanel(page);
  await expect(new GraphPanel(page).service("from-a-friend")).toBeVisible();
  await editor.show();
  await expect(editor.panel.getByText(/manifests from a shared link/)).toBeVisible();
  await editor.appendText("# my change to the shared manifests\n");
  await expect(editor.notSaved).toBeVisible();
  await expectSavedWorkBack(page, "my-work");
  await storage.clear();
});
