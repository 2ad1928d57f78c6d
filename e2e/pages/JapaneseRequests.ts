import { expect, type Locator, type Page } from "@playwright/test";

/** The request bar, the request log and the packet inspector as a learner reading Japanese uses them. */
export class JapaneseRequests {
  readonly from: Locator;
  readonly to: Locator;
  readonly send: Locator;
  readonly log: Locator;
  readonly inspector: Locator;
  readonly packets: Locator;

  constructor(readonly page: Page) {
    const requests = page.getByRole("form", { name: "リクエスト" });
    this.from = requests.getByLabel("送信元");
    this.to = requests.getByLabel("宛先");
    this.send = requests.getByRole("button", { name: "送信", exact: true });
    this.log = page.getByRole("log", { name: "リクエストログ" });
    this.inspector = page.getByRole("complementary", { name: "インスペクタ" });
    this.packets = page.getByTestId("packet");
  }

  /** Opens the app and switches its language to Japanese. */
  async open(): Promise<void> {
    await this.page.goto("./");
    await this.page.getByLabel("Language").selectOption("ja");
    await expect(this.page.locator("html")).toHaveAttribute("lang", "ja");
  }

  /** Sends one request and waits until its packet has ended with `outcome` (the packet's data-outcome). */
  async sendRequest(from: string, to: string, outcome: string): Promise<void> {
    await this.from.selectOption(from);
    await this.to.fill(to);
    await this.send.click();
    await expect(this.packets.last()).toHaveAttribute("data-outcome", outcome, { timeout: 30_000 });
  }

  /** The hops of the request the inspector shows, as the learner reads them. */
  hops(): Locator {
    return this.inspector.getByRole("list").last().getByRole("listitem");
  }

  /** Opens a logged request's hops in the inspector: its line in the request log. */
  async openHops(index: number): Promise<void> {
    await this.log.getByRole("button").nth(index).click();
    await expect(this.inspector.getByRole("heading", { name: /^リクエスト #\d+/ })).toBeVisible();
    await expect(this.hops().first()).toBeVisible();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
