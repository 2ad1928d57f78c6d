import type { Locator, Page } from "@playwright/test";

/** Gateway API as a learner meets it: boxes in the graph, and the spread of a batch of requests. */
export class GatewayView {
  constructor(readonly page: Page) {}

  gatewayClass(name: string): Locator {
    return this.page.getByRole("article", { name: `GatewayClass ${name}`, exact: true });
  }

  gateway(name: string): Locator {
    return this.page.getByRole("article", { name: `Gateway ${name}`, exact: true });
  }

  httpRoute(name: string): Locator {
    return this.page.getByRole("article", { name: `HTTPRoute ${name}`, exact: true });
  }

  /** A GRPCRoute or TLSRoute (or HTTPRoute) box: its kind and name. */
  route(kind: string, name: string): Locator {
    return this.page.getByRole("article", { name: `${kind} ${name}`, exact: true });
  }

  spread(count: number): Locator {
    return this.page.getByRole("region", { name: `Last ${count} requests` });
  }

  /** How many requests of the last batch reached pods whose names start with `prefix` (`default/web-v1-`). */
  async reached(count: number, prefix: string): Promise<number> {
    const counters = await this.spread(count)
      .getByRole("listitem")
      .filter({ hasText: prefix })
      .allTextContents();
    return counters.reduce((sum, text) => sum + Number(/: (\d+)$/.exec(text.trim())?.[1] ?? 0), 0);
  }
}
