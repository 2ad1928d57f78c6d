import { expect, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

// Issue 14: a misspelt field is an error as kubectl's strict field validation makes it (KEP-2885),
// marked on the misspelt key, with the field that was probably meant, in the learner's language.
test("a misspelt field is marked on its own line with the field it probably meant", async ({ page }) => {
  await new LabPage(page).open();
  const editor = new EditorPanel(page);
  await editor.show();
  await editor.expectNoErrors();
  await editor.appendText(
    "\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: typo\nspec:\n  selectr:\n    app: web\n  ports:\n  - port: 80\n    targetPrt: 8080\n",
  );

  await expect(
    editor.problem(/spec\.selectr: unknown field "selectr"; did you mean "selector"\?$/),
  ).toBeVisible();
  await expect(
    editor.problem(/spec\.ports\[0\]\.targetPrt: unknown field "targetPrt"; did you mean "targetPort"\?$/),
  ).toBeVisible();
  await expect(editor.markedLine("selectr:")).toBeVisible();
  await expect(editor.markedLine("targetPrt:")).toBeVisible();
  await expect(editor.markedLine("app: web")).toHaveCount(0);
  // The object is rejected, as the API server rejects it: the graph keeps the last valid cluster.
  await expect(editor.staleBanner).toBeVisible();
  await expect(new GraphPanel(page).service("web")).toBeVisible();

  // Choosing the problem puts the cursor on the misspelt key's line.
  await editor.problem(/spec\.selectr: unknown field/).click();
  await expect(editor.panel.locator(".cm-activeLine")).toContainText("selectr:");

  await page.getByLabel("Language").selectOption("ja");
  await expect(
    page
      .getByRole("region", { name: /^問題/ })
      .getByRole("button", { name: /不明なフィールド "selectr" です。"selector" のことですか/ }),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/ja-unknown-field.png" });
});
