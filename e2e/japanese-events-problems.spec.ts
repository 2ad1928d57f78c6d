import { expect, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { JapaneseRequests } from "./pages/JapaneseRequests.ts";
import { LabPage } from "./pages/LabPage.ts";
import { TimePanel } from "./pages/TimePanel.ts";
import { englishIn } from "./support/latin.ts";

// Issue 14: in Japanese, the control plane's events and the manifests' problems are Japanese
// sentences; only what Kubernetes spells (names, refs, reasons, fields) stays Latin.
test("in Japanese, the events of a node failure and the problems of an invalid field read as Japanese", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await new LabPage(page).open();
  const graph = new GraphPanel(page);
  const time = new TimePanel(page);
  await time.open();
  await time.seek(10);
  await graph.selectNode("node-2");
  await page.getByRole("button", { name: "Fail node-2 at 0:10" }).click();
  await time.playUntil(110);
  await expect(time.eventRow("NodeNotReady").first()).toBeVisible();

  const editor = new EditorPanel(page);
  await editor.show();
  await editor.appendText(
    "\n---\napiVersion: v1\nkind: Service\nmetadata: {name: Bad_Name}\nspec:\n  type: Foo\n  ports: [{port: 99999}]\n",
  );
  await expect(editor.problems.getByRole("listitem").first()).toBeVisible();

  await page.getByLabel("Language").selectOption("ja");
  const problems = page.getByRole("region", { name: /^問題/ });
  await expect(problems).toContainText("不正な値");
  expect(englishIn((await problems.allInnerTexts()).join("\n"))).toEqual([]);

  const events = page.getByRole("region", { name: "イベント" });
  await expect(events).toContainText("NodeNotReady");
  expect(englishIn((await events.allInnerTexts()).join("\n"))).toEqual([]);
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/ja-events-problems-${width}.png` });
    await events.screenshot({ path: `test-results/screenshots/ja-events-${width}.png` });
    await problems.screenshot({ path: `test-results/screenshots/ja-problems-${width}.png` });
  }
});

// Issue 14: js-yaml's reasons and a request's refusal are messages too, rendered in Japanese.
test("in Japanese, a YAML syntax error and a request that cannot be sent are explained in Japanese", async ({
  page,
}) => {
  const requests = new JapaneseRequests(page);
  await requests.open();
  await requests.sendRequest("pod/default/db-0", "web:abc");
  const refusal = page.getByRole("alert").filter({ hasText: "web:abc" });
  await expect(refusal).toContainText("1 から 65535");
  expect(englishIn(await refusal.innerText())).toEqual([]);

  const editor = new EditorPanel(page);
  await page.getByRole("tab", { name: "マニフェスト" }).click();
  await editor.textbox.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText("\nbroken: 1\n  indented: 2\n");
  const problems = page.getByRole("region", { name: /^問題/ });
  await expect(problems).toContainText("インデント");
  expect(englishIn((await problems.allInnerTexts()).join("\n"))).toEqual([]);
});
