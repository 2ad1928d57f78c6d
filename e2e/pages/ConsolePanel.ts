import { expect, type Locator, type Page } from "@playwright/test";

/** The console below the graph: one input, one log, opened by its button or the ` key. */
export class ConsolePanel {
  readonly region: Locator;
  readonly input: Locator;
  readonly output: Locator;
  readonly button: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole("region", { name: "Console" });
    this.input = this.region.getByRole("textbox", { name: "Console input" });
    this.output = this.region.getByRole("log", { name: "Console output" });
    this.button = page.getByRole("button", { name: "Console", exact: true });
  }

  async open(): Promise<void> {
    await this.button.click();
    await expect(this.input).toBeFocused();
  }

  /** One line of the output, whole. */
  line(pattern: RegExp): Locator {
    return this.output.getByText(pattern);
  }

  /** Types a command line and presses Enter, as a learner would. */
  async run(line: string): Promise<void> {
    await this.input.fill(line);
    await this.input.press("Enter");
    await expect(this.output).toContainText(line);
  }
}
