import { expect, test } from "@playwright/test";
import { generateManifests } from "../bench/manifests.bench.ts";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

// Issue 16 item 3: a paste of any size keeps the page answering input.
test("after pasting 10 MB of manifests, a tab click answers and the editor keeps the text", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await new LabPage(page).open();
  const editor = new EditorPanel(page);
  await editor.show();
  const text = generateManifests(10 * 1024 * 1024);
  await editor.paste(text);
  const lessons = page.getByRole("tab", { name: "Lessons" });
  await lessons.click();
  await expect(lessons).toHaveAttribute("aria-selected", "true");
  await editor.show();
  // The editor still shows the pasted text (scrolled to its end, where the caret is).
  await expect(editor.panel.locator(".cm-line", { hasText: /app-\d+/ }).first()).toBeVisible();
});

// Issue 16 item 3: a large paste goes into the editor piece by piece; the app still gets it whole.
test("a 10 MB paste left in the editor reaches the engine whole: it answers that the file is too large", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await new LabPage(page).open();
  const editor = new EditorPanel(page);
  await editor.show();
  const text = generateManifests(10 * 1024 * 1024);
  await editor.paste(text);
  await expect(page.getByText(`file is ${text.length} characters long`).first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(editor.panel.locator(".cm-line", { hasText: /app-\d+/ }).first()).toBeVisible();
});
