import { expect, test } from "@playwright/test";
import { ConsolePanel } from "./pages/ConsolePanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";

test("a learner completes lesson 3 by reading, sending requests and looking a name up", async ({ page }) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const graph = new GraphPanel(page);
  await lab.open();
  await lessons.openLesson(/Lesson 3: ClusterIP/);
  await expect(lessons.heading(/ClusterIP: a virtual address/)).toBeVisible();
  await expect(lessons.currentStep()).toContainText("Find the ClusterIP of web in the graph");

  // Step 1: the learner reads the ClusterIP off the Service in the graph and sends to it from client.
  await expect(graph.service("web")).toContainText(/10\.\d+\.\d+\.\d+/);
  const clusterIP = ((await graph.service("web").textContent()) ?? "").match(/10\.\d+\.\d+\.\d+/)?.[0];
  await graph.sendRequest("pod/default/client", `http://${clusterIP}/`);
  await lessons.expectStepDone(/Send a request from client to the Service's ClusterIP/);
  await lessons.screenshot("lesson-3-step-1-done");

  // Step 2: the same address from outside times out.
  await lessons.button("Next step →").click();
  await graph.sendRequest("client/external", `http://${clusterIP}/`);
  await lessons.expectStepDone(/Try the same address from outside/);

  // Step 3: look up the kubernetes Service, pressing the keyboard shortcut for the next step.
  await page.keyboard.press("]");
  await expect(lessons.currentStep()).toContainText("kubernetes.default");
  const dns = page.getByRole("region", { name: "DNS lookup" });
  await dns.getByLabel("From").selectOption("pod/default/client");
  await dns.getByLabel("Name").fill("kubernetes.default");
  await dns.getByRole("button", { name: "Look up" }).click();
  await expect(dns).toContainText("10.96.0.1");
  await lessons.expectStepDone(/Find the kubernetes Service by name/);

  // Step 4, best done in the console: curl by name from inside client.
  await page.keyboard.press("]");
  const terminal = new ConsolePanel(page);
  await terminal.open();
  await terminal.run("kubectl exec client -- curl -s http://web/");
  await lessons.expectStepDone(/Call web by name from the console/);
  await expect(page.getByRole("status").filter({ hasText: "Lesson complete" })).toBeVisible();
  await lessons.screenshot("lesson-3-complete");
});

test("“Show me” plays a step's solution with the learner's own commands and the step is ticked", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const graph = new GraphPanel(page);
  await lab.open();
  await lessons.openLesson(/Lesson 6: LoadBalancer/);
  await lessons.button("Next step →").click();
  await expect(lessons.currentStep()).toContainText("Fail a node");
  await lessons.button("Show me").click();
  await lessons.expectStepDone(/Fail a node and keep the traffic flowing/);
  await expect(graph.node("node-2")).toContainText("Down");
  await lessons.screenshot("lesson-6-show-me");
});

test("switching to Japanese shows the interface and the lesson in Japanese", async ({ page }) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  await lab.open();
  await lessons.openLesson(/Lesson 7: Headless/);
  await page.getByLabel("Language").selectOption("ja");
  await expect(lessons.heading(/Headless Service：DNS が Pod のアドレスを返す/)).toBeVisible();
  await expect(lessons.button("次のステップ →")).toBeVisible();
  await expect(page.getByRole("heading", { name: "実際のクラスターで試す" })).toBeVisible();
  await lessons.button("ヒントを見る").click();
  await expect(page.getByRole("complementary", { name: "ヒント 1" })).toContainText("DNS");
  await lessons.screenshot("lesson-7-japanese");
});

// Issue 15: a lesson's text is fetched in the language it is opened in; switching fetches the other
// language's before the page switches, so the learner never sees a lesson without its words.
test("a lesson opened in Japanese reads in Japanese, then in English once the learner switches", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  await lab.open();
  await page.getByLabel("Language").selectOption("ja");
  await lessons.openLesson(/レッスン 3：ClusterIP：クラスター内の仮想アドレス/);
  await expect(lessons.heading("ClusterIP：クラスター内の仮想アドレス")).toBeVisible();
  await expect(lessons.currentStep()).toContainText("client から Service の ClusterIP へリクエストを送る");
  await expect(page.getByRole("heading", { name: "実際のクラスターで試す" })).toBeVisible();
  await lessons.screenshot("lesson-3-opened-in-japanese");

  await page.getByLabel("言語").selectOption("en");
  await expect(lessons.heading("ClusterIP: a virtual address inside the cluster")).toBeVisible();
  await expect(lessons.currentStep()).toContainText("Send a request from client to the Service's ClusterIP");
  await expect(lessons.button("Next step →")).toBeVisible();
  await lessons.button("Show a hint").click();
  await expect(page.getByRole("complementary", { name: "Hint 1" })).toContainText("Service CIDR");
  await lessons.screenshot("lesson-3-switched-to-english");
});

test("completed steps and the current lesson survive a reload", async ({ page }) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  await lab.open();
  await lessons.openLesson(/Lesson 8: ExternalName/);
  await lessons.button("Show me").click();
  await lessons.expectStepDone(/Look up the ExternalName Service/);
  await page.reload();
  await expect(lessons.heading(/ExternalName: a name that points outside/)).toBeVisible();
  await lessons.expectStepDone(/Look up the ExternalName Service/);
  await lessons.button("← All lessons").click();
  await expect(page.getByRole("button", { name: /Lesson 8: ExternalName/ })).toContainText("1/3");
  await lessons.screenshot("lessons-list-after-reload");
});

test("the sandbox is one click away from a lesson, with its library of samples", async ({ page }) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const graph = new GraphPanel(page);
  await lab.open();
  await lessons.openLesson(/Lesson 2: Why Services/);
  await lessons.button("Open the sandbox").click();
  await expect(page.getByRole("heading", { name: "Sample manifests" })).toBeVisible();
  await lessons.button("Load: Session affinity").click();
  await expect(graph.service("cart")).toBeVisible();
  await lessons.screenshot("sandbox-samples");
});
