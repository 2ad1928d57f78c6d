import { expect, test } from "@playwright/test";
import { JapaneseRequests } from "./pages/JapaneseRequests.ts";
import { englishIn } from "./support/latin.ts";

/** The outcome words the engine and the CLI use: in Japanese the app shows them translated. */
const OUTCOME_WORDS = ["delivered", "refused", "timeout", "connection"];

test.use({ viewport: { width: 1280, height: 720 } });

// Issue 14: "In Japanese: send a request, open its hops ... no Latin-script sentence appears in the
// hop list ... or outcome words (Kubernetes names, fields and commands excepted)".
test("in Japanese, every hop of a request and every outcome is told in Japanese", async ({ page }) => {
  test.setTimeout(120_000);
  const requests = new JapaneseRequests(page);
  await requests.open();
  // Delivered through CoreDNS and kube-proxy; refused (no endpoints); NXDOMAIN; a ClusterIP from
  // outside (timeout); an absolute name.
  const sent: [string, string, string][] = [
    ["pod/default/db-0", "http://web/", "delivered"],
    ["pod/default/db-0", "http://orphan/", "refused"],
    ["pod/default/db-0", "http://nope/", "nxdomain"],
    ["client/external", "http://10.96.0.1:443/", "timeout"],
    ["pod/default/db-0", "http://web-lb.default.svc.cluster.local./", "delivered"],
  ];
  for (const [from, to, outcome] of sent) await requests.sendAndWait(from, to, outcome);

  for (const [index, [from, to]] of sent.entries()) {
    await requests.openHops(index);
    const hops = await requests.hops().allInnerTexts();
    expect(hops.length, `${from} → ${to} has hops`).toBeGreaterThan(0);
    for (const hop of hops) expect(englishIn(hop, OUTCOME_WORDS), hop).toEqual([]);
    const details = (await requests.inspector.allInnerTexts()).join("\n");
    expect(englishIn(details, OUTCOME_WORDS), `${from} → ${to}`).toEqual([]);
  }
  const log = (await requests.log.allInnerTexts()).join("\n");
  expect(englishIn(log, OUTCOME_WORDS)).toEqual([]);
  await expect(requests.log).toContainText("到達");
  await expect(requests.log).toContainText("接続拒否");
  await expect(requests.log).toContainText("タイムアウト");

  // The first request's hop list, as the learner reads it, for a person to look at.
  await requests.openHops(0);
  await requests.hops().nth(3).scrollIntoViewIfNeeded();
  await requests.screenshot("hops-japanese-1280");
});
