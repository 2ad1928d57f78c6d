import { expect, type Page, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { OtherTabNotice } from "./pages/OtherTabNotice.ts";

// Issue 16 item 4: two tabs of the app on the same manifests never overwrite each other silently.

const service = (name: string) =>
  `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n`;

async function addService(page: Page, name: string) {
  const editor = new EditorPanel(page);
  await editor.show();
  await editor.appendText(service(name));
  await expect(new GraphPanel(page).service(name)).toBeVisible();
  return editor;
}

test("two tabs: the tab that did not save asks which version to keep, and the other version stays one click away", async ({
  context,
}) => {
  const first = await context.newPage();
  await new LabPage(first).open();
  const firstEditor = await addService(first, "from-tab-one");
  await expect(firstEditor.panel.getByText("Saved in this browser")).toBeVisible();

  const second = await context.newPage();
  await new LabPage(second).open();
  await expect(new GraphPanel(second).service("from-tab-one")).toBeVisible();
  const secondEditor = await addService(second, "from-tab-two");
  await expect(secondEditor.panel.getByText("Saved in this browser")).toBeVisible();

  // The first tab hears of it: it saves nothing until the learner chooses.
  const firstNotice = new OtherTabNotice(first);
  await expect(firstNotice.alert).toBeVisible();
  await firstEditor.appendText("# typed in tab one meanwhile\n");
  await expect(
    firstEditor.panel.getByText(/Not saved yet: another tab changed these manifests/),
  ).toBeVisible();
  await firstEditor.screenshot("two-tabs-asked");
  await firstNotice.keepMine.click();
  await expect(firstNotice.alert).toBeHidden();
  await expect(firstEditor.panel.getByText("Saved in this browser")).toBeVisible();
  await expect(new GraphPanel(first).service("from-tab-two")).toBeHidden();

  // Now the second tab is asked; it takes the first tab's version, and its own is the backup.
  const secondNotice = new OtherTabNotice(second);
  await expect(secondNotice.alert).toBeVisible();
  await secondNotice.useOther.click();
  const secondGraph = new GraphPanel(second);
  await expect(secondGraph.service("from-tab-two")).toBeHidden();
  await expect(secondGraph.service("from-tab-one")).toBeVisible();
  await secondEditor.button("Restore previous").click();
  await expect(secondGraph.service("from-tab-two")).toBeVisible();
  // That restore saved tab two's version: the first tab is asked again, and nothing was lost on the way.
  await expect(firstNotice.alert).toBeVisible();
});
