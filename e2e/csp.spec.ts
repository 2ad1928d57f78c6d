import { expect, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";
import { SecurityPolicy } from "./pages/SecurityPolicy.ts";

// Issue 16 item 8: a strict Content-Security-Policy, and the app, its engine worker, the editor and the
// lessons' markdown all working under it.
test("the page refuses inline script and eval, and the app, its worker, the editor and the lessons work with nothing blocked", async ({
  page,
}) => {
  const policy = new SecurityPolicy(page);
  await policy.record();
  const lab = new LabPage(page);
  await lab.open();
  const declared = await policy.declared();
  for (const directive of [
    "script-src 'self'",
    "worker-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
  ])
    expect(declared).toContain(directive);
  expect(declared).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);

  // Injected inline script and inline event handlers do not run (eval is refused by the same directive,
  // which has no 'unsafe-eval'; DevTools-driven evaluation is exempt from it, so it is checked above).
  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = 'script'";
    document.body.append(script);
    const image = document.createElement("img");
    image.setAttribute("onerror", "window.__injected = 'handler'");
    image.src = "data:,";
    document.body.append(image);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return (window as unknown as { __injected?: string }).__injected ?? null;
  });
  expect(ran).toBeNull();
  expect(await policy.violations()).toEqual([
    "script-src-elem blocked inline",
    "script-src-attr blocked inline",
  ]);

  // The engine worker traces a request; the editor rebuilds the graph; a lesson's text renders.
  const graph = new GraphPanel(page);
  await graph.send.click();
  await expect(graph.lastFinishedPacket()).toHaveAttribute("data-outcome", "delivered", { timeout: 20_000 });
  const editor = new EditorPanel(page);
  await editor.show();
  await editor.appendText(
    "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: csp-check\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n",
  );
  await expect(graph.service("csp-check")).toBeVisible();
  await expect(editor.markedLine("name: csp-check")).toHaveCount(0);
  const lessons = new LessonPanel(page);
  await page.getByRole("tab", { name: "Lessons" }).click();
  await lessons.openLesson(/Lesson 1: /);
  await expect(lessons.heading(/Pods and the pod network/)).toBeVisible();
  await expect(page.getByText(/Every pod gets one IP address of its own/)).toBeVisible();
  expect(await policy.violations()).toHaveLength(2);
});
