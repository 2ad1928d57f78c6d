import { expect, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";

test("each pod names the workload that made it", async ({ page }) => {
  await new LabPage(page).open();
  const graph = new GraphPanel(page);
  await expect(graph.pod("db-0")).toContainText("StatefulSet db");
  const web = page.getByRole("article", { name: /^Pod web-/ });
  await expect(web).toHaveCount(3);
  for (const pod of await web.all()) await expect(pod).toContainText("Deployment web");
});

// kubernetes.io/docs/concepts/workloads/pods/#pod-networking: containers in a pod share its network namespace.
test("a selected pod shows its containers and their ports, and that they meet at localhost", async ({
  page,
}) => {
  await new LabPage(page).open();
  await new LessonPanel(page).openLesson(/^Lesson 1:/);
  const graph = new GraphPanel(page);
  await expect(graph.containers("web")).toBeHidden();
  await graph.pod("web").click();
  const containers = graph.containers("web");
  await expect(containers).toBeVisible();
  await expect(containers.getByRole("listitem")).toHaveCount(2);
  await expect(containers.getByRole("listitem").first()).toContainText("nginx");
  await expect(containers.getByRole("listitem").first()).toContainText("80/TCP (http)");
  await expect(containers.getByRole("listitem").nth(1)).toContainText("probe");
  await expect(containers).toContainText("localhost");
  await graph.screenshot("pod-containers");
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`at ${size.width}×${size.height}, the graph's text at fit is no smaller than the page's small text`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await new LabPage(page).open();
    const graph = new GraphPanel(page);
    await expect(graph.service("web")).toBeVisible();
    await page.getByRole("button", { name: "Fit the cluster in view" }).click();
    await expect
      .poll(async () => {
        const { graph: inGraph, page: onPage } = await graph.smallestText();
        return inGraph >= onPage;
      })
      .toBe(true);
    await graph.screenshot(`graph-fit-${size.width}`);
  });
}
