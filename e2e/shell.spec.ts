import { expect, test } from "@playwright/test";
import { LabPage } from "./pages/LabPage.ts";

test("the page shows the product name and the default cluster's three nodes with their IPs", async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect(page).toHaveTitle("Service Lab");
  for (const [name, cidr] of [
    ["node-1", "10.244.1.0/24"],
    ["node-2", "10.244.2.0/24"],
    ["node-3", "10.244.3.0/24"],
  ] as const) {
    const node = lab.node(name);
    await expect(node).toBeVisible();
    await expect(node).toContainText(cidr);
    await expect(node).toContainText(/\d+\.\d+\.\d+\.\d+/);
    await expect(node).toContainText("Ready");
  }
  await lab.screenshot("shell-default-cluster");
});
