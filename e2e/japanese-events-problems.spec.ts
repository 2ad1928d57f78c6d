import { expect, type Locator, type Page, test } from "@playwright/test";
import { GatewayView } from "./pages/GatewayView.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { JapaneseRequests } from "./pages/JapaneseRequests.ts";
import { LabPage } from "./pages/LabPage.ts";
import { TimePanel } from "./pages/TimePanel.ts";
import { englishIn } from "./support/latin.ts";

/** The outcome words the engine and the CLI use: in Japanese the app shows them translated. */
const OUTCOME_WORDS = ["delivered", "refused", "timeout", "connection", "nxdomain"];

/** No English sentence (nor an outcome word) in what the learner reads in `region`, named `what` in a failure. */
async function expectJapanese(region: Locator, what: string): Promise<void> {
  const text = (await region.allInnerTexts()).join("\n");
  expect(text.length, `${what} has text`).toBeGreaterThan(0);
  expect(englishIn(text, OUTCOME_WORDS), what).toEqual([]);
}

/** The page in Japanese at both sizes the issue names, for a person to look at. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/ja-${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

// A Service with invalid fields, a Gateway whose HTTPS listener names a Secret that does not exist and
// whose UDP listener is not modelled, and a route to a Service that does not exist.
const INVALID_FIELD =
  "\n---\napiVersion: v1\nkind: Service\nmetadata: {name: Bad_Name}\nspec:\n  type: Foo\n  ports: [{port: 99999}]\n";
const FAILING_GATEWAY = `
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop}
spec:
  parentRefs: [{name: shop, sectionName: nothere}, {name: shop, sectionName: http}]
  rules:
    - backendRefs: [{name: missing, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: shop}
spec:
  gatewayClassName: eg
  listeners:
    - {name: http, protocol: HTTP, port: 80}
    - {name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: gone}]}}
    - {name: udp, protocol: UDP, port: 53}
`;

/** The manifest editor as a learner reading Japanese types into it (EditorPanel's, with Japanese names). */
class JapaneseEditor {
  readonly panel: Locator;
  readonly textbox: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole("region", { name: "マニフェスト" });
    this.textbox = this.panel.getByRole("textbox", { name: / の YAML$/ });
  }

  async appendText(text: string): Promise<void> {
    await this.textbox.click();
    await this.page.keyboard.press("ControlOrMeta+End");
    await this.page.keyboard.insertText(text);
  }

  async replaceLineEnd(line: string, remove: number, insert: string): Promise<void> {
    await this.panel.locator(".cm-line", { hasText: line }).first().click();
    await this.page.keyboard.press("End");
    for (let i = 0; i < remove; i++) await this.page.keyboard.press("Backspace");
    await this.page.keyboard.insertText(insert);
  }
}

test.use({ viewport: { width: 1280, height: 720 } });

