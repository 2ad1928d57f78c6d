import { expect, type Locator, type Page } from "@playwright/test";

/** The course in the side panel, as a learner uses it: lesson list, steps, hints, "Show me". */
export class LessonPanel {
  readonly panel: Locator;
  readonly steps: Locator;

  constructor(readonly page: Page) {
    this.panel = page
      .getByRole("complementary")
      .filter({ has: page.getByRole("heading") })
      .first();
    this.steps = page.getByRole("region", { name: /^(Steps|ステップ)$/ }).getByRole("list");
  }

  async openLesson(name: RegExp | string): Promise<void> {
    await this.page.getByRole("button", { name }).click();
  }

  heading(name: RegExp | string): Locator {
    return this.page.getByRole("heading", { name, level: 2 });
  }

  /** The lesson's current step (the packet inspector's hop list marks its current hop the same way). */
  currentStep(): Locator {
    return this.page.getByRole("region", { name: /^(Steps|ステップ)$/ }).locator("li[aria-current=step]");
  }

  /** The tick of step `title`: "done" once the engine has seen its goal met. */
  stepStatus(title: RegExp | string): Locator {
    return this.page.locator("li").filter({ hasText: title }).getByRole("img");
  }

  async expectStepDone(title: RegExp | string, done = "done"): Promise<void> {
    await expect(this.stepStatus(title)).toHaveAccessibleName(done);
  }

  button(name: RegExp | string): Locator {
    return this.page.getByRole("button", { name });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
