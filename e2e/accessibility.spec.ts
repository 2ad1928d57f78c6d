import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./pages/Accessibility.ts";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";
import { TimePanel } from "./pages/TimePanel.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
  await expect(new GraphPanel(page).service("web")).toBeVisible();
});

test("the sandbox on first load has no serious accessibility violations", async ({ page }, testInfo) => {
  await expectNoSeriousViolations(page, testInfo, "sandbox");
  await new LabPage(page).screenshot("a11y-sandbox");
});

test("an open lesson has no serious accessibility violations", async ({ page }, testInfo) => {
  const lessons = new LessonPanel(page);
  await lessons.openLesson(/Lesson 3: ClusterIP/);
  await expect(lessons.heading(/ClusterIP: a virtual address/)).toBeVisible();
  await lessons.button("Show a hint").click();
  await expectNoSeriousViolations(page, testInfo, "lesson-3");
  await lessons.screenshot("a11y-lesson-3");
});

test("the Manifests tab with the editor has no serious accessibility violations", async ({
  page,
}, testInfo) => {
  const editor = new EditorPanel(page);
  await editor.show();
  await editor.expectNoErrors();
  await expectNoSeriousViolations(page, testInfo, "manifests");
  await editor.screenshot("a11y-manifests");
});

test("the packet inspector after a request has no serious accessibility violations", async ({
  page,
}, testInfo) => {
  const graph = new GraphPanel(page);
  await graph.sendRequest("pod/default/db-0", "http://web/");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  await expect(graph.inspector.getByRole("heading", { name: /Request #\d+/ })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, "packet-inspector");
  await graph.screenshot("a11y-packet-inspector");
});

test("a failed node in the inspector, with its kube-proxy rules, has no serious accessibility violations", async ({
  page,
}, testInfo) => {
  const graph = new GraphPanel(page);
  await graph.selectNode("node-2");
  await graph.inspector.getByRole("button", { name: "Fail node" }).click();
  await expect(graph.node("node-2")).toContainText("Down");
  await expect(graph.inspector.getByRole("region", { name: /kube-proxy rules/ })).toContainText(
    "KUBE-SERVICES",
  );
  await expectNoSeriousViolations(page, testInfo, "failed-node");
  await graph.screenshot("a11y-failed-node");
});

test("the time view has no serious accessibility violations", async ({ page }, testInfo) => {
  const time = new TimePanel(page);
  await time.open();
  await expectNoSeriousViolations(page, testInfo, "time");
  await time.screenshot("a11y-time");
});

test("the Japanese interface has no serious accessibility violations", async ({ page }, testInfo) => {
  const lessons = new LessonPanel(page);
  await page.getByLabel("Language").selectOption("ja");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await lessons.openLesson(/レッスン 3/);
  await expectNoSeriousViolations(page, testInfo, "japanese");
  await lessons.screenshot("a11y-japanese");
});
