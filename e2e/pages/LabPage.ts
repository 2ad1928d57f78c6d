import { expect, type Locator, type Page } from "@playwright/test";

/** The Service Lab page as a learner sees it: roles, labels and visible text only. */
export class LabPage {
  readonly heading: Locator;
  readonly graph: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Service Lab", level: 1 });
    this.graph = page
      .getByRole("application", { name: "Cluster graph" })
      .or(page.getByLabel("Cluster graph"));
  }

  async open(): Promise<void> {
    await this.page.goto("./");
    await expect(this.heading).toBeVisible();
  }

  node(name: string): Locator {
    return this.page.getByRole("region", { name: `Node ${name}` });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
