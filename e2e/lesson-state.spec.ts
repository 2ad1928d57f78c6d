import { expect, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";
import { TimePanel } from "./pages/TimePanel.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
});

test("each lesson starts clean: after lesson 12's node and time view, lesson 11 opens with an empty inspector and its own request bar", async ({
  page,
}) => {
  const lessons = new LessonPanel(page);
  const graph = new GraphPanel(page);
  await lessons.openLesson(/Lesson 12: Failover/);
  await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Time" }).click();
  // Issue 14: the lesson's clock starts at real time, a speed a person can act at (it was 10×).
  await expect(new TimePanel(page).clock.getByLabel("Speed")).toHaveValue("1");
  await graph.selectNode("node-2");
  await lessons.button("← All lessons").click();
  await lessons.openLesson(/Lesson 11: Ingress/);
  await expect(lessons.heading(/Ingress: one HTTP entry point/)).toBeVisible();
  await expect(graph.inspector).toContainText("Select a node, pod, Service or packet to see its details.");
  await expect(graph.from).toHaveValue("client/external");
  await expect(graph.to).toHaveValue("");
  // Lesson 2's first request goes from the client pod to the web Service, and is request #1.
  await lessons.button("← All lessons").click();
  await lessons.openLesson(/Lesson 2: Why Services/);
  await expect(graph.from).toHaveValue("pod/default/client");
  await expect(graph.to).toHaveValue("http://web/");
  await graph.send.click();
  await expect(graph.log).toContainText("#1 pod/default/client");
  await graph.screenshot("lesson-2-starts-clean");
});
