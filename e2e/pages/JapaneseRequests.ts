import { expect, type Page } from "@playwright/test";
import { GraphPanel, type PanelNames } from "./GraphPanel.ts";

/** The panel's accessible names in Japanese (src/app/i18n/messages). */
const JAPANESE_NAMES: PanelNames = {
  requests: "リクエスト",
  from: "送信元",
  to: "宛先",
  send: "送信",
  sendMany: /^\d+ 件送信$/,
  batchSize: "まとめて送るリクエストの数",
  log: "リクエストログ",
  inspector: "インスペクタ",
  search: "検索",
  request: /^リクエスト #\d+/,
};

/** The request bar, the request log and the packet inspector as a learner reading Japanese uses them. */
export class JapaneseRequests extends GraphPanel {
  constructor(page: Page) {
    super(page, JAPANESE_NAMES);
  }

  /** Opens the app and switches its language to Japanese. */
  async open(): Promise<void> {
    await this.page.goto("./");
    await this.page.getByLabel("Language").selectOption("ja");
    await expect(this.page.locator("html")).toHaveAttribute("lang", "ja");
  }

  /** Sends one request and waits until its packet has ended with `outcome` (the packet's data-outcome). */
  async sendAndWait(from: string, to: string, outcome: string): Promise<void> {
    await this.sendRequest(from, to);
    await expect(this.packets.last()).toHaveAttribute("data-outcome", outcome, { timeout: 30_000 });
  }
}
