import { expect, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";
import { SecurityPolicy } from "./pages/SecurityPolicy.ts";
import { TimePanel } from "./pages/TimePanel.ts";

// Issue 16 item 9: `vite preview` (like many static servers) answers with `Vary: Origin`; the offline
// cache must still find the module script, its preloads and the stylesheet when the network is gone.
test("after one visit the app works offline, under its Content-Security-Policy: graph drawn, editor opens, requests traced", async ({
  page,
  context,
}) => {
  const policy = new SecurityPolicy(page);
  await policy.record();
  const lab = new LabPage(page);
  await lab.open();
  const graph = new GraphPanel(page);
  await expect(graph.node("node-1")).toContainText("Ready");
  // The offline cache is filled when its service worker has installed.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await context.setOffline(true);
  await page.reload();
  await expect(lab.heading).toBeVisible();
  await expect(graph.node("node-2")).toContainText("Ready");
  await expect(graph.node("node-2")).toContainText("10.244.2.0/24");
  const editor = new EditorPanel(page);
  await editor.show();
  await expect(editor.textbox).toContainText("kind: Service");
  await graph.send.click();
  await expect(graph.lastFinishedPacket()).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  // The parts whose code loads on first use (issue 15) come from the offline cache too.
  const time = new TimePanel(page);
  await time.open();
  await expect(time.timeline).toBeVisible();
  const lessons = new LessonPanel(page);
  await page.getByRole("tab", { name: "Lessons" }).click();
  await lessons.openLesson(/^Lesson 3:/);
  await expect(lessons.heading(/ClusterIP/)).toBeVisible();
  expect(await policy.violations()).toEqual([]);
  await lab.screenshot("offline-reload");
  await context.setOffline(false);
});

test("a language whose texts cannot be fetched says so, the page stays in the language it can show, and a second choice once connected takes", async ({
  page,
}) => {
  await new LabPage(page).open();
  await page.route("**/assets/japanese-*.js", (route) => route.abort("internetdisconnected"));
  await page.getByLabel("Language").selectOption("ja");
  await expect(
    page.getByRole("status").filter({ hasText: "日本語 could not be loaded (offline?)" }),
  ).toBeVisible();
  await expect(page.getByLabel("Language")).toHaveValue("en");
  await expect(page.getByRole("tab", { name: "Lessons" })).toBeVisible();

  // Once connected, choosing it again is enough: no reload.
  await page.unroute("**/assets/japanese-*.js");
  await page.getByLabel("Language").selectOption("ja");
  await expect(page.getByRole("tab", { name: "レッスン" })).toBeVisible();
});

test("a lesson whose data cannot be fetched says so on the list, and opens when clicked again once connected", async ({
  page,
}) => {
  await new LabPage(page).open();
  const lessons = new LessonPanel(page);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let abort = true;
  await page.route("**/assets/lessons-*.js", async (route) => {
    await held;
    await (abort ? route.abort("internetdisconnected") : route.continue());
  });
  const lesson3 = page.getByRole("button", { name: /Lesson 3: ClusterIP/ });
  await lesson3.click();
  // While its data is on its way, the list says the lesson is loading.
  await expect(lesson3).toHaveAttribute("aria-busy", "true");
  await expect(lesson3).toContainText("Loading…");
  release();
  const failed = page.getByRole("alert");
  await expect(failed).toHaveText(
    "“ClusterIP: a virtual address inside the cluster” could not be loaded (offline?). Click it again once connected.",
  );
  // Said where the learner clicked, not below the list out of sight.
  await expect(failed).toBeInViewport();
  await expect(lesson3).not.toHaveAttribute("aria-busy", "true");

  abort = false;
  await lesson3.click();
  await expect(lessons.heading(/ClusterIP/)).toBeVisible();
});
