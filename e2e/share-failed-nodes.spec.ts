import { expect, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

test("a share link carries the failed nodes: the fresh page draws the node down and its NodePort times out", async ({
  page,
  browser,
}) => {
  await new LabPage(page).open();
  const graph = new GraphPanel(page);
  await graph.selectNode("node-2");
  const ip = (await graph.node("node-2").textContent())?.match(/192\.168\.\d+\.\d+/)?.[0];
  expect(ip).toBeTruthy();
  await graph.inspector.getByRole("button", { name: "Fail node" }).click();
  await expect(graph.node("node-2")).toContainText("Down");

  const editor = new EditorPanel(page);
  await editor.show();
  await editor.button("Share").click();
  const link = await editor.panel.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(link).toMatch(/#share=/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  const shared = new GraphPanel(other);
  await expect(shared.node("node-2")).toContainText("Down");
  await expect(shared.node("node-2")).toHaveAttribute("data-state", "down");
  await expect(shared.node("node-1")).toHaveAttribute("data-state", "ready");
  await expect(
    other.getByRole("article", { name: /^Pod / }).filter({ hasText: "unreachable" }).first(),
  ).toBeVisible();
  await shared.sendRequest("client/external", `http://${ip}:30080/`);
  await expect(shared.packets.last()).toHaveAttribute("data-outcome", "timeout", { timeout: 20_000 });
  await expect(shared.log.getByRole("listitem").last()).toContainText("timeout");
  await shared.screenshot("share-failed-node");
  await fresh.close();
});