// Issue 14: "In Japanese: send a request, open its hops, fail a node in the Time view, type an invalid
// field: no Latin-script sentence appears in the hop list, events, problems list or outcome words
// (Kubernetes names, fields and commands excepted)"; and the same for a YAML syntax error (js-yaml's
// reason), a request that cannot be sent, a Gateway's failing conditions, a lesson's steps and the
// console's own help.
test("in Japanese, hops, events, problems, outcomes, conditions, a lesson and the console read as Japanese", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const lab = new LabPage(page);
  const graph = new GraphPanel(page);
  const time = new TimePanel(page);
  await lab.open();

  // A node fails at 0:10 in the Time view; two minutes later the node lifecycle controller has acted.
  await time.open();
  await time.seek(10);
  await graph.selectNode("node-2");
  await page.getByRole("button", { name: "Fail node-2 at 0:10" }).click();
  await time.playUntil(110);
  await expect(time.eventRow("NodeNotReady").first()).toBeVisible();

  await page.getByLabel("Language").selectOption("ja");
  const events = page.getByRole("region", { name: "イベント" });
  await expect(events).toContainText("NodeNotReady");
  await expectJapanese(events, "events");
  await expectJapanese(page.getByRole("region", { name: "タイムライン" }), "timeline");
  await screenshots(page, "time-events");

  // Requests, in Japanese: delivered, refused (no endpoints), NXDOMAIN, a timeout; each one's hops.
  await page.getByRole("group", { name: "表示" }).getByRole("button", { name: "リクエスト" }).click();
  const requests = new JapaneseRequests(page);
  const sent: [string, string, string][] = [
    ["pod/default/db-0", "http://web/", "delivered"],
    ["pod/default/db-0", "http://orphan/", "refused"],
    ["pod/default/db-0", "http://nope/", "nxdomain"],
    ["client/external", "http://10.96.0.1:443/", "timeout"],
  ];
  for (const [from, to, outcome] of sent) await requests.sendAndWait(from, to, outcome);
  for (const [index, [from, to]] of sent.entries()) {
    await requests.openHops(index);
    await expectJapanese(requests.inspector, `the hops of ${from} → ${to}`);
  }
  await expectJapanese(requests.log, "the request log");
  await expect(requests.log).toContainText("到達");
  await expect(requests.log).toContainText("タイムアウト");
  await requests.openHops(0);
  await screenshots(page, "hops");

  // A request that cannot be sent: the refusal is explained in Japanese.
  await requests.sendRequest("pod/default/db-0", "web:abc");
  const refusal = page.getByRole("alert").filter({ hasText: "web:abc" });
  await expect(refusal).toContainText("1 から 65535");
  await expectJapanese(refusal, "a refused request");

  // An invalid field, then a Gateway with failing conditions: the problems list and its status.
  const editor = new JapaneseEditor(page);
  await page.getByRole("tab", { name: "マニフェスト" }).click();
  const problems = page.getByRole("region", { name: /^問題/ });
  await editor.appendText(INVALID_FIELD);
  await expect(problems).toContainText("不正な値");
  await expectJapanese(problems, "problems of an invalid field");
  // Fixed, so that the cluster is built again with the Gateway below.
  await editor.replaceLineEnd("metadata: {name: Bad_Name}", "Bad_Name}".length, "bad-name}");
  await editor.replaceLineEnd("  type: Foo", "Foo".length, "ClusterIP");
  await editor.replaceLineEnd("  ports: [{port: 99999}]", "99999}]".length, "80}]");
  await editor.appendText(FAILING_GATEWAY);
  await expect(problems).toContainText("Secret default/gone がありません");
  await expectJapanese(problems, "problems of a Gateway");
  await new GatewayView(page).gateway("shop").click();
  await expect(requests.inspector.getByRole("heading", { name: "Gateway shop" })).toBeVisible();
  await expect(requests.inspector).toContainText("Secret default/gone がありません");
  await expect(requests.inspector).toContainText("プロトコル UDP はシミュレーションの対象外です");
  await expectJapanese(requests.inspector, "a Gateway's conditions");
  await screenshots(page, "gateway-conditions");
  // Clicked again if the graph was still settling (a fit, the minimap's corner) when the pointer came down.
  await expect(async () => {
    await new GatewayView(page).httpRoute("shop").click();
    await expect(requests.inspector).toContainText("Service default/missing が見つかりません", {
      timeout: 2_000,
    });
  }).toPass();
  await expectJapanese(requests.inspector, "an HTTPRoute's conditions");

  // A YAML syntax error: js-yaml's reason, in Japanese.
  await editor.appendText("\nbroken: 1\n  indented: 2\n");
  await expect(problems).toContainText("インデント");
  await expectJapanese(problems, "problems of a YAML syntax error");
  await screenshots(page, "problems");

  // A lesson's steps, and the console's own help.
  await page.getByRole("tab", { name: "レッスン" }).click();
  await page.getByRole("button", { name: /^レッスン 12：/ }).click();
  const steps = page.getByRole("region", { name: "ステップ" });
  await expect(steps).toBeVisible();
  await expectJapanese(steps, "lesson 12's steps");
  await screenshots(page, "lesson-12");
  await page.getByRole("button", { name: "コンソール", exact: true }).click();
  const input = page.getByRole("textbox", { name: "コンソール入力" });
  await input.fill("help");
  await input.press("Enter");
  const output = page.getByRole("log", { name: "コンソール出力" });
  await expect(output).toContainText("シミュレーションのクラスター");
  await expectJapanese(output, "the console's help");
});
