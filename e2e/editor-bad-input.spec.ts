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

/** Types a marker and waits to see it: the editor still answers while the engine chews on bad input. */
async function expectKeystrokeEchoed(
  page: import("@playwright/test").Page,
  editor: EditorPanel,
  marker: string,
) {
  await page.keyboard.insertText(marker);
  await expect(editor.textbox).toContainText(marker);
}

test("tabs and an alias bomb are explained, and the editor keeps answering", async ({ page }) => {
  const { editor, graph } = await openEditor(page);
  await editor.appendText("---\napiVersion: v1\nkind: Service\nmetadata:\n\tname: tabbed\n");
  await expect(editor.problem(/tab characters must not be used in indentation/)).toBeVisible();
  await expect(graph.service("web")).toBeVisible();

  const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(
      `${name}: &${name} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`,
    );
  }
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n${levels.map((l) => `  ${l}`).join("\n")}\n`,
  );
  await expect(editor.problems).toContainText(/alias/i);
  await expectKeystrokeEchoed(page, editor, "# still-here");
  await expect(editor.staleBanner).toBeVisible();
  await expect(graph.service("web")).toBeVisible();
  await editor.screenshot("editor-alias-bomb");
});

test("a 10 MB paste is refused with a message, the page stays responsive, and the saved copy is kept", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { editor, graph } = await openEditor(page);
  await editor.appendText("# my saved line\n");
  await expect(editor.panel.getByText("Saved in this browser")).toBeVisible();
  // A real paste: one ClipboardEvent carrying 10 MB of text, handled by the editor as the browser would.
  await editor.textbox.evaluate((element) => {
    const line = "# padding padding padding padding padding padding padding padding padding padding\n";
    const data = new DataTransfer();
    data.setData("text/plain", line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)));
    element.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(editor.problems).toContainText(/larger than|too large|exceeds|MiB/i, { timeout: 30_000 });
  await expectKeystrokeEchoed(page, editor, "# after-the-paste");
  await expect(editor.panel.getByText(/Not saved: this browser's storage is full/)).toBeVisible();
  await expect(graph.service("web")).toBeVisible();
  await editor.screenshot("editor-10mb-paste");
  // The copy saved before the paste is still there: a reload brings it back.
  await page.reload();
  await editor.show();
  await editor.textbox.click();
  await page.keyboard.press("ControlOrMeta+End");
  await expect(editor.textbox).toContainText("# my saved line");
});
