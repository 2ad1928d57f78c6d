import type { Locator, Page } from "@playwright/test";

/** The alert that another tab of the app changed the manifests shown, with its two choices. */
export class OtherTabNotice {
  readonly alert: Locator;
  readonly useOther: Locator;
  readonly keepMine: Locator;

  constructor(readonly page: Page) {
    this.alert = page.getByRole("alert", { name: "Changed in another tab" });
    this.useOther = this.alert.getByRole("button", { name: "Use the other tab's version" });
    this.keepMine = this.alert.getByRole("button", { name: "Keep this tab's version" });
  }
}
