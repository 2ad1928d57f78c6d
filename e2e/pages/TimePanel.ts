import { expect, type Locator, type Page } from "@playwright/test";

/** The accessible names the time view is found by, in the app's language (src/app/i18n/messages/time.ts). */
export interface TimeNames {
  view: string;
  time: string;
  clock: string;
  timeline: string;
  slider: string;
  events: string;
  speed: string;
  play: string;
  pause: string;
  table: string;
  duration: string;
}

export const ENGLISH_TIME_NAMES: TimeNames = {
  view: "View",
  time: "Time",
  clock: "Clock",
  timeline: "Timeline",
  slider: "Time",
  events: "Events",
  speed: "Speed",
  play: "Play",
  pause: "Pause",
  table: "Per-second outcomes as a table",
  duration: "Duration (s)",
};

export const JAPANESE_TIME_NAMES: TimeNames = {
  view: "表示",
  time: "時間",
  clock: "時計",
  timeline: "タイムライン",
  slider: "時刻",
  events: "イベント",
  speed: "速さ",
  play: "再生",
  pause: "一時停止",
  table: "秒ごとの結果を表で見る",
  duration: "長さ（秒）",
};

/** The time view: clock, timeline, scenario, settings and events, as a learner uses them. */
export class TimePanel {
  readonly clock: Locator;
  readonly timeline: Locator;
  readonly slider: Locator;
  readonly summary: Locator;
  readonly events: Locator;
  readonly addStreamForm: Locator;
  readonly streams: Locator;

  constructor(
    readonly page: Page,
    readonly names: TimeNames = ENGLISH_TIME_NAMES,
  ) {
    this.clock = page.getByRole("region", { name: names.clock });
    this.timeline = page.getByRole("region", { name: names.timeline });
    this.slider = this.timeline.getByRole("slider", { name: names.slider });
    this.summary = this.timeline.locator("p[aria-live]");
    this.events = page.getByRole("region", { name: names.events });
    this.addStreamForm = page.getByRole("form", { name: "Add stream" });
    this.streams = page.getByRole("list", { name: "Traffic streams" });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole("group", { name: this.names.view })
      .getByRole("button", { name: this.names.time })
      .click();
    await expect(this.clock).toBeVisible();
  }

  async addStream(name: string, from: string, to: string, rate: number): Promise<void> {
    const form = this.addStreamForm;
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("From", { exact: true }).selectOption(from);
    await form.getByRole("combobox", { name: "To", exact: true }).fill(to);
    await form.getByLabel("Requests per second").fill(String(rate));
    await form.getByRole("button", { name: "Add stream" }).click();
    await expect(this.streams).toContainText(`${name}:`);
  }

  /** Sets how long the scenario runs, in seconds. */
  async setDuration(seconds: number): Promise<void> {
    await this.clock.getByLabel(this.names.duration).fill(String(seconds));
    await expect(this.clock).toContainText(
      `of ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`,
    );
  }

  async seek(second: number): Promise<void> {
    await this.slider.fill(String(second));
    await expect(this.clock).toContainText(
      `t = ${Math.floor(second / 60)}:${String(second % 60).padStart(2, "0")}`,
    );
  }

  /** Plays the clock at a speed until it shows `second` or more, then pauses it. */
  async playUntil(second: number, speed = 60): Promise<void> {
    await this.clock.getByLabel(this.names.speed).selectOption(String(speed));
    await this.clock.getByRole("button", { name: this.names.play }).click();
    await expect
      .poll(async () => Number(await this.slider.inputValue()), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(second);
    // Stop the clock, unless it reached the end of the scenario and stopped by itself meanwhile.
    const pause = this.clock.getByRole("button", { name: this.names.pause });
    const play = this.clock.getByRole("button", { name: this.names.play });
    await expect(pause.or(play)).toBeVisible();
    // The clock may stop on its own between the check and the click: then there is nothing to pause.
    if (await pause.isVisible()) await pause.click({ timeout: 2000 }).catch(() => undefined);
    await expect(play).toBeVisible();
  }

  /** Per second and stream, delivered and failed counts, from the timeline's table. */
  async seconds(): Promise<{ t: number; stream: string; sent: number; delivered: number; failed: string }[]> {
    const details = this.timeline.locator("details");
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
      await details.getByText(this.names.table).click();
    const rows = details.locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const seconds = await rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "");
        return {
          t: Number(cells[0]),
          stream: cells[1] ?? "",
          sent: Number(cells[2]),
          delivered: Number(cells[3]),
          failed: cells[4] ?? "",
        };
      }),
    );
    await details.getByText(this.names.table).click();
    return seconds;
  }

  /** The Scenario document "Export scenario" saves. */
  async exportedScenario(): Promise<string> {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("button", { name: "Export scenario" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("scenario.yaml");
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  eventRow(reason: string): Locator {
    return this.events.getByRole("row").filter({ hasText: reason });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
