import { expect, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { JapaneseRequests } from "./pages/JapaneseRequests.ts";
import { ENGLISH_RULES, JAPANESE_RULES, KubeProxyRules } from "./pages/KubeProxyRules.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";

test("a Service's rules in each proxy mode, on the node the learner picks", async ({ page }) => {
  const lab = new LabPage(page);
  const graph = new GraphPanel(page);
  await lab.open();
  await new LessonPanel(page).openLesson(/Lesson 6: LoadBalancer/);
  await graph.selectService("web");
  const rules = new KubeProxyRules(graph.inspector);

  // iptables (the default), on the first Ready node: the Service's chains and its jumps into them.
  await expect(rules.mode).toHaveValue("iptables");
  // The default, said with the Kubernetes release the simulator follows.
  await expect(graph.inspector).toContainText("The default in Kubernetes 1.36");
  await expect(rules.node).toHaveValue("node/node-1");
  const save = rules.listing("node-1", "iptables-save");
  for (const text of ["-A KUBE-SERVICES -d ", "-A KUBE-NODEPORTS ", ":KUBE-SVC-", ":KUBE-SEP-", ":KUBE-EXT-"])
    await expect(save).toContainText(text);
  await expect(save).toContainText('"default/web:http loadbalancer IP"');
  // Only web's lines: not the kubernetes Service's, nor the chains every Service shares.
  await expect(save).not.toContainText("default/kubernetes");
  await expect(save).not.toContainText(":KUBE-SERVICES");

  // Another node: its own listing.
  await rules.chooseNode("node-2");
  await expect(rules.listing("node-2", "iptables-save")).toContainText("for node/node-2");

  // nftables: web's chains and its elements of the verdict maps.
  await rules.chooseMode("nftables");
  const table = rules.listing("node-2", "nft list table ip kube-proxy");
  await expect(table).toContainText(/chain service-\w{8}-default\/web\/tcp\/http \{/);
  await expect(table).toContainText(/chain endpoint-\w{8}-default\/web\/tcp\/http__10\.244\./);
  await expect(table).toContainText("map service-ips {");
  await expect(table).toContainText(/tcp \. \d+ : goto external-\w{8}-default\/web\/tcp\/http/);
  await expect(table).not.toContainText("chain services {");

  // ipvs: deprecated, said so; web's virtual servers, each with its real servers.
  await rules.chooseMode("ipvs");
  await expect(graph.inspector).toContainText("Deprecated since Kubernetes 1.35");
  const ipvs = rules.listing("node-2", "ipvsadm -Ln");
  await expect(ipvs).toContainText(/TCP {2}10\.\d+\.\d+\.\d+:80 rr/);
  await expect(ipvs).toContainText(/TCP {2}198\.51\.100\.\d+:80 rr/);
  await expect(ipvs).toContainText(/-> 10\.244\.\d+\.\d+:80 +Masq/);
});

const languages = {
  en: { rules: ENGLISH_RULES, lesson: /Lesson 6: LoadBalancer/ },
  ja: { rules: JAPANESE_RULES, lesson: /レッスン 6：/ },
};

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  for (const [language, names] of Object.entries(languages)) {
    test(`${language} at ${size.width}×${size.height}: the rules are small text, monospaced, scrolled in their own box by the keyboard`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      const graph = language === "ja" ? new JapaneseRequests(page) : new GraphPanel(page);
      if (graph instanceof JapaneseRequests) await graph.open();
      else await new LabPage(page).open();
      await new LessonPanel(page).openLesson(names.lesson);
      await graph.selectService("web");
      const rules = new KubeProxyRules(graph.inspector, names.rules);
      const save = rules.listing("node-1", "iptables-save");
      await expect(save).toContainText(":KUBE-SVC-");

      // At least the body's small text (Tailwind's text-xs, 12 px), in the monospaced font.
      const style = await save.locator("pre").evaluate((pre) => {
        const s = getComputedStyle(pre);
        return { size: Number.parseFloat(s.fontSize), family: s.fontFamily };
      });
      expect(style.size).toBeGreaterThanOrEqual(12);
      expect(style.family).toMatch(/monospace/);

      // Long rules scroll inside their box; the page never gets wider than the window.
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.window);
      const box = await save.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(box.scroll).toBeGreaterThan(box.client);

      // A tab stop after the node choice, scrolled by the arrow keys.
      await rules.node.focus();
      await page.keyboard.press("Tab");
      await expect(save).toBeFocused();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => save.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      await graph.screenshot(`service-rules-${language}-${size.width}`);
      // Focusing it scrolled the inspector only, never the page.
      const page_ = await page.evaluate(() => ({
        scrolled: window.scrollY,
        height: document.documentElement.scrollHeight,
        window: window.innerHeight,
      }));
      expect(page_.scrolled).toBe(0);
      expect(page_.height).toBeLessThanOrEqual(page_.window);
    });
  }
}
