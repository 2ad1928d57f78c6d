import type { Page } from "@playwright/test";

/** The page's localStorage, filled as another site's data or a big earlier session would fill it. */
export class BrowserStorage {
  constructor(readonly page: Page) {}

  /** Fills the rest of the origin's quota with other data, leaving room for nothing bigger than a few characters. */
  async fill(): Promise<void> {
    await this.page.evaluate(() => {
      let size = 1 << 20;
      for (let i = 0; size >= 1; i++) {
        try {
          localStorage.setItem(`filler-${i}`, "x".repeat(size));
        } catch {
          size = Math.floor(size / 2);
        }
      }
    });
  }

  async clear(): Promise<void> {
    await this.page.evaluate(() => {
      for (const key of Object.keys(localStorage))
        if (key.startsWith("filler-")) localStorage.removeItem(key);
    });
  }
}
