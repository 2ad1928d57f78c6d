import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/** WCAG 2.1 A and AA, plus axe's best practices (landmarks, headings, regions). */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const BLOCKING = new Set(["serious", "critical"]);

export interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Scans the page with axe-core as it is now, attaches every finding to the test report (so the
 * minor and moderate ones stay visible), and fails on any serious or critical one.
 */
export async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const findings: Finding[] = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
  await testInfo.attach(`axe-${view}.json`, {
    body: JSON.stringify({ view, url: page.url(), findings }, null, 2),
    contentType: "application/json",
  });
  const blocking = findings.filter((f) => BLOCKING.has(f.impact));
  expect(
    blocking.map((f) => `${f.impact} ${f.id}: ${f.help}\n    ${f.targets.slice(0, 8).join("\n    ")}`),
    `serious or critical accessibility violations in ${view}`,
  ).toEqual([]);
}
