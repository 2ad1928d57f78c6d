import { expect, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { JapaneseRequests } from "./pages/JapaneseRequests.ts";
import { LabPage } from "./pages/LabPage.ts";
import { TimePanel } from "./pages/TimePanel.ts";

test.beforeEach(async ({ page }) => {
  await new LabPage(page).open();
});

test("local providers traced: Docker Desktop on localhost, kind's Envoy, minikube tunnel; in Japanese too", async ({
  page,
}) => {
  const time = new TimePanel(page);
  const graph = new GraphPanel(page);
  const provider = page.getByLabel("Load balancer provider");
  const pick = async (name: string) => {
    await time.open();
    await page.getByRole("tab", { name: "Settings" }).click();
    await provider.selectOption(name);
    await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Requests" }).click();
  };
  const lastHops = async () => {
    await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 30_000 });
    await graph.log.getByRole("listitem").last().click();
    return graph.inspector;
  };

  await pick("docker-desktop");
  await expect(graph.loadBalancer("default/web-lb")).toContainText("localhost");
  await graph.sendRequest("client/external", "http://localhost/");
  await expect(await lastHops()).toContainText(
    "Docker Desktop: vpnkit listens on the host's port 80 (localhost)",
  );

  await pick("kind");
  await graph.sendRequest("client/external", "http://172.18.0.10/");
  await expect(await lastHops()).toContainText("cloud-provider-kind's Envoy container on the kind network");

  await pick("minikube");
  const clusterIP = /10\.\d+\.\d+\.\d+/.exec((await graph.service("web-lb").textContent()) ?? "")?.[0];
  await graph.sendRequest("client/external", `http://${clusterIP}/`);
  await expect(await lastHops()).toContainText(
    "minikube tunnel (it must be running) routes the Service CIDR",
  );
  await graph.screenshot("lb-providers-minikube");

  await page.getByLabel("Language").selectOption("ja");
  const ja = new JapaneseRequests(page);
  await ja.sendAndWait("client/external", `http://${clusterIP}/`, "delivered");
  await ja.log.getByRole("listitem").last().click();
  await expect(ja.inspector).toContainText("minikube tunnel（実行中であることが必要）");
});
