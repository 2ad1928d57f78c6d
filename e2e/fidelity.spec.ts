import { expect, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
});

test("a Service without a selector answers from the address its endpoint names: the log and the inspector show that address, with no pod", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  // The sandbox's legacy-db has no selector; its EndpointSlice names a database outside the cluster.
  await graph.sendRequest("pod/default/db-0", "legacy-db:5432");
  await expect(graph.log).toContainText("answered by 192.0.2.20:5432");
  await expect(graph.inspector).toContainText("192.0.2.20:5432");
  await graph.screenshot("non-pod-backend");
});

test("a name no DNS server knows: the log and the inspector say NXDOMAIN, once, and refused connections say why", async ({
  page,
}) => {
  const graph = new GraphPanel(page);
  await graph.sendRequest("pod/default/db-0", "http://nope/");
  await expect(graph.log).toContainText("#1 pod/default/db-0 → http://nope/: NXDOMAIN");
  await expect(graph.log).not.toContainText("nxdomain");
  await expect(graph.inspector).toContainText("NXDOMAIN");
  await expect(graph.inspector).not.toContainText("nxdomain");
  // The sandbox's orphan Service selects no pod: its ClusterIP refuses the connection.
  await graph.sendRequest("pod/default/db-0", "http://orphan/");
  await expect(graph.log).toContainText("#2 pod/default/db-0 → http://orphan/: refused (connection refused)");
});
