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
