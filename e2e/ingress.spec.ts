import { expect, test } from "@playwright/test";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { IngressView } from "./pages/IngressView.ts";
import { LabPage } from "./pages/LabPage.ts";

test("HTTPS to an Ingress host is terminated at ingress-nginx, routed by path and delivered to the right Service's pod", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const graph = new GraphPanel(page);
  const ingress = new IngressView(page);
  await lab.open();
  await ingress.openSandbox();
  await ingress.loadSample("Ingress with ingress-nginx");

  // The Ingress is drawn with its class, TLS badge and rules; nginx's controller is its front door.
  const shop = ingress.ingress("shop");
  await expect(shop).toBeVisible();
  await expect(shop).toContainText("nginx");
  await expect(shop).toContainText("TLS");
  await expect(shop).toContainText("/cart → cart:http");
  await expect(ingress.loadBalancer("ingress-nginx/ingress-nginx-controller")).toContainText("198.51.100.");
  await expect(ingress.loadBalancer("ingress/default/shop")).toHaveCount(0);
  await expect(graph.service("ingress-nginx-controller")).toBeVisible();
  await expect(page.getByRole("article", { name: /^Pod ingress-nginx-controller-/ })).toBeVisible();
  await lab.screenshot("ingress-sample");

  await graph.sendRequest("client/external", "https://shop.example.com/cart");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 30_000 });
  const entry = graph.log.getByRole("listitem").last();
  await expect(entry).toContainText("delivered");
  await expect(entry).toContainText(/pod\/default\/cart-/);

  await expect(graph.inspector.getByRole("heading", { name: /Request #\d+/ })).toBeVisible();
  const tls = ingress.hop("tls-terminate");
  await expect(tls).toContainText("TLS terminated here");
  await expect(tls).toContainText("certificate from Secret default/shop-example-tls");
  await expect(tls).toContainText(/pod\/ingress-nginx\/ingress-nginx-controller-/);
  const l7 = ingress.hop("l7-route");
  await expect(l7).toContainText("L7 routing decision");
  await expect(l7).toContainText("path /cart (Prefix) is the longest match");
  await expect(l7).toContainText("backend cart:http");
  await expect(l7).toContainText("spec.rules[0].http.paths[0].path");
  await l7.scrollIntoViewIfNeeded();
  await lab.screenshot("ingress-https-delivered");

  // The same host without /cart goes to the other Service.
  await graph.sendRequest("client/external", "https://shop.example.com/");
  await expect(graph.log.getByRole("listitem").last()).toContainText(/pod\/default\/web-/, {
    timeout: 30_000,
  });

  // Clicking the Ingress shows its rules as a table.
  await shop.click();
  await expect(graph.inspector.getByRole("heading", { name: "Ingress shop" })).toBeVisible();
  await expect(graph.inspector.getByRole("table")).toContainText("cart:http");
  await expect(graph.inspector).toContainText("ingress-nginx (pods in the cluster)");
  await lab.screenshot("ingress-inspector");
});
