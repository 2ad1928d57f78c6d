import type { Page } from "@playwright/test";

/**
 * What the page's Content-Security-Policy blocked, as the browser reports it (`securitypolicyviolation`
 * events), gathered from the first script of every page load so that nothing escapes before the app starts.
 */
export class SecurityPolicy {
  constructor(readonly page: Page) {}

  /** Starts listening on every load of the page (call before the first `goto`). */
  async record(): Promise<void> {
    await this.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => {
        seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
      });
    });
  }

  /** The violations reported since the page last loaded. */
  async violations(): Promise<string[]> {
    return this.page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
  }

  /** The policy the page declares in its `<meta http-equiv>`. */
  async declared(): Promise<string> {
    return (
      (await this.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? ""
    );
  }
}
