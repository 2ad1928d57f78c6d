import { expect, type Locator, type Page } from "@playwright/test";

/** Ingresses as a learner meets them: boxes in the graph, and the L7 hops of a packet in the inspector. */
export class IngressView {
  readonly inspector: Locator;

  constructor(readonly page: Page) {
    this.inspector = page.getByRole("complementary", { name: "Inspector" });
  }

  ingress(name: string): Locator {
    return this.page.getByRole("article", { name: `Ingress ${name}`, exact: true });
  }

  loadBalancer(name: string): Locator {
    return this.page.getByRole("article", { name: `Load balancer ${name}`, exact: true });
  }

  /** The hops of the inspected packet, each a list item starting "N. kind". */
  hop(kind: string): Locator {
    return this.inspector.getByRole("listitem").filter({ hasText: new RegExp(`\\d+\\. ${kind} `) });
  }

  async loadSample(title: string): Promise<void> {
    await this.page.getByRole("button", { name: `Load: ${title}` }).click();
  }

  async openSandbox(): Promise<void> {
    const sandbox = this.page.getByRole("button", { name: "Open the sandbox" });
    if (await sandbox.isVisible()) await sandbox.click();
    await expect(this.page.getByRole("heading", { name: "Sample manifests" })).toBeVisible();
  }
}
